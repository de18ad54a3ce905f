/**
 * IP address classification for the SSRF guard. We parse addresses into bytes ourselves so
 * that IPv4 embedded in IPv6 (mapped, compatible, NAT64, 6to4, Teredo) is judged by the
 * IPv4 address it really reaches.
 */

export type AddressCheck = { ok: true } | { ok: false; reason: string };

interface Range {
  bytes: number[];
  prefix: number;
  reason: string;
}

const V4_BLOCKED: Range[] = [
  v4('0.0.0.0', 8, 'unspecified ("this network")'),
  v4('10.0.0.0', 8, 'private network'),
  v4('100.64.0.0', 10, 'carrier-grade NAT'),
  v4('127.0.0.0', 8, 'loopback'),
  v4('169.254.0.0', 16, 'link-local'),
  v4('172.16.0.0', 12, 'private network'),
  v4('192.0.0.0', 24, 'IETF protocol assignments'),
  v4('192.0.2.0', 24, 'documentation (TEST-NET-1)'),
  v4('192.88.99.0', 24, '6to4 relay anycast'),
  v4('192.168.0.0', 16, 'private network'),
  v4('198.18.0.0', 15, 'benchmarking'),
  v4('198.51.100.0', 24, 'documentation (TEST-NET-2)'),
  v4('203.0.113.0', 24, 'documentation (TEST-NET-3)'),
  v4('224.0.0.0', 4, 'multicast'),
  v4('240.0.0.0', 4, 'reserved or broadcast'),
];

const V6_BLOCKED: Range[] = [
  v6('64:ff9b:1::', 48, 'local-use NAT64'),
  v6('100::', 64, 'discard-only'),
  v6('2001:db8::', 32, 'documentation'),
  v6('2001:10::', 28, 'ORCHID'),
  v6('fc00::', 7, 'unique-local'),
  v6('fe80::', 10, 'link-local'),
  v6('fec0::', 10, 'site-local'),
  v6('ff00::', 8, 'multicast'),
];

/** Decide whether an IP address (v4 or v6, as resolved) is safe to connect to. */
export function checkAddress(ip: string): AddressCheck {
  const v4bytes = parseIPv4(ip);
  if (v4bytes) return checkV4(v4bytes);
  const v6bytes = parseIPv6(ip);
  if (!v6bytes) return { ok: false, reason: `not an IP address: ${ip}` };
  return checkV6(v6bytes);
}

function checkV4(bytes: number[]): AddressCheck {
  const hit = V4_BLOCKED.find((r) => inRange(bytes, r));
  return hit ? { ok: false, reason: `${bytes.join('.')} is ${hit.reason}` } : { ok: true };
}

function checkV6(b: number[]): AddressCheck {
  const embedded = embeddedV4(b);
  if (embedded) {
    const inner = checkV4(embedded.v4);
    return inner.ok ? inner : { ok: false, reason: `${embedded.kind} of ${inner.reason}` };
  }
  if (b.slice(0, 15).every((x) => x === 0)) {
    return { ok: false, reason: b[15] === 1 ? 'loopback (::1)' : 'unspecified (::)' };
  }
  const hit = V6_BLOCKED.find((r) => inRange(b, r));
  if (hit) return { ok: false, reason: `IPv6 ${hit.reason}` };
  // Everything else in ::/8 is unassigned; nothing public lives there.
  return b[0] === 0 ? { ok: false, reason: 'reserved IPv6 range ::/8' } : { ok: true };
}

/** The IPv4 address an IPv6 address reaches by translation or tunnelling, if any. */
function embeddedV4(b: number[]): { kind: string; v4: number[] } | undefined {
  const zeros = (from: number, to: number): boolean => b.slice(from, to).every((x) => x === 0);
  if (zeros(0, 10) && b[10] === 0xff && b[11] === 0xff) return { kind: 'IPv4-mapped', v4: b.slice(12) };
  if (zeros(0, 12) && !zeros(12, 15)) return { kind: 'IPv4-compatible', v4: b.slice(12) };
  if (inRange(b, { bytes: bytesOf6('64:ff9b::'), prefix: 96, reason: '' })) {
    return { kind: 'NAT64', v4: b.slice(12) };
  }
  if (b[0] === 0x20 && b[1] === 0x02) return { kind: '6to4', v4: b.slice(2, 6) };
  if (b[0] === 0x20 && b[1] === 0x01 && b[2] === 0 && b[3] === 0) {
    // Teredo stores the client's IPv4 address bit-inverted in the last four bytes.
    return { kind: 'Teredo', v4: b.slice(12).map((x) => x ^ 0xff) };
  }
  return undefined;
}

/** Parse strict dotted-decimal IPv4 (resolvers and WHATWG URLs always produce this form). */
export function parseIPv4(ip: string): number[] | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  const bytes = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  return bytes.every((x) => x <= 255) ? bytes : undefined;
}

/** Parse IPv6 (with `::`, an optional dotted IPv4 tail and an optional zone) into 16 bytes. */
export function parseIPv6(raw: string): number[] | undefined {
  const ip = raw.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!/^[0-9a-f:.]+$/i.test(ip) || ip.split('::').length > 2) return undefined;
  const groups = ip.split(':');
  const last = groups[groups.length - 1] ?? '';
  if (last.includes('.')) {
    const tail = parseIPv4(last);
    if (!tail) return undefined;
    groups.splice(groups.length - 1, 1, hex16(tail[0]!, tail[1]!), hex16(tail[2]!, tail[3]!));
  }
  const [head = '', rest] = ip.includes('::') ? splitDouble(groups) : [groups.join(':'), undefined];
  const left = head === '' ? [] : head.split(':');
  const right = rest === undefined || rest === '' ? [] : rest.split(':');
  const missing = 8 - left.length - right.length;
  if (rest === undefined ? missing !== 0 : missing < 1) return undefined;
  const all = [...left, ...Array<string>(rest === undefined ? 0 : missing).fill('0'), ...right];
  if (!all.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return undefined;
  return all.flatMap((g) => {
    const n = parseInt(g, 16);
    return [n >> 8, n & 0xff];
  });
}

function splitDouble(groups: string[]): [string, string] {
  const joined = groups.join(':');
  const at = joined.indexOf('::');
  return [joined.slice(0, at), joined.slice(at + 2)];
}

function hex16(hi: number, lo: number): string {
  return ((hi << 8) | lo).toString(16);
}

function inRange(bytes: number[], range: Range): boolean {
  if (bytes.length !== range.bytes.length) return false;
  for (let bit = 0; bit < range.prefix; bit++) {
    const i = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if (((bytes[i] ?? 0) & mask) !== ((range.bytes[i] ?? 0) & mask)) return false;
  }
  return true;
}

function bytesOf6(ip: string): number[] {
  const b = parseIPv6(ip);
  if (!b) throw new Error(`bad IPv6 constant ${ip}`);
  return b;
}

function v4(ip: string, prefix: number, reason: string): Range {
  const bytes = parseIPv4(ip);
  if (!bytes) throw new Error(`bad IPv4 constant ${ip}`);
  return { bytes, prefix, reason };
}

function v6(ip: string, prefix: number, reason: string): Range {
  return { bytes: bytesOf6(ip), prefix, reason };
}

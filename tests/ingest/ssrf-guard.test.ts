import { describe, expect, it } from 'vitest';
import { checkAddress } from '../../src/ingest/ip-address.js';
import { resolveSafeAddress, type LookupFn } from '../../src/ingest/ssrf-guard.js';
import { LaerlingError } from '../../src/errors.js';

const refused: [string, string][] = [
  ['10.0.0.1', 'private'],
  ['172.16.0.1', 'private'],
  ['172.31.255.255', 'private'],
  ['192.168.1.1', 'private'],
  ['127.0.0.1', 'loopback'],
  ['127.255.255.254', 'loopback'],
  ['169.254.169.254', 'link-local'],
  ['100.64.0.1', 'carrier-grade NAT'],
  ['100.127.255.255', 'carrier-grade NAT'],
  ['0.0.0.0', 'unspecified'],
  ['0.1.2.3', 'unspecified'],
  ['224.0.0.1', 'multicast'],
  ['239.255.255.250', 'multicast'],
  ['240.0.0.1', 'reserved'],
  ['255.255.255.255', 'broadcast'],
  ['192.0.2.1', 'documentation'],
  ['198.18.0.1', 'benchmarking'],
  ['::1', 'loopback'],
  ['::', 'unspecified'],
  ['fe80::1', 'link-local'],
  ['fe80::1%eth0', 'link-local'],
  ['febf::1', 'link-local'],
  ['fc00::1', 'unique-local'],
  ['fd12:3456::1', 'unique-local'],
  ['ff02::1', 'multicast'],
  ['::ffff:127.0.0.1', 'IPv4-mapped'],
  ['::ffff:7f00:1', 'IPv4-mapped'],
  ['::ffff:10.0.0.1', 'IPv4-mapped'],
  ['::ffff:a9fe:a9fe', 'link-local'],
  ['::127.0.0.1', 'IPv4-compatible'],
  ['64:ff9b::7f00:1', 'NAT64'],
  ['64:ff9b::192.168.0.1', 'NAT64'],
  ['64:ff9b:1::1', 'NAT64'],
  ['2002:7f00:1::1', '6to4'],
  ['2002:c0a8:101::', '6to4'],
  ['2001:0:4136:e378:8000:63bf:80ff:fffe', 'Teredo'],
  ['2001:db8::1', 'documentation'],
  ['[::1]', 'loopback'],
];

const allowed = ['93.184.216.34', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '::ffff:93.184.216.34', '64:ff9b::5db8:d822', '2002:5db8:d822::1'];

describe('checkAddress', () => {
  it.each(refused)('refuses %s (%s)', (ip, why) => {
    const verdict = checkAddress(ip);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toContain(why);
  });

  it.each(allowed)('allows public %s', (ip) => {
    expect(checkAddress(ip)).toEqual({ ok: true });
  });

  it('refuses what is not an IP address', () => {
    expect(checkAddress('shop.example').ok).toBe(false);
    expect(checkAddress('1::2::3').ok).toBe(false);
    expect(checkAddress('256.1.1.1').ok).toBe(false);
  });
});

const lookupFrom = (table: Record<string, string[]>): LookupFn => async (host) => {
  const addresses = table[host];
  if (!addresses) throw new Error(`ENOTFOUND ${host}`);
  return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return error instanceof LaerlingError ? error.code : 'other';
  }
}

describe('resolveSafeAddress', () => {
  const lookup = lookupFrom({
    'shop.example': ['93.184.216.34'],
    'evil.example': ['127.0.0.1'],
    'mixed.example': ['93.184.216.34', '10.0.0.5'],
    'v6.example': ['::ffff:7f00:1'],
  });

  it('returns the checked address of a public host', async () => {
    await expect(resolveSafeAddress('https://shop.example/x', { lookup })).resolves.toEqual({ address: '93.184.216.34', family: 4 });
  });

  it('refuses a host whose resolved address is private, even when only one of them is', async () => {
    expect(await codeOf(resolveSafeAddress('https://evil.example/', { lookup }))).toBe('PRIVATE_NETWORK');
    expect(await codeOf(resolveSafeAddress('https://mixed.example/', { lookup }))).toBe('PRIVATE_NETWORK');
    expect(await codeOf(resolveSafeAddress('https://v6.example/', { lookup }))).toBe('PRIVATE_NETWORK');
    // The operator reading it learns how to allow an intranet site on purpose.
    await expect(resolveSafeAddress('https://evil.example/', { lookup })).rejects.toThrow(/--allow-private-network, or LAERLING_CRAWL_ALLOW_PRIVATE_NETWORK=1/);
  });

  it.each([
    'http://2130706433/',
    'http://0x7f.1/',
    'http://0x7f000001/',
    'http://0177.0.0.1/',
    'http://127.1/',
    'http://127.0.1/',
    'http://017700000001/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:7f00:1]/',
    'http://169.254.169.254/latest/meta-data/',
    'http://0/',
  ])('refuses the IP spelling %s without any lookup', async (url) => {
    const noLookup: LookupFn = async () => {
      throw new Error('must not resolve an IP literal');
    };
    expect(await codeOf(resolveSafeAddress(url, { lookup: noLookup }))).toBe('PRIVATE_NETWORK');
  });

  it('refuses schemes other than http and https', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://shop.example/', 'gopher://shop.example/', 'data:text/html,hi']) {
      expect(await codeOf(resolveSafeAddress(url, { lookup }))).toBe('URL_NOT_ALLOWED');
    }
  });

  it('allows private addresses only when asked to', async () => {
    await expect(resolveSafeAddress('http://evil.example/', { lookup, allowPrivateNetwork: true })).resolves.toEqual({
      address: '127.0.0.1',
      family: 4,
    });
  });

  it('reports a host that does not resolve as FETCH_FAILED', async () => {
    expect(await codeOf(resolveSafeAddress('https://nowhere.example/', { lookup }))).toBe('FETCH_FAILED');
  });
});

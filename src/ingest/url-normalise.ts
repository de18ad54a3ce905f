/**
 * URL normalisation: one spelling per page, so that de-duplication, robots checks and the
 * index all agree on what "the same URL" is.
 */

const TRACKING_PARAMS = new Set([
  'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'fbclid', 'msclkid', 'yclid', 'twclid',
  'ttclid', 'li_fat_id', 'igshid', 'mc_cid', 'mc_eid', '_ga', '_gl', '_hsenc', '_hsmi',
  'mkt_tok', 'ref', 'ref_src', 'vero_id', 'oly_anon_id', 'oly_enc_id', 'rb_clickid', 's_cid',
]);

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING_PARAMS.has(lower);
}

/**
 * Normalise an http(s) URL (optionally relative to `base`) into its identity for
 * de-duplication; undefined when it is not a usable http(s) URL.
 */
export function normaliseUrl(raw: string, base?: string): string | undefined {
  const url = cleanParsed(raw, base);
  if (!url) return undefined;
  // One policy for trailing slashes: "/a/" and "/a" are one page; the root stays "/".
  if (url.pathname.length > 1 && url.pathname.endsWith('/')) {
    url.pathname = url.pathname.replace(/\/+$/, '') || '/';
  }
  return url.href;
}

/**
 * Like normaliseUrl but keeps the trailing slash: the spelling we request and show, since
 * some servers answer only one of "/a/" and "/a".
 */
export function cleanUrl(raw: string, base?: string): string | undefined {
  return cleanParsed(raw, base)?.href;
}

function cleanParsed(raw: string, base?: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim(), base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  // WHATWG URL already lowercases scheme and host and drops default ports.
  url.hash = '';
  url.username = '';
  url.password = '';
  if (url.hostname.endsWith('.')) url.hostname = url.hostname.replace(/\.+$/, '');
  // Work on the raw pairs so that the server sees its own encoding (no "+" for "%20").
  const pairs = url.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !isTrackingParam(decodeName(pair)));
  pairs.sort();
  url.search = pairs.length > 0 ? `?${pairs.join('&')}` : '';
  return url;
}

function decodeName(pair: string): string {
  const name = pair.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

/** The origin (scheme://host[:port]) of an absolute URL. */
export function originOf(url: string): string {
  return new URL(url).origin;
}

/** The directory of a URL's path, which source a page belongs to: "/hjelp/" for https://x/hjelp/index.html. */
export function directoryOf(url: string): string {
  const path = new URL(url).pathname;
  return path.slice(0, path.lastIndexOf('/') + 1);
}

/** The part of a URL robots.txt rules and path patterns are matched against. */
export function pathAndQuery(url: string): string {
  const u = new URL(url);
  return u.pathname + u.search;
}

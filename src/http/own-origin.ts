import type { Context } from 'hono';

/**
 * Whether `origin` (an Origin header) is this server's own: the request URL's origin, or the same
 * host and port as the Host (or X-Forwarded-Host) header, in either scheme. The scheme is let go
 * because a proxy that ends TLS forwards plain http, so https://host is our own while the request
 * URL says http://host. X-Forwarded-Host is read even without LAERLING_TRUST_PROXY: this answers
 * "did a page of ours send this?", and a cross-site page cannot add that header to a request
 * without a CORS preflight, which these routes never allow.
 */
export function isOwnOrigin(c: Context, origin: string): boolean {
  if (origin === new URL(c.req.url).origin) return true;
  let host: string;
  try {
    const url = new URL(origin);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
    host = url.host;
  } catch {
    return false; // "null" (sandboxed frames, file: pages) and anything else that is no URL
  }
  const forwarded = c.req.header('x-forwarded-host')?.split(',')[0]?.trim().toLowerCase();
  return [c.req.header('host')?.trim().toLowerCase(), forwarded].some((h) => h !== undefined && h !== '' && normaliseHost(h) === host);
}

// URL.host drops a default port ("example.com:443" → "example.com") and lower-cases; headers may not.
function normaliseHost(h: string): string {
  try {
    return new URL(`https://${h}`).host;
  } catch {
    return h;
  }
}

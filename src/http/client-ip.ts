import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The client's address for rate limits and visitor counts. Behind `proxies` trusted reverse
 * proxies it is the entry that many places from the right of X-Forwarded-For: each proxy appends
 * the address it saw, so everything further left was written by the client and can be forged.
 */
export function clientIp(c: Context, proxies: number): string {
  if (proxies > 0) {
    const forwarded = (c.req.header('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    // Fewer entries than proxies: the request skipped one; the oldest entry is still a proxy's.
    if (forwarded.length > 0) return forwarded[Math.max(0, forwarded.length - proxies)]!;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // app.request() in tests has no socket
  }
}

/**
 * The SSRF guard: decide where a URL may connect to. The host is resolved once, every
 * resolved address is checked, and the caller connects to the checked address — so a DNS
 * answer that changes between check and connect (rebinding) cannot reach a private network.
 */

import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { LaerlingError } from '../errors.js';
import { checkAddress } from './ip-address.js';

export interface ResolvedAddress {
  address: string;
  /** 4 or 6. */
  family: number;
}

/** Resolve a hostname to all of its addresses (same shape as dns.promises.lookup with all). */
export type LookupFn = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export interface GuardOptions {
  allowPrivateNetwork?: boolean;
  lookup?: LookupFn;
}

/** The default resolver: the operating system's, all addresses, in its own order. */
export const systemLookup: LookupFn = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** Refuse anything but http(s) URLs without credentials; returns the parsed URL. */
export function assertHttpUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new LaerlingError('URL_NOT_ALLOWED', `Not a valid URL: ${raw}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new LaerlingError('URL_NOT_ALLOWED', `Only http and https URLs are allowed: ${raw}`);
  }
  return url;
}

/**
 * Resolve the URL's host and check every address; returns the address to connect to.
 * Throws PRIVATE_NETWORK when any address is refused, FETCH_FAILED when it does not resolve.
 */
export async function resolveSafeAddress(raw: string, options: GuardOptions = {}): Promise<ResolvedAddress> {
  const url = assertHttpUrl(raw);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const family = isIP(host);
  const addresses = family !== 0 ? [{ address: host, family }] : await resolve(host, options.lookup ?? systemLookup);
  const first = addresses[0];
  if (!first) throw new LaerlingError('FETCH_FAILED', `${host} did not resolve to any address`);
  if (options.allowPrivateNetwork) return first;
  // One bad address refuses the host: otherwise a rebinding server could pick which one we use.
  for (const { address } of addresses) {
    const verdict = checkAddress(address);
    if (!verdict.ok) {
      throw new LaerlingError(
        'PRIVATE_NETWORK',
        `Refusing ${url.host}: ${verdict.reason} (private addresses are crawled only when allowed: --allow-private-network, or LAERLING_CRAWL_ALLOW_PRIVATE_NETWORK=1 for the console)`,
        { url: raw, address },
      );
    }
  }
  return first;
}

async function resolve(host: string, lookup: LookupFn): Promise<readonly ResolvedAddress[]> {
  try {
    return await lookup(host);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new LaerlingError('FETCH_FAILED', `Could not resolve ${host}: ${message}`, { host });
  }
}

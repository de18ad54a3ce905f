/**
 * Everything the crawler sends to a site goes through here: the same-origin rule, robots.txt
 * (cached per origin), the per-host limiter and the SSRF-guarded fetch.
 */

import { LaerlingError } from '../errors.js';
import { productToken, type ResolvedCrawlOptions } from './crawl-options.js';
import type { HostLimiter } from './host-limiter.js';
import { crawlDelayMs, getRobotsPolicy, isAllowedByRobots, type RobotsCache, type RobotsPolicy } from './robots.js';
import { safeFetch, type SafeFetchOptions, type SafeResponse } from './safe-fetch.js';
import { sitemapText } from './sitemap.js';
import type { LookupFn } from './ssrf-guard.js';
import { normaliseUrl, originOf, pathAndQuery } from './url-normalise.js';

export interface SiteAccess {
  inOrigin: (url: string) => boolean;
  robots: (origin: string) => Promise<RobotsPolicy>;
  allowedByRobots: (url: string) => Promise<boolean>;
  /** Fetch a page: redirects must stay in the allowed origins and be allowed by robots.txt. */
  fetchPage: (url: string, init: Pick<SafeFetchOptions, 'headers' | 'onHead' | 'beforeRedirect'>) => Promise<SafeResponse>;
  /** A sitemap's text, or undefined when it does not exist (non-2xx). */
  fetchSitemap: (url: string) => Promise<string | undefined>;
  aborted: () => boolean;
}

/** The longest robots.txt Crawl-delay honoured; longer ones are shortened to this. */
export const MAX_CRAWL_DELAY_MS = 30_000;

export interface SiteAccessDeps {
  origins: ReadonlySet<string>;
  lookup?: LookupFn;
  now: () => Date;
  robotsCache: RobotsCache;
  limiter: HostLimiter;
  signal?: AbortSignal;
}

/** Wire the crawl's options and dependencies into one gate to the site. */
export function createSiteAccess(opts: ResolvedCrawlOptions, deps: SiteAccessDeps): SiteAccess {
  const token = productToken(opts.userAgent);
  const base: SafeFetchOptions = {
    userAgent: opts.userAgent,
    timeoutMs: opts.timeoutMs,
    maxBytes: opts.maxBytes,
    allowPrivateNetwork: opts.allowPrivateNetwork,
    ...(deps.signal ? { signal: deps.signal } : {}),
  };
  const fetchVia = (url: string, init: SafeFetchOptions, minDelayMs = 0): Promise<SafeResponse> =>
    deps.limiter.run(new URL(url).host, () => safeFetch(url, { ...base, ...init }, { lookup: deps.lookup }), minDelayMs);
  const inOrigin = (url: string): boolean => {
    const normal = normaliseUrl(url);
    return normal !== undefined && deps.origins.has(originOf(normal));
  };
  const robots = (origin: string): Promise<RobotsPolicy> =>
    getRobotsPolicy(origin, {
      now: deps.now,
      cache: deps.robotsCache,
      // RFC 9309 lets robots.txt redirect anywhere (5 hops); the SSRF guard still checks each.
      fetchText: async (url) => {
        const res = await fetchVia(url, {});
        return { status: res.status, body: res.body.toString('utf8') };
      },
    });
  const allowedByRobots = async (url: string): Promise<boolean> =>
    isAllowedByRobots(await robots(originOf(url)), token, pathAndQuery(url));
  // The site's Crawl-delay for pages and sitemaps (not for robots.txt itself), capped so that one
  // line in robots.txt cannot stretch a crawl of a few hundred pages over days.
  const crawlDelay = async (url: string): Promise<number> => {
    try {
      return Math.min(MAX_CRAWL_DELAY_MS, crawlDelayMs(await robots(originOf(url)), token));
    } catch {
      return 0; // The fetch itself reports why the origin is refused.
    }
  };
  const sameSiteHop = async (url: string): Promise<void> => {
    if (!inOrigin(url)) {
      throw new LaerlingError('URL_NOT_ALLOWED', `Redirects off-origin to ${url}`, { url, skip: true });
    }
    if (!(await allowedByRobots(url))) {
      throw new LaerlingError('ROBOTS_DISALLOWED', `Redirects to ${url}, which robots.txt disallows`, { url });
    }
  };
  return {
    inOrigin,
    robots,
    allowedByRobots,
    fetchPage: async (url, init) =>
      fetchVia(
        url,
        {
          ...init,
          beforeRedirect: async (next) => {
            await sameSiteHop(next);
            await init.beforeRedirect?.(next);
          },
        },
        await crawlDelay(url),
      ),
    async fetchSitemap(url) {
      const res = await fetchVia(url, { beforeRedirect: sameSiteHop }, await crawlDelay(url));
      if (res.status < 200 || res.status >= 300) return undefined;
      return sitemapText(res.body, opts.maxBytes);
    },
    aborted: () => deps.signal?.aborted ?? false,
  };
}

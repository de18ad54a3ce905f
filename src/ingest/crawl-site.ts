/**
 * Crawl a site: start URLs plus sitemaps, links followed within the start URLs' origins (each
 * start URL's include/exclude and page limit applying to its own site), robots.txt obeyed,
 * duplicates (by URL, redirect, canonical or identical text) fetched or kept once, politely and
 * under the SSRF guard. Returns what was fetched and why anything was not.
 */

import { resolveCrawlOptions, type CrawlDeps, type CrawlOptions, type ResolvedSource } from './crawl-options.js';
import { createFrontier, type Frontier } from './crawl-frontier.js';
import { emptyReport, failure, progressOf, type CrawlReport } from './crawl-report.js';
import { fetchPage, type PageFetchContext } from './fetch-page.js';
import { createHostLimiter } from './host-limiter.js';
import { createRobotsCache } from './robots.js';
import { createSiteAccess, type SiteAccess } from './site-access.js';
import { walkSitemaps } from './sitemap.js';
import { cleanUrl, normaliseUrl, originOf } from './url-normalise.js';

export type { CrawlDeps, CrawlOptions, CrawlSource } from './crawl-options.js';
export type { CrawlReport } from './crawl-report.js';

/** Crawl the sites of the start URLs and report pages, unchanged, skipped and failed URLs. */
export async function crawlSite(options: CrawlOptions, deps: CrawlDeps = {}): Promise<CrawlReport> {
  const opts = resolveCrawlOptions(options);
  const now = deps.now ?? (() => new Date());
  const started = now();
  const report = emptyReport(started);
  const starts: ResolvedSource[] = [];
  for (const source of opts.sources) {
    const url = cleanUrl(source.url);
    if (url) starts.push({ ...source, url });
    else report.failed.push({ url: source.url, code: 'URL_NOT_ALLOWED', message: `Not an http(s) URL: ${source.url}` });
  }
  const origins = new Set(starts.map((source) => originOf(source.url)));
  const access = createSiteAccess(opts, {
    origins,
    lookup: deps.lookup,
    now,
    robotsCache: deps.robotsCache ?? createRobotsCache(),
    limiter: createHostLimiter({ concurrency: opts.concurrencyPerHost, delayMs: opts.delayMs }),
    signal: deps.signal,
  });
  const frontier = createFrontier(starts);
  starts.forEach((source, i) => frontier.seed(source.url, i));
  for (const key of opts.previous.keys()) frontier.add(key);
  for (const origin of origins) {
    for (const url of await sitemapPages(origin, access, report)) frontier.add(url);
  }

  const previous = new Map([...opts.previous].map(([key, value]) => [normaliseUrl(key) ?? key, { key, value }]));
  const context: PageFetchContext = { opts, access, report, frontier, now, previous, hashes: new Map() };
  const maxActive = opts.concurrencyPerHost * Math.max(1, origins.size);
  await runQueue(starts, maxActive, frontier, context, (inFlight) =>
    deps.onProgress?.(progressOf(report, frontier.size(), inFlight, now().getTime() - started.getTime())),
  );
  for (const item of frontier.remaining()) {
    const old = previous.get(item.key);
    if (old) report.notReached.push(old.key);
  }
  report.finishedAt = now().toISOString();
  return report;
}

async function runQueue(
  sources: readonly ResolvedSource[],
  maxActive: number,
  frontier: Frontier,
  context: PageFetchContext,
  progress: (inFlight: number) => void,
): Promise<void> {
  const running = new Set<Promise<void>>();
  // Per source: pages fetched or unchanged plus those in flight, against its maxPages. Failures
  // and skips do not use up maxPages, but an endless run of them must still stop.
  const budgets = sources.map((s) => ({ maxPages: s.maxPages, used: 0, attempts: 0 }));
  const hasRoom = (source: number): boolean => {
    const b = budgets[source]!;
    return b.attempts < b.maxPages * 5 && b.used < b.maxPages;
  };
  progress(0);
  for (;;) {
    while (running.size < maxActive && !context.access.aborted()) {
      const item = frontier.next(hasRoom);
      if (item === undefined) break;
      const budget = budgets[item.source]!;
      budget.attempts++;
      budget.used++;
      const task: Promise<void> = fetchPage(item, context)
        .then((counted) => {
          if (!counted) budget.used--;
        })
        .finally(() => running.delete(task));
      running.add(task);
    }
    if (running.size === 0) return;
    await Promise.race(running);
    progress(running.size);
  }
}

async function sitemapPages(origin: string, access: SiteAccess, report: CrawlReport): Promise<string[]> {
  let declared: string[];
  try {
    declared = (await access.robots(origin)).sitemaps;
  } catch {
    return []; // The start URL itself will report why this origin is refused.
  }
  const guessed = `${origin}/sitemap.xml`;
  const roots = [...new Set([...declared.map((u) => cleanUrl(u) ?? u), guessed])];
  return walkSitemaps(roots, {
    mayRead: (url) => access.inOrigin(url),
    fetchSitemap: async (url) => {
      try {
        return await access.fetchSitemap(url);
      } catch (error) {
        if (url !== guessed) report.failed.push(failure(url, error));
        return undefined;
      }
    },
  });
}

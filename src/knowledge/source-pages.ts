import { createPathFilter } from '../ingest/path-filter.js';
import { cleanUrl, directoryOf, originOf } from '../ingest/url-normalise.js';
import type { CrawlSource } from '../ingest/crawl-site.js';

/** Says whether a crawled page's URL is to be left out of the index. */
export type CrawledPageFilter = (url: string) => boolean;

/**
 * The crawled pages that belonged to a removed source: on its site (origin) and kept by none of
 * the remaining ones. A remaining source on that site keeps a page its include/exclude rules let
 * in when the page is under its own path — or is outside the removed source's path, where the
 * crawler (which follows links across the whole site) would reach it from that source anyway.
 */
export function pagesOfRemovedSource(removed: CrawlSource, remaining: readonly CrawlSource[]): CrawledPageFilter {
  const origin = siteOf(removed.url);
  if (origin === undefined) return () => false;
  const removedDir = directoryOf(removed.url);
  const keepers = remaining
    .filter((s) => siteOf(s.url) === origin)
    .map((s) => ({ dir: directoryOf(s.url), passes: createPathFilter(s) }));
  return (url) => {
    if (siteOf(url) !== origin) return false;
    const path = new URL(url).pathname;
    const underRemoved = isUnder(path, removedDir);
    return !keepers.some((k) => k.passes(url) && (!underRemoved || isUnder(path, k.dir)));
  };
}

/** Pages of any source in `before` that is missing from `now` (removed while a crawl ran). */
export function pagesOfRemovedSources(before: readonly CrawlSource[], now: readonly CrawlSource[]): CrawledPageFilter {
  const left = new Set(now.map((s) => s.url));
  const drops = before.filter((s) => !left.has(s.url)).map((s) => pagesOfRemovedSource(s, now));
  return (url) => drops.some((drop) => drop(url));
}

// Undefined for a URL that is not http(s): it belongs to no site.
function siteOf(url: string): string | undefined {
  return cleanUrl(url) === undefined ? undefined : originOf(url);
}

// "/hjelp" is the page of the directory "/hjelp/" (URLs are stored without a trailing slash too).
function isUnder(path: string, dir: string): boolean {
  return path.startsWith(dir) || `${path}/` === dir;
}

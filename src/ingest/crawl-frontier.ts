/**
 * The crawl frontier: which URLs are queued, and which are already covered by a fetched page.
 * Each start URL (a source) has its own queue, include/exclude patterns and page budget, so that
 * one source's rules never decide about another site's pages.
 */

import { createPathFilter, type PathFilter } from './path-filter.js';
import { cleanUrl, directoryOf, normaliseUrl, originOf } from './url-normalise.js';

/** A URL to fetch: `key` identifies it (normalised), `href` is the spelling we request. */
export interface FrontierItem {
  key: string;
  href: string;
  /** The index of the source whose page budget it uses. */
  source: number;
}

/** A start URL (cleaned) with its include/exclude patterns. */
export interface FrontierSource extends PathFilter {
  url: string;
}

export interface Frontier {
  /** Queue a start URL for its source, whatever the patterns say. */
  seed: (url: string, source: number) => void;
  /** Queue a URL if it is new and a source on its origin lets it in by its patterns. */
  add: (url: string) => void;
  /**
   * Record that the page fetched from `by` covers the URL with this key (itself, a redirect
   * target or its canonical) so it is never fetched again; returns the earlier owner if any.
   */
  claim: (key: string, by: string) => string | undefined;
  /** The next URL of a source that `hasRoom`, taking the sources in turn. */
  next: (hasRoom: (source: number) => boolean) => FrontierItem | undefined;
  size: () => number;
  /** The URLs still queued (what a crawl that stops early did not reach). */
  remaining: () => FrontierItem[];
}

/** Create an empty frontier for the given sources; URLs off their origins are never queued. */
export function createFrontier(sources: readonly FrontierSource[]): Frontier {
  const scopes = sources.map((s) => ({ origin: originOf(s.url), dir: directoryOf(s.url), passes: createPathFilter(s) }));
  const queues = sources.map(() => ({ items: [] as FrontierItem[], head: 0 }));
  const seen = new Set<string>();
  const claimed = new Map<string, string>();
  let turn = 0;

  // Of the sources on the URL's origin that let it in, the one whose directory holds it (the
  // deepest), else the first: a help section listed beside its whole site uses its own budget.
  const sourceOf = (key: string, href: string): number | undefined => {
    const origin = originOf(key);
    const path = new URL(href).pathname;
    let best: number | undefined;
    let depth = -1;
    scopes.forEach((scope, i) => {
      if (scope.origin !== origin || !scope.passes(href)) return;
      const d = path.startsWith(scope.dir) ? scope.dir.length : 0;
      if (d > depth) [best, depth] = [i, d];
    });
    return best;
  };
  const enqueue = (key: string, href: string, source: number): void => {
    seen.add(key);
    queues[source]!.items.push({ key, href, source });
  };

  return {
    seed(raw, source) {
      const key = normaliseUrl(raw);
      const href = cleanUrl(raw);
      if (key && href && !seen.has(key)) enqueue(key, href, source);
    },
    add(raw) {
      const key = normaliseUrl(raw);
      const href = cleanUrl(raw);
      if (!key || !href || seen.has(key)) return;
      const source = sourceOf(key, href);
      if (source !== undefined) enqueue(key, href, source);
    },
    claim(key, by) {
      const owner = claimed.get(key);
      if (owner !== undefined) return owner;
      claimed.set(key, by);
      seen.add(key);
      return undefined;
    },
    // Heads instead of shift(): shift is O(n) and big sites queue thousands of URLs. Sources take
    // turns so that two sites are crawled side by side, each at its own host's pace.
    next(hasRoom) {
      for (let i = 0; i < queues.length; i++) {
        const source = (turn + i) % queues.length;
        const queue = queues[source]!;
        if (queue.head < queue.items.length && hasRoom(source)) {
          turn = source + 1;
          return queue.items[queue.head++];
        }
      }
      return undefined;
    },
    size: () => queues.reduce((n, q) => n + q.items.length - q.head, 0),
    remaining: () => queues.flatMap((q) => q.items.slice(q.head)),
  };
}

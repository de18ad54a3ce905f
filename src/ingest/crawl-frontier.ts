/** The crawl frontier: which URLs are queued, and which are already covered by a fetched page. */

import { createPathFilter, type PathFilter } from './path-filter.js';
import { cleanUrl, normaliseUrl } from './url-normalise.js';

/** A URL to fetch: `key` identifies it (normalised), `href` is the spelling we request. */
export interface FrontierItem {
  key: string;
  href: string;
}

export interface Frontier {
  /** Queue a URL if it is new, in an allowed origin and (unless `seed`) passes include/exclude. */
  add: (url: string, seed: boolean) => void;
  /**
   * Record that the page fetched from `by` covers the URL with this key (itself, a redirect
   * target or its canonical) so it is never fetched again; returns the earlier owner if any.
   */
  claim: (key: string, by: string) => string | undefined;
  next: () => FrontierItem | undefined;
  size: () => number;
  /** The URLs still queued, in order (what a crawl that stops early did not reach). */
  remaining: () => FrontierItem[];
}

/** Create an empty frontier for the given origins and include/exclude patterns. */
export function createFrontier(filter: PathFilter, inOrigin: (url: string) => boolean): Frontier {
  const passes = createPathFilter(filter);
  const seen = new Set<string>();
  const claimed = new Map<string, string>();
  const queue: FrontierItem[] = [];
  let head = 0;
  return {
    add(raw, seed) {
      const key = normaliseUrl(raw);
      const href = cleanUrl(raw);
      if (!key || !href || seen.has(key) || !inOrigin(key) || (!seed && !passes(href))) return;
      seen.add(key);
      queue.push({ key, href });
    },
    claim(key, by) {
      const owner = claimed.get(key);
      if (owner !== undefined) return owner;
      claimed.set(key, by);
      seen.add(key);
      return undefined;
    },
    // An index instead of shift(): shift is O(n) and big sites queue thousands of URLs.
    next: () => (head < queue.length ? queue[head++] : undefined),
    size: () => queue.length - head,
    remaining: () => queue.slice(head),
  };
}

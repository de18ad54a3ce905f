/** Options of a crawl, validated where they enter, with the defaults spelled out once. */

import { z } from 'zod';
import { formatZodError } from '../config/format-zod-error.js';
import { LaerlingError } from '../errors.js';
import type { CrawlProgress } from './crawl-progress.js';
import type { RobotsCache } from './robots.js';
import { DEFAULT_USER_AGENT } from './safe-fetch.js';
import type { LookupFn } from './ssrf-guard.js';

const patternsSchema = z.array(z.string().min(1));

/** A start URL with its own rules for the pages of its site; a rule left out is the crawl's. */
export const crawlSourceSchema = z.strictObject({
  url: z.string().min(1),
  maxPages: z.number().int().min(1).optional(),
  include: patternsSchema.optional(),
  exclude: patternsSchema.optional(),
});

export const crawlOptionsSchema = z.object({
  startUrls: z.array(z.union([z.string().min(1), crawlSourceSchema])).min(1),
  /** The defaults for start URLs given without their own. */
  maxPages: z.number().int().min(1).default(500),
  include: patternsSchema.default([]),
  exclude: patternsSchema.default([]),
  allowPrivateNetwork: z.boolean().default(false),
  concurrencyPerHost: z.number().int().min(1).max(16).default(2),
  delayMs: z.number().min(0).default(250),
  timeoutMs: z.number().int().min(1).default(15_000),
  maxBytes: z.number().int().min(1).default(10 * 1024 * 1024),
  userAgent: z.string().min(1).default(DEFAULT_USER_AGENT),
});

/** What was known about a page after the last crawl, for conditional requests. */
export interface PreviousFetch {
  etag?: string;
  lastModified?: string;
}

export type CrawlOptions = z.input<typeof crawlOptionsSchema> & {
  /** Pages of the last crawl by URL: they are re-checked, with If-None-Match / If-Modified-Since. */
  previous?: ReadonlyMap<string, PreviousFetch>;
};

export type CrawlSource = z.input<typeof crawlSourceSchema>;

/** A start URL with every rule filled in. */
export type ResolvedSource = Required<z.output<typeof crawlSourceSchema>>;

/** Only `sources` say what to crawl and by which rules: the crawl-wide defaults are folded into them. */
export type ResolvedCrawlOptions = Omit<z.output<typeof crawlOptionsSchema>, 'startUrls' | 'maxPages' | 'include' | 'exclude'> & {
  previous: ReadonlyMap<string, PreviousFetch>;
  sources: ResolvedSource[];
};

export interface CrawlDeps {
  lookup?: LookupFn;
  now?: () => Date;
  onProgress?: (progress: CrawlProgress) => void;
  /** Reuse robots.txt answers across crawls (each lives at most 24 hours). */
  robotsCache?: RobotsCache;
  signal?: AbortSignal;
}

/** Apply defaults and validate; a bad field is named in the INVALID_INPUT message. */
export function resolveCrawlOptions(options: CrawlOptions): ResolvedCrawlOptions {
  const { previous, ...rest } = options;
  const parsed = crawlOptionsSchema.safeParse(rest);
  if (!parsed.success) {
    throw new LaerlingError('INVALID_INPUT', `Crawl options: ${formatZodError(parsed.error)}`);
  }
  const { startUrls, maxPages, include, exclude, ...settings } = parsed.data;
  const sources = startUrls.map((start) => {
    const own = typeof start === 'string' ? { url: start } : start;
    return { url: own.url, maxPages: own.maxPages ?? maxPages, include: own.include ?? include, exclude: own.exclude ?? exclude };
  });
  return { ...settings, previous: previous ?? new Map(), sources };
}

/** The robots.txt product token in a User-Agent string ("laerling/0.1 (…)" → "laerling"). */
export function productToken(userAgent: string): string {
  return (userAgent.split(/[/\s]/)[0] ?? userAgent).toLowerCase();
}

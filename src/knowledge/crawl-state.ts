import { z } from 'zod';

/** What we remember about each crawled page so a re-crawl can skip unchanged ones. */
export const crawledPageSchema = z.object({
  url: z.string(),
  title: z.string(),
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  contentHash: z.string(),
});

/** Stored beside each index generation: crawl state plus the knowledge/ fingerprint it was built from. */
export const indexExtraSchema = z.object({
  crawledPages: z.array(crawledPageSchema).default([]),
  lastCrawlAt: z.string().optional(),
  knowledgeFingerprint: z.string().optional(),
  builtAt: z.string(),
  /** Problems that did not stop the build (an invalid knowledge file, an unreadable page). */
  warnings: z.array(z.string()).default([]),
});

export type CrawledPage = z.infer<typeof crawledPageSchema>;
export type IndexExtra = z.infer<typeof indexExtraSchema>;

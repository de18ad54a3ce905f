import { z } from 'zod';
import { hasFallbackQaUrl } from '../ingest/knowledge-qa.js';

/** A chunk as persisted in chunks.json (mirrors Chunk in src/ingest/types.ts). */
export const chunkSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    title: z.string(),
    headingPath: z.array(z.string()),
    text: z.string(),
    lang: z.enum(['nb', 'nn', 'en']),
    kind: z.enum(['page', 'qa']),
    answer: z.string().optional(),
    questions: z.array(z.string()).optional(),
    subheadings: z.array(z.string()).optional(),
    noPage: z.boolean().optional(),
  })
  // Indexes saved before Q&A chunks carried `noPage` would otherwise link every page-less item
  // until something rebuilds them, which for a knowledge folder that never changes is never.
  .transform((c) => (c.kind === 'qa' && c.noPage === undefined && hasFallbackQaUrl(c) ? { ...c, noPage: true } : c));

/** A question known to lead to a page: a Q&A item's question or a learned phrasing. */
export const phrasingSchema = z.object({
  question: z.string(),
  url: z.string(),
  source: z.enum(['qa', 'learned']),
  learnedAt: z.string().optional(),
});
export type Phrasing = z.infer<typeof phrasingSchema>;

/** manifest.json: what built the index and how to read the other files. */
export const manifestSchema = z.object({
  format: z.literal('laerling-index'),
  version: z.literal(1),
  embedder: z.string(),
  dimensions: z.number().int().positive(),
  ef: z.number().int().positive(),
  chunkCount: z.number().int().min(0),
  phrasingCount: z.number().int().min(0),
  savedAt: z.string(),
});
export type Manifest = z.infer<typeof manifestSchema>;

export const INDEX_FILES = {
  manifest: 'manifest.json',
  chunks: 'chunks.json',
  phrasings: 'phrasings.json',
  lexical: 'lexical.json',
  chunkVectors: 'chunks.hnsw',
  phrasingVectors: 'phrasings.hnsw',
  titleVectors: 'titles.hnsw',
  embedder: 'embedder.json',
} as const;

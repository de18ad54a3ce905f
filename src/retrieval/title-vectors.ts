import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { Embeddings } from '@langchain/core/embeddings';
import type { Chunk } from '../ingest/types.js';
import { INDEX_FILES, type Manifest } from './index-schemas.js';
import { VectorIndex } from './vector-index.js';

/** One vector per page title, in first-seen page order (the order of pageUrls()). */
export async function embedTitles(chunks: readonly Chunk[], embeddings: Embeddings, dimensions: number, ef: number): Promise<VectorIndex> {
  const titles = new Map<string, string>();
  for (const c of chunks) if (!titles.has(c.url)) titles.set(c.url, c.title);
  const vectors = await embeddings.embedDocuments([...titles.values()]);
  const index = VectorIndex.create(dimensions, { ef, capacity: vectors.length });
  vectors.forEach((v, i) => index.add(i, v));
  return index;
}

/** A saved index's title vectors; indexes saved before titles had their own lack the file, so they are embedded again. */
export async function loadTitleVectors(dir: string, chunks: readonly Chunk[], embeddings: Embeddings, manifest: Manifest): Promise<VectorIndex> {
  const file = join(dir, INDEX_FILES.titleVectors);
  const exists = await access(file).then(() => true, () => false);
  if (!exists) return embedTitles(chunks, embeddings, manifest.dimensions, manifest.ef);
  return VectorIndex.load(file, manifest.dimensions, { ef: manifest.ef });
}

import type { Embeddings } from '@langchain/core/embeddings';
import type { PageHit } from './types.js';

/** Below this similarity to a question a page failed, a new question is a different question. */
export const NEGATIVE_MIN_SIMILARITY = 0.55;
/** At similarity 1 a failed page keeps 1 − this share of its score. */
export const NEGATIVE_WEIGHT = 0.6;

/**
 * Questions each page was confirmed not to answer ("that did not help"). For a similar question
 * the page's score is scaled down by its similarity, so the runner-up can overtake it and, if it
 * stays on top, its lead — and with it the confidence — shrinks.
 */
export class NegativePairs {
  private constructor(private readonly byUrl: ReadonlyMap<string, number[][]>) {}

  /** Embed the failed questions once, grouped by page. */
  static async create(items: ReadonlyArray<{ question: string; url: string }>, embeddings: Embeddings): Promise<NegativePairs> {
    const vectors = items.length ? await embeddings.embedDocuments(items.map((i) => i.question)) : [];
    const byUrl = new Map<string, number[][]>();
    items.forEach((item, i) => byUrl.set(item.url, [...(byUrl.get(item.url) ?? []), vectors[i]!]));
    return new NegativePairs(byUrl);
  }

  get size(): number {
    return this.byUrl.size;
  }

  /** The pages re-scored and re-sorted (stable on URL), cut to k. */
  demote(pages: PageHit[], queryVector: readonly number[], k: number): PageHit[] {
    const scored = pages.map((page) => {
      const similarity = Math.max(0, ...(this.byUrl.get(page.url) ?? []).map((v) => cosine(queryVector, v)));
      if (similarity < NEGATIVE_MIN_SIMILARITY) return page;
      return { ...page, score: page.score * (1 - NEGATIVE_WEIGHT * similarity) };
    });
    return scored.sort((a, b) => b.score - a.score || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0)).slice(0, k);
  }
}

function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

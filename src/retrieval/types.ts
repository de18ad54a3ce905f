import type { Chunk } from '../ingest/types.js';

/** A question someone confirmed was resolved by a page. */
export interface LearnedPhrasing {
  question: string;
  url: string;
  /** ISO time it was learned. */
  learnedAt: string;
}

/** One retrieved chunk with its component scores, each normalised to [0,1]. */
export interface Hit {
  chunk: Chunk;
  /** Fused score used for ranking. */
  score: number;
  lexical: number;
  vector: number;
  /** Similarity of the question to the best learned phrasing of this chunk's page (0 if none). */
  learned: number;
  /** Share of the question's content terms found in the chunk (or its page title / phrasings). */
  coverage: number;
}

/** Hits grouped per page, best first: what `candidates` in the CLI contract lists. */
export interface PageHit {
  url: string;
  title: string;
  score: number;
  /** The page's best-scoring chunk and that chunk's component scores. */
  best: Hit;
  hits: Hit[];
}

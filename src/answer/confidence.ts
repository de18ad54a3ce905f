import type { Analyzer } from '../retrieval/analyze-text.js';
import type { PageHit } from '../retrieval/types.js';
import { mutualOverlap } from '../retrieval/term-overlap.js';

/** What confidence is computed from; every feature is in [0,1]. */
export interface ConfidenceFeatures {
  /** Top page's absolute BM25 strength. */
  lexical: number;
  /** Top page's cosine similarity to the question. */
  vector: number;
  /** Top page's similarity to a learned phrasing or Q&A question. */
  learned: number;
  /** Share of the question's content words found on the top page. */
  coverage: number;
  /**
   * (top − runner-up) / top fused score (1 when alone), times coverage: a clear lead only means
   * something when the page shares the question's words — a lone off-topic hit also "leads".
   */
  margin: number;
  /** Two-way word overlap of the question with the top Q&A item's questions, times coverage; 0 for pages. */
  qaQuestion: number;
  /** Content words in the question, min(n, 8) / 8: more words make coverage more telling. */
  queryLength: number;
}

export type FeatureName = keyof ConfidenceFeatures;

/**
 * Logistic-regression weights fitted by `node dist/evals/fit-confidence.js` (evals/fit-confidence.ts)
 * on data we never report on: StackFAQ `train` questions (before learning, and held-out train
 * rephrasings after learning the others) and the unanswerable questions of even-numbered held-out
 * threads (plus evals/demo/dev.jsonl when present). Label: the top page is the expected one.
 * StackFAQ has no Q&A items, so qaQuestion is hand-set: an exact Q&A question match must reach ≈ 1
 * on its own. Coverage-gated margin (see ConfidenceFeatures) keeps a lone off-topic hit near 0.
 */
export const CONFIDENCE_WEIGHTS: Readonly<{ bias: number } & Record<FeatureName, number>> = {
  bias: -3.92,
  lexical: 2.71,
  vector: 4.21,
  learned: -0.94,
  coverage: 0.44,
  margin: 6.29,
  qaQuestion: 4,
  queryLength: 0.94,
};

const LENGTH_SATURATION = 8;

/** The features of a ranked page list for one question (all zero when nothing was found). */
export function extractFeatures(pages: readonly PageHit[], question: string, analyzer: Analyzer): ConfidenceFeatures {
  const top = pages[0];
  const words = analyzer.contentWords(question).length;
  const queryLength = Math.min(words, LENGTH_SATURATION) / LENGTH_SATURATION;
  if (!top) return { lexical: 0, vector: 0, learned: 0, coverage: 0, margin: 0, qaQuestion: 0, queryLength };
  const best = top.best;
  // The lead over the best-scoring other page, not over the next in order: a reordering that
  // leaves the score (the classifier, named things, price lines) must not lend the top page the
  // lead it has over a weaker page it pulled into second place.
  const runnerUp = pages.length > 1 ? Math.max(...pages.slice(1).map((p) => p.score)) : undefined;
  const lead = top.score <= 0 ? 0 : runnerUp !== undefined ? (top.score - runnerUp) / top.score : 1;
  const phrasings = best.chunk.kind === 'qa' ? (best.chunk.questions ?? []) : [];
  const qaQuestion = Math.max(0, ...phrasings.map((p) => mutualOverlap(analyzer, question, p)));
  return {
    lexical: unit(best.lexical),
    vector: unit(best.vector),
    learned: unit(best.learned),
    coverage: unit(best.coverage),
    margin: unit(lead) * unit(best.coverage),
    // A Q&A question sharing one generic word ("koster") is no match unless the page also holds the rest.
    qaQuestion: unit(qaQuestion) * unit(best.coverage),
    queryLength,
  };
}

/** Probability-like confidence in [0,1] that answering from the top page is right. */
export function confidence(features: ConfidenceFeatures, weights = CONFIDENCE_WEIGHTS): number {
  let z = weights.bias;
  for (const name of Object.keys(features) as FeatureName[]) z += weights[name] * unit(features[name]);
  return 1 / (1 + Math.exp(-z));
}

// Clamp to [0,1]; NaN (a retriever bug) counts as no evidence rather than poisoning the sum.
function unit(x: number): number {
  return Number.isNaN(x) ? 0 : x < 0 ? 0 : x > 1 ? 1 : x;
}

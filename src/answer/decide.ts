import { createAnalyzer, type Analyzer } from '../retrieval/analyze-text.js';
import type { PageHit } from '../retrieval/types.js';
import { confidence, extractFeatures, type ConfidenceFeatures } from './confidence.js';

/**
 * Answer when confidence ≥ this; per-bot thresholds override it. On StackFAQ (see
 * CONFIDENCE_WEIGHTS) 0.55 answered 62% of answerable questions with 6% wrong answers (75% / 7%
 * after learning); 0.5 was at 8–10% wrong, too close to the 10% bar for a new, Norwegian site.
 */
export const DEFAULT_THRESHOLD = 0.55;

/** Whether to answer, how sure we are, and why. */
export interface Decision {
  outcome: 'answer' | 'abstain';
  confidence: number;
  reason: 'confident' | 'low_confidence' | 'no_candidates';
  /** What the confidence was computed from, for the playground and for re-fitting weights. */
  features: ConfidenceFeatures;
}

/** Decide whether the top page is good enough to answer from. */
export function decide(
  pages: readonly PageHit[],
  question: string,
  opts: { threshold: number; analyzer?: Analyzer },
): Decision {
  const features = extractFeatures(pages, question, opts.analyzer ?? createAnalyzer());
  if (pages.length === 0) return { outcome: 'abstain', confidence: 0, reason: 'no_candidates', features };
  const c = confidence(features);
  // ≥, not >: the evals' "resolution at ≤5% wrong" re-thresholds recorded confidences the same way.
  return c >= opts.threshold
    ? { outcome: 'answer', confidence: c, reason: 'confident', features }
    : { outcome: 'abstain', confidence: c, reason: 'low_confidence', features };
}

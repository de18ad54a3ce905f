import { createAnalyzer, type Analyzer } from '../retrieval/analyze-text.js';
import type { PageHit } from '../retrieval/types.js';
import { confidence, extractFeatures, type ConfidenceFeatures } from './confidence.js';

/**
 * Answer when confidence ≥ this; per-bot thresholds override it. The rule: the lowest threshold
 * that keeps wrong answers ≤ 5% on the fitting set of CONFIDENCE_WEIGHTS (printed by
 * evals/fit-confidence.ts) — a wrong answer costs far more than a handoff.
 */
export const DEFAULT_THRESHOLD = 0.58;

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

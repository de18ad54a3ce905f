/** Scores of one retriever, keyed by document id. */
export type ScoreList = ReadonlyMap<string, number>;

/**
 * Min-max normalise a list to [0,1]. An empty list stays empty; a list whose scores are all
 * equal (including a single hit) maps to 1 when they are positive and 0 otherwise, instead of
 * dividing by zero.
 */
export function minMaxNormalise(scores: ScoreList): Map<string, number> {
  const out = new Map<string, number>();
  if (scores.size === 0) return out;
  let min = Infinity;
  let max = -Infinity;
  for (const s of scores.values()) {
    min = Math.min(min, s);
    max = Math.max(max, s);
  }
  const range = max - min;
  for (const [id, s] of scores) out.set(id, range > 0 ? (s - min) / range : max > 0 ? 1 : 0);
  return out;
}

/** Map a non-negative unbounded score (BM25) to [0,1): s/(s+k), so k is the score that maps to 0.5. */
export function squash(score: number, k: number): number {
  return score <= 0 ? 0 : score / (score + k);
}

/** Weighted sum of score lists; an id missing from a list scores 0 there. */
export function weightedSum(lists: ReadonlyArray<{ scores: ScoreList; weight: number }>): Map<string, number> {
  const out = new Map<string, number>();
  for (const { scores, weight } of lists) {
    for (const [id, s] of scores) out.set(id, (out.get(id) ?? 0) + weight * s);
  }
  return out;
}

/** Reciprocal rank fusion: Σ weight / (k + rank), rank starting at 1 (Cormack et al., k = 60). */
export function reciprocalRankFusion(lists: ReadonlyArray<{ scores: ScoreList; weight: number }>, k = 60): Map<string, number> {
  const out = new Map<string, number>();
  for (const { scores, weight } of lists) {
    rankByScore(scores).forEach(([id], i) => out.set(id, (out.get(id) ?? 0) + weight / (k + i + 1)));
  }
  return out;
}

/** Entries best first; equal scores are ordered by id so results never depend on insertion order. */
export function rankByScore(scores: ScoreList): Array<[string, number]> {
  return [...scores.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

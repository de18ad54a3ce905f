import { containsKeyPhrase } from './key-phrases.js';

/** One scored question: what the bot did and what was expected. */
export interface ScoredQuestion {
  id: string;
  /** Expected page path, or null when the question must be refused. */
  expected: string | null;
  outcome: 'answer' | 'abstain';
  confidence: number;
  /** Paths of the ranked candidates, best first. */
  candidatePaths: string[];
  /** Path of the page the answer cited first (if it answered). */
  answerPath?: string;
  /** The answer's text (the abstention message when it abstained). */
  answer?: string;
  /** Key phrases a right answer contains, one of them (demo suite; absent elsewhere). */
  expect?: string[];
  ms: number;
}

export interface SuiteMetrics {
  questions: number;
  answerable: number;
  unanswerable: number;
  hit1: number;
  hit5: number;
  /** Answered from the expected page / answerable questions. */
  resolution: number;
  /** Answered from a wrong page, or answered a question it should refuse / all questions. */
  wrongRate: number;
  /** Abstained / unanswerable questions (NaN when the suite has none). */
  abstention: number;
  /** Best resolution over all thresholds whose wrong-answer rate stays ≤ 5%, and that threshold. */
  resolutionAt5: number;
  thresholdAt5: number;
  /** Answered from the expected page with one of its key phrases in the text / answerable questions with key phrases (NaN when none have them). */
  textRight: number;
  /** Answered from the expected page but without any key phrase / the same denominator, so textRight + textMiss = resolution on those questions. */
  textMiss: number;
  p50ms: number;
  p95ms: number;
}

/** Compute the suite's numbers. Resolution at ≤5% wrong re-thresholds the recorded confidences. */
export function computeMetrics(items: ScoredQuestion[]): SuiteMetrics {
  const answerable = items.filter((i) => i.expected !== null);
  const unanswerable = items.filter((i) => i.expected === null);
  const share = (n: number, d: number) => (d === 0 ? Number.NaN : n / d);
  const correct = (i: ScoredQuestion) => i.expected !== null && i.answerPath === i.expected;
  const wrong = (i: ScoredQuestion) => i.outcome === 'answer' && !correct(i);
  const withPhrases = answerable.filter((i) => i.expect !== undefined);
  const pageRight = withPhrases.filter((i) => i.outcome === 'answer' && correct(i));
  const textRight = pageRight.filter(answerHasKeyPhrase);
  const sweep = thresholdSweep(items);
  const ms = items.map((i) => i.ms).sort((a, b) => a - b);
  return {
    questions: items.length,
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    hit1: share(answerable.filter((i) => i.candidatePaths[0] === i.expected).length, answerable.length),
    hit5: share(answerable.filter((i) => i.candidatePaths.slice(0, 5).includes(i.expected!)).length, answerable.length),
    resolution: share(answerable.filter((i) => i.outcome === 'answer' && correct(i)).length, answerable.length),
    wrongRate: share(items.filter(wrong).length, items.length),
    abstention: share(unanswerable.filter((i) => i.outcome === 'abstain').length, unanswerable.length),
    resolutionAt5: sweep.resolution,
    thresholdAt5: sweep.threshold,
    textRight: share(textRight.length, withPhrases.length),
    textMiss: share(pageRight.length - textRight.length, withPhrases.length),
    p50ms: percentile(ms, 0.5),
    p95ms: percentile(ms, 0.95),
  };
}

/** Whether a scored question's answer text contains one of its key phrases (false without phrases or text). */
export function answerHasKeyPhrase(item: ScoredQuestion): boolean {
  return item.expect !== undefined && item.answer !== undefined && containsKeyPhrase(item.answer, item.expect);
}

// Answering at threshold t means answering every question with confidence ≥ t from the
// page the bot would cite; scan each distinct confidence as a candidate threshold.
function thresholdSweep(items: ScoredQuestion[]): { resolution: number; threshold: number } {
  const answerableCount = items.filter((i) => i.expected !== null).length;
  const sorted = [...items].sort((a, b) => b.confidence - a.confidence);
  let best = { resolution: 0, threshold: 1 };
  let right = 0;
  let wrongCount = 0;
  for (let k = 0; k < sorted.length; k++) {
    const item = sorted[k]!;
    const path = item.answerPath ?? item.candidatePaths[0];
    if (item.expected !== null && path === item.expected) right++;
    else wrongCount++;
    const next = sorted[k + 1];
    if (next && next.confidence === item.confidence) continue;
    if (wrongCount / items.length <= 0.05 && answerableCount > 0 && right / answerableCount > best.resolution) {
      best = { resolution: right / answerableCount, threshold: item.confidence };
    }
  }
  return best;
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/** Path (plus query) of a URL, without a trailing slash, so expected paths compare with crawled URLs. */
export function urlPath(url: string): string {
  const u = new URL(url, 'http://placeholder.invalid');
  return (u.pathname.replace(/\/+$/, '') || '/') + u.search;
}

/** A fixed-width table row for printing a suite's metrics. */
export function formatMetrics(name: string, m: SuiteMetrics): string {
  const f = (x: number) => (Number.isNaN(x) ? '   – ' : x.toFixed(3));
  return [
    name.padEnd(34),
    String(m.questions).padStart(5),
    f(m.hit1), f(m.hit5), f(m.resolution), f(m.wrongRate), f(m.abstention),
    `${f(m.resolutionAt5)}@${m.thresholdAt5.toFixed(2)}`,
    m.p50ms.toFixed(1).padStart(6), m.p95ms.toFixed(1).padStart(6),
    // Only suites with key phrases (the demo) have text numbers; other rows stay as they were.
    ...(Number.isNaN(m.textRight) ? [] : [f(m.textRight), f(m.textMiss).padStart(6)]),
  ].join('  ');
}

/** Header matching formatMetrics. */
export const METRICS_HEADER = [
  'suite'.padEnd(34), '    n', 'hit@1', 'hit@5', ' res.', 'wrong', 'abst.', 'res@≤5%wrong', 'p50ms', ' p95ms', ' text', 't-miss',
].join('  ');

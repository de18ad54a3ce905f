import { describe, expect, it } from 'vitest';
import { computeMetrics, formatMetrics, percentile, type ScoredQuestion } from '../../evals/lib/metrics.js';

const q = (p: Partial<ScoredQuestion> & Pick<ScoredQuestion, 'id'>): ScoredQuestion => ({
  expected: '/a', outcome: 'answer', confidence: 0.9, candidatePaths: ['/a'], answerPath: '/a', ms: 1, ...p,
});

describe('computeMetrics', () => {
  it('separates resolution, wrong answers and abstention', () => {
    const m = computeMetrics([
      q({ id: '1' }),
      q({ id: '2', candidatePaths: ['/b', '/a'], answerPath: '/b', confidence: 0.6 }),
      q({ id: '3', outcome: 'abstain', answerPath: undefined, confidence: 0.2 }),
      q({ id: '4', expected: null, outcome: 'abstain', answerPath: undefined, candidatePaths: ['/c'], confidence: 0.1 }),
    ]);
    expect(m).toMatchObject({ questions: 4, answerable: 3, unanswerable: 1, hit1: 2 / 3, hit5: 1, resolution: 1 / 3, wrongRate: 1 / 4, abstention: 1 });
  });

  it('finds the best resolution with at most 5% wrong answers', () => {
    const items = [
      ...Array.from({ length: 19 }, (_, i) => q({ id: `r${i}`, confidence: 0.9 })),
      q({ id: 'w', confidence: 0.8, answerPath: '/x', candidatePaths: ['/x'] }),
      q({ id: 'w2', confidence: 0.7, answerPath: '/y', candidatePaths: ['/y'] }),
    ];
    const m = computeMetrics(items);
    expect(m.resolutionAt5).toBeCloseTo(19 / 21);
    expect(m.thresholdAt5).toBe(0.9);
    // With only 7 questions a single wrong answer is already over 5%.
    expect(computeMetrics([...items.slice(0, 5), items[19]!, items[20]!]).thresholdAt5).toBe(0.9);
    const confidentlyWrong = q({ id: 'cw', confidence: 0.95, answerPath: '/x', candidatePaths: ['/x'] });
    expect(computeMetrics([confidentlyWrong, ...items.slice(0, 5)]).resolutionAt5).toBe(0);
  });

  it('counts answers from the expected page with and without a key phrase', () => {
    const m = computeMetrics([
      q({ id: 'right', expect: ['89 kr'], answer: 'Det koster 89 kr i måneden.' }),
      q({ id: 'cut', expect: ['#31#'], answer: 'Tast' }),
      q({ id: 'wrong page', expect: ['89 kr'], answerPath: '/b', answer: 'Det koster 89 kr.' }),
      q({ id: 'abstained', expect: ['89 kr'], outcome: 'abstain', answerPath: undefined, answer: 'Det koster 89 kr?' }),
      q({ id: 'no phrases' }),
      q({ id: 'refuse', expected: null, outcome: 'abstain', answerPath: undefined }),
    ]);
    // Only the four answerable questions with phrases count: one right, one page-right but text-wrong.
    expect(m.textRight).toBe(1 / 4);
    expect(m.textMiss).toBe(1 / 4);
    expect(m.resolution).toBe(3 / 5);
  });

  it('has no text numbers when no question has key phrases', () => {
    const m = computeMetrics([q({ id: '1', answer: 'x' })]);
    expect(m.textRight).toBeNaN();
    expect(m.textMiss).toBeNaN();
  });

  it('percentile uses nearest rank', () => {
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(percentile([1, 2, 3, 4], 0.95)).toBe(4);
  });
});

describe('formatMetrics', () => {
  it('adds the text columns only for suites with key phrases', () => {
    const plain = formatMetrics('s', computeMetrics([q({ id: '1' })]));
    const withText = formatMetrics('s', computeMetrics([q({ id: '1', expect: ['x'], answer: 'x' })]));
    expect(withText.startsWith(plain)).toBe(true);
    expect(withText.slice(plain.length).trim().split(/\s+/)).toEqual(['1.000', '0.000']);
    expect(plain.trimEnd()).toBe(plain);
  });
});

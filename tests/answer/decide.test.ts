import { describe, expect, it } from 'vitest';
import { confidence, extractFeatures } from '../../src/answer/confidence.js';
import { decide, DEFAULT_THRESHOLD } from '../../src/answer/decide.js';
import { createAnalyzer } from '../../src/retrieval/analyze-text.js';
import { pageHit, qaHit } from './page-hits.js';

const threshold = DEFAULT_THRESHOLD;
const runnerUp = pageHit({ url: 'https://example.no/annen', score: 0.4, lexical: 0.3, vector: 0.3, coverage: 0.3 });

describe('decide', () => {
  it('answers a strong match: most words covered, strong lexical and vector scores, clear margin', () => {
    const top = pageHit({ score: 0.9, lexical: 0.75, vector: 0.7, coverage: 1 });
    const d = decide([top, runnerUp], 'Hvordan finner jeg PUK-koden min?', { threshold });
    expect(d).toMatchObject({ outcome: 'answer', reason: 'confident' });
    expect(d.confidence).toBeGreaterThan(0.7);
  });

  it('answers an exact Q&A question match with high confidence', () => {
    const qa = qaHit({ question: 'Kan jeg bruke eSIM i smartklokke?', answer: 'Ja, på de fleste klokker.' });
    const d = decide([qa, runnerUp], 'kan jeg bruke esim i smartklokke', { threshold });
    expect(d.outcome).toBe('answer');
    expect(d.features.qaQuestion).toBe(1);
    expect(d.confidence).toBeGreaterThan(0.95);
  });

  it('counts a Q&A question match only as far as the page covers the question', () => {
    // "koster" is the only word the question shares with the Q&A item; "iphone" and "16" are nowhere.
    const qa = { ...qaHit({ question: 'Hva koster fiber hos dere?', answer: 'Fra 499 kr i måneden.' }) };
    const partly = { ...qa, best: { ...qa.best, coverage: 0.5 } };
    const analyzer = createAnalyzer();
    const f = extractFeatures([partly, runnerUp], 'hvor mye koster en iphone 16', analyzer);
    const overlap = extractFeatures([qa, runnerUp], 'hvor mye koster en iphone 16', analyzer).qaQuestion;
    expect(overlap).toBeGreaterThan(0);
    expect(f.qaQuestion).toBeCloseTo(overlap * 0.5);
  });

  it('measures the lead over the best-scoring other page, not over the page ordered second', () => {
    // A reordering that leaves the scores (the classifier, named things) put a weak page second.
    const top = pageHit({ url: 'https://example.no/a', score: 1, lexical: 0.5, vector: 0.5, coverage: 1 });
    const weak = pageHit({ url: 'https://example.no/b', score: 0.5 });
    const strong = pageHit({ url: 'https://example.no/c', score: 0.9 });
    expect(extractFeatures([top, weak, strong], 'hva koster fjord maks', createAnalyzer()).margin).toBeCloseTo(0.1);
  });

  it('abstains on an off-topic question that shares no words with the top page', () => {
    const top = pageHit({ score: 0.5, lexical: 0, vector: 0.2, coverage: 0 });
    const d = decide([top, runnerUp], 'Hva er oppskriften på kanelboller?', { threshold });
    expect(d).toMatchObject({ outcome: 'abstain', reason: 'low_confidence' });
    expect(d.confidence).toBeLessThan(0.15);
  });

  it('abstains on a lone off-topic hit: leading an empty field is no evidence', () => {
    const lone = pageHit({ score: 0.3, lexical: 0, vector: 0.25, coverage: 0 });
    expect(decide([lone], 'Hvem vant fotball-VM i 1998?', { threshold }).confidence).toBeLessThan(0.15);
  });

  it('abstains on a weak partial match', () => {
    const top = pageHit({ score: 0.45, lexical: 0.3, vector: 0.35, coverage: 0.4 });
    const d = decide([top, runnerUp], 'Hvorfor er regningen min så høy denne måneden?', { threshold });
    expect(d.outcome).toBe('abstain');
  });

  it('abstains with confidence 0 when nothing was retrieved', () => {
    expect(decide([], 'Hva koster roaming?', { threshold })).toMatchObject({ outcome: 'abstain', confidence: 0, reason: 'no_candidates' });
  });

  it('follows the threshold: the same evidence answers at a low threshold and abstains at a high one', () => {
    const pages = [pageHit({ score: 0.7, lexical: 0.5, vector: 0.5, coverage: 0.7 }), runnerUp];
    const c = decide(pages, 'Hvordan bytter jeg abonnement?', { threshold }).confidence;
    expect(decide(pages, 'Hvordan bytter jeg abonnement?', { threshold: c }).outcome).toBe('answer');
    expect(decide(pages, 'Hvordan bytter jeg abonnement?', { threshold: Math.min(1, c + 0.01) }).outcome).toBe('abstain');
  });

  it('is less confident when the runner-up is nearly as good (ambiguous question)', () => {
    const top = pageHit({ score: 0.8, lexical: 0.6, vector: 0.6, coverage: 0.8 });
    const close = pageHit({ url: 'https://example.no/b', score: 0.79 });
    const q = 'Hvordan betaler jeg fakturaen?';
    expect(decide([top, close], q, { threshold }).confidence).toBeLessThan(decide([top, runnerUp], q, { threshold }).confidence);
  });
});

describe('confidence', () => {
  const analyzer = createAnalyzer();
  const grid = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1];

  it('never drops when lexical strength or coverage rises', () => {
    for (const other of grid) {
      for (let i = 1; i < grid.length; i++) {
        const at = (lexical: number, coverage: number) =>
          decide([pageHit({ lexical, coverage, vector: other, score: 0.8 }), runnerUp], 'Hvordan får jeg PUK?', { threshold }).confidence;
        expect(at(grid[i]!, other)).toBeGreaterThanOrEqual(at(grid[i - 1]!, other));
        expect(at(other, grid[i]!)).toBeGreaterThanOrEqual(at(other, grid[i - 1]!));
      }
    }
  });

  it('stays within [0,1] even for out-of-range or NaN component scores', () => {
    for (const x of [...grid, -3, 7, Number.NaN]) {
      const f = extractFeatures([pageHit({ lexical: x, vector: x, learned: x, coverage: x, score: x })], 'Hva koster eSIM?', analyzer);
      const c = confidence(f);
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThanOrEqual(1);
    }
  });

  it('exposes the features a fitting script needs, each in [0,1]', () => {
    const f = extractFeatures([pageHit({ score: 0.8 }), runnerUp], 'Hvordan porterer jeg nummeret mitt til dere?', analyzer);
    expect(f.margin).toBeCloseTo(0.5 * 0.8);
    expect(f.qaQuestion).toBe(0);
    for (const v of Object.values(f)) expect(v >= 0 && v <= 1).toBe(true);
  });
});

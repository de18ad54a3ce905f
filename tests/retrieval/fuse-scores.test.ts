import { describe, expect, it } from 'vitest';
import { minMaxNormalise, rankByScore, reciprocalRankFusion, squash, weightedSum } from '../../src/retrieval/fuse-scores.js';

const m = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('minMaxNormalise', () => {
  it('maps scores onto [0,1]', () => {
    expect(Object.fromEntries(minMaxNormalise(m({ a: 2, b: 4, c: 3 })))).toEqual({ a: 0, b: 1, c: 0.5 });
  });

  it('keeps an empty list empty', () => {
    expect(minMaxNormalise(new Map()).size).toBe(0);
  });

  it('does not divide by zero when all scores are equal', () => {
    expect(Object.fromEntries(minMaxNormalise(m({ a: 3, b: 3 })))).toEqual({ a: 1, b: 1 });
    expect(Object.fromEntries(minMaxNormalise(m({ a: 0 })))).toEqual({ a: 0 });
  });
});

describe('squash', () => {
  it('is absolute: k maps to 0.5 whatever else is in the list', () => {
    expect(squash(4, 4)).toBe(0.5);
    expect(squash(0, 4)).toBe(0);
    expect(squash(1000, 4)).toBeLessThan(1);
  });
});

describe('weightedSum and reciprocalRankFusion', () => {
  it('weights each list and treats a missing id as 0', () => {
    const fused = weightedSum([{ scores: m({ a: 1, b: 0.5 }), weight: 0.6 }, { scores: m({ b: 1 }), weight: 0.4 }]);
    expect(fused.get('a')).toBeCloseTo(0.6);
    expect(fused.get('b')).toBeCloseTo(0.7);
  });

  it('ignores empty lists', () => {
    expect(Object.fromEntries(weightedSum([{ scores: new Map(), weight: 1 }, { scores: m({ a: 1 }), weight: 1 }]))).toEqual({ a: 1 });
  });

  it('RRF rewards agreement between lists', () => {
    const fused = reciprocalRankFusion([{ scores: m({ a: 3, b: 2, c: 1 }), weight: 1 }, { scores: m({ b: 9, c: 8 }), weight: 1 }]);
    expect(rankByScore(fused).map(([id]) => id)).toEqual(['b', 'c', 'a']);
  });
});

describe('rankByScore', () => {
  it('breaks ties by id, whatever the insertion order', () => {
    expect(rankByScore(m({ z: 1, b: 2, a: 1, y: 2 })).map(([id]) => id)).toEqual(['b', 'y', 'a', 'z']);
    expect(rankByScore(m({ a: 1, z: 1, y: 2, b: 2 })).map(([id]) => id)).toEqual(['b', 'y', 'a', 'z']);
  });
});

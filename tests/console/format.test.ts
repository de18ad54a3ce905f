import { describe, expect, it } from 'vitest';
import { describeReason, formatWait, mergeBySeq, plural } from '../../console/src/format.js';

describe('console formatting', () => {
  it('formats waiting times', () => {
    expect(formatWait(42)).toBe('42 s');
    expect(formatWait(185)).toBe('3 min');
    expect(formatWait(3900)).toBe('1 h 5 min');
  });
  it('describes handoff reasons', () => {
    expect(describeReason('sensitive-topic', 'complaint')).toBe('Sensitive topic: complaint');
    expect(describeReason('typed-request', null)).toBe('Asked for a person');
  });
  it('counts with a plural noun except for one', () => {
    expect([plural(0, 'group'), plural(1, 'question'), plural(3, 'rating')]).toEqual(['0 groups', '1 question', '3 ratings']);
  });
  it('merges messages by seq without duplicates, in order', () => {
    expect(mergeBySeq([{ seq: 1 }, { seq: 3 }], [{ seq: 3 }, { seq: 2 }]).map((m) => m.seq)).toEqual([1, 2, 3]);
  });
});

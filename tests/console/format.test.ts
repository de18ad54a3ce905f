import { describe, expect, it } from 'vitest';
import { describeReason, formatDue, formatWait, formatWhen, mergeBySeq, plural } from '../../console/src/format.js';

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

describe('formatDue', () => {
  // Local times on both sides, so the test holds in any time zone the suite runs in.
  const now = new Date(2026, 10, 27, 6, 30);
  it('says today or tomorrow with the time, else the short date; never seconds', () => {
    expect(formatDue(new Date(2026, 10, 27, 8, 0).toISOString(), now, 'en-GB')).toBe('today 08:00');
    expect(formatDue(new Date(2026, 10, 28, 8, 0).toISOString(), now, 'en-GB')).toBe('tomorrow 08:00');
    expect(formatDue(new Date(2026, 10, 30, 8, 0).toISOString(), now, 'en-GB')).toBe('Mon 30 Nov 08:00');
  });
  it('knows tomorrow across a month end', () => {
    expect(formatDue(new Date(2026, 11, 1, 8, 0).toISOString(), new Date(2026, 10, 30, 20, 0), 'en-GB')).toBe('tomorrow 08:00');
  });
});

describe('formatWhen', () => {
  it('gives date and time without seconds', () => {
    expect(formatWhen(new Date(2026, 10, 27, 7, 0, 42).toISOString(), 'en-GB')).toBe('27 Nov 2026, 07:00');
  });
});

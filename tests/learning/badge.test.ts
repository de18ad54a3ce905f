import { describe, expect, it } from 'vitest';
import { badgeState, badgeText } from '../../src/learning/badge.js';

const bot = { resolution: { goal: 0.9, minSample: 100, windowDays: 30 } };

describe('badgeState (PRODUCT.md badge rule)', () => {
  it('stays in training until the goal is reached over at least the minimum sample', () => {
    expect(badgeState({ rate: 0.95, sample: 99 }, bot, false)).toEqual({ inTraining: true, measured: false });
    expect(badgeState({ rate: 0.89, sample: 100 }, bot, false)).toEqual({ inTraining: true, measured: true });
    expect(badgeState({ rate: 0.9, sample: 100 }, bot, false)).toEqual({ inTraining: false, measured: true });
  });
  it('once graduated, comes back only below goal − 0.05', () => {
    expect(badgeState({ rate: 0.86, sample: 200 }, bot, true).inTraining).toBe(false);
    expect(badgeState({ rate: 0.85, sample: 200 }, bot, true).inTraining).toBe(false);
    expect(badgeState({ rate: 0.849, sample: 200 }, bot, true).inTraining).toBe(true);
  });
  it('says it is still measuring, with the count, below the sample', () => {
    expect(badgeText(true, null, 12, 100, 'en')).toBe('In training · still measuring (12 of 100 conversations)');
    expect(badgeText(true, 0.72, 140, 100, 'en')).toBe('In training · solves 72% of questions (140 conversations)');
    expect(badgeText(true, 0.72, 140, 100, 'nb')).toBe('I opplæring · løser 72 % av spørsmålene (140 samtaler)');
  });
});

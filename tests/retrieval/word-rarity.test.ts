import { describe, expect, it } from 'vitest';
import { rarityWeights } from '../../src/retrieval/word-rarity.js';

describe('rarityWeights', () => {
  const counts = (t: string) => ({ bruk: 30, bruke: 62, mobil: 12, usa: 2 })[t] ?? 0;

  it('weighs a word rare on the site more, by its commonest stem', () => {
    const [bruke, mobilen, usa] = rarityWeights([{ terms: ['bruk', 'bruke'] }, { terms: ['mobil'] }, { terms: ['usa'] }], counts, 133);
    expect(usa).toBeGreaterThan(mobilen!);
    // By "bruke" (62 chunks), not by "bruk" (30).
    expect(bruke).toBeCloseTo(Math.log(1 + (133 - 62 + 0.5) / 62.5));
  });

  it('weighs a word the site never writes as the average of the others', () => {
    const [usa, mobil, unknown] = rarityWeights([{ terms: ['usa'] }, { terms: ['mobil'] }, { terms: ['zzz'] }], counts, 133);
    expect(unknown).toBeCloseTo((usa! + mobil!) / 2);
    expect(rarityWeights([{ terms: ['zzz'] }], counts, 133)).toEqual([1]);
  });
});

import { describe, expect, it } from 'vitest';
import { expandCompounds, splitCompound } from '../../src/retrieval/compound-words.js';

const vocabulary = (...words: string[]) => {
  const set = new Set(words);
  return (w: string) => set.has(w);
};

describe('expandCompounds', () => {
  it('joins adjacent words into a known compound, single letters included', () => {
    const known = vocabulary('backup', 'email', 'mobilabonnement');
    expect(expandCompounds(['how', 'to', 'back', 'up', 'tweets'], known)).toEqual([{ word: 'backup', from: [2, 3] }]);
    expect(expandCompounds(['send', 'e', 'mail'], known)).toEqual([{ word: 'email', from: [1, 2] }]);
    expect(expandCompounds(['bytte', 'mobil', 'abonnement'], known)).toEqual([{ word: 'mobilabonnement', from: [1, 2] }]);
  });

  it('splits a long word into known parts, with or without a linking s or e', () => {
    const known = vocabulary('mobil', 'abonnement', 'sikkerhet', 'kopi', 'kunde', 'service');
    expect(expandCompounds(['mobilabonnement'], known)).toEqual([
      { word: 'mobil', from: [0] },
      { word: 'abonnement', from: [0] },
    ]);
    expect(splitCompound('sikkerhetskopi', known)).toEqual(['sikkerhet', 'kopi']);
    expect(splitCompound('kundeservice', known)).toEqual(['kunde', 'service']);
  });

  it('adds nothing for unknown joins, short parts, digits or words already asked for', () => {
    const known = vocabulary('together', 'get', 'her', 'abonnement', 'mobil', '4g');
    expect(expandCompounds(['together'], known)).toEqual([]);
    expect(expandCompounds(['4gmobil'], known)).toEqual([]);
    expect(expandCompounds(['mobil', 'abonnement', 'mobilabonnement'], known)).toEqual([]);
    expect(expandCompounds([], known)).toEqual([]);
  });

  it('does not try to split a "word" longer than any compound (each cut costs a stemming)', () => {
    let looked = 0;
    const known = () => (looked++, true);
    expect(splitCompound('a'.repeat(2000), known)).toBeUndefined();
    expect(looked).toBe(0);
    expect(splitCompound('mobilabonnementsavtale', vocabulary('mobilabonnement', 'avtale'))).toEqual(['mobilabonnement', 'avtale']);
  });
});

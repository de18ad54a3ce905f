import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/retrieval/analyze-text.js';
import { namePhrases, priceLineMatch } from '../../src/retrieval/price-lines.js';

const analyzer = createAnalyzer();
const words = (text: string) => analyzer.contentWords(text);

describe('priceLineMatch', () => {
  const maks = [words('Fjord Maks')];

  it('finds the price line labelled with the asked thing: a table row, or a label before a colon', () => {
    expect(priceLineMatch('Abonnement | Pris\nFjord Mini | 199 kr\nFjord Maks | 399 kr', maks, analyzer)).toBe(1);
    expect(priceLineMatch('Tillegg\nMobilforsikring: 89 kr per måned', [words('mobilforsikring')], analyzer)).toBe(1);
  });

  it('does not count a line that names the thing without an amount', () => {
    expect(priceLineMatch('Abonnement | Data i EU\nFjord Maks | 22 GB', maks, analyzer)).toBe(0);
  });

  it('does not count a sentence that mentions the thing in passing among other prices', () => {
    const passing = 'For eksempel koster Fjord Mini (199 kr) pluss en datapakke 378 kr, mens Fjord Maks med 30 GB koster 399 kr.';
    expect(priceLineMatch(passing, maks, analyzer)).toBe(0);
  });

  it('counts a name of several words only whole: "Fjord Mini" is not Fjord Maks', () => {
    expect(priceLineMatch('Fjord Mini | 199 kr', maks, analyzer)).toBe(0);
  });

  it('weighs each word as given: a line with the rarer word covers more', () => {
    const rare = (w: { terms: string[] }) => (w.terms.includes('maned') || w.terms.includes('måned') ? 1 : 3);
    const subject = [words('Maks'), words('måneden')];
    expect(priceLineMatch('Maks | 399 kr', subject, analyzer, rare)).toBeCloseTo(0.75);
  });
});

describe('namePhrases', () => {
  it('groups neighbouring question words that the texts write side by side', () => {
    const subject = words('Fjord Maks måneden');
    const units = namePhrases('hva koster Fjord Maks i måneden', subject, ['Fjord Maks | 30 GB | 399 kr']);
    expect(units.map((u) => u.map((w) => w.word))).toEqual([['fjord', 'maks'], ['måneden']]);
  });

  it('keeps words apart that the texts never write together', () => {
    const units = namePhrases('hva koster Fjord Maks', words('Fjord Maks'), ['Fjord Mini og Maks']);
    expect(units.map((u) => u.map((w) => w.word))).toEqual([['fjord'], ['maks']]);
  });
});

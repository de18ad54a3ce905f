import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/retrieval/analyze-text.js';
import { isMatched, termSet } from '../../src/retrieval/term-overlap.js';
import { sharedAlternativeSources, wordAlternatives } from '../../src/retrieval/word-alternatives.js';

const analyzer = createAnalyzer();
const asked = (word: string) => {
  const [w] = analyzer.contentWords(word);
  return { ...w!, ...wordAlternatives(w!.word, analyzer, sharedAlternativeSources()) };
};

describe('isMatched', () => {
  it('finds a word through a translation of several words only when all of them are there', () => {
    const datapakke = asked('datapakke');
    expect(isMatched(datapakke, termSet(analyzer, 'Buy a data plan in the app.'))).toBe(true);
    // "data" alone is the subscription's data, not a data plan.
    expect(isMatched(datapakke, termSet(analyzer, 'Unused data carries over to next month.'))).toBe(false);
  });

  it('finds a compound through its parts only when every part is there', () => {
    const word = { word: 'bankkortet', terms: ['bankkort'], groups: [[['bank'], ['kort']]] };
    expect(isMatched(word, new Set(['bank', 'kort', 'sperr']))).toBe(true);
    expect(isMatched(word, new Set(['sim', 'kort', 'sperr']))).toBe(false);
  });
});

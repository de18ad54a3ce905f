import type { MatchWord } from './term-overlap.js';

/**
 * How much each of a question's words says about which page answers it: the BM25 idf of the word on
 * this site, by its commonest stem (either stem finds it; see questionPoint). "USA" is on one page,
 * "bruke" and "mobilen" on dozens, so a page with "mobilen" and "USA" covers "Kan jeg bruke mobilen
 * i USA?" better than one with "bruke mobilen". A word the site never writes weighs as the
 * question's average word: it can only be found through a synonym or translation, and as the
 * rarest word it would shrink every page's coverage alike.
 */
export function rarityWeights(queryWords: readonly MatchWord[], chunksWith: (term: string) => number, chunkCount: number): number[] {
  const idf = queryWords.map((w) => {
    const n = Math.max(0, ...w.terms.map(chunksWith));
    return n > 0 ? Math.log(1 + (chunkCount - n + 0.5) / (n + 0.5)) : undefined;
  });
  const known = idf.filter((x): x is number => x !== undefined);
  const average = known.length > 0 ? known.reduce((a, b) => a + b, 0) / known.length : 1;
  return idf.map((x) => x ?? average);
}

import { countMatches, isMatched, type MatchWord } from './term-overlap.js';

/** What a question is most specifically about, and how well the site's best chunk on it covers it. */
export interface QuestionPoint {
  /** Its words in the fewest chunks (ties all count); words no chunk has are left out. */
  words: readonly MatchWord[];
  /** The largest share of the question's words found in one chunk that has one of those words. */
  coverage: number;
}

/**
 * The question's point (see QuestionPoint), from how many chunks have each term (`chunksWith`)
 * and the query terms each retrieved chunk matched. Undefined when no word is known to the site.
 */
export function questionPoint(
  queryWords: readonly MatchWord[],
  matchedTerms: Iterable<ReadonlySet<string>>,
  chunksWith: (term: string) => number,
): QuestionPoint | undefined {
  const matched = [...matchedTerms];
  // A compound the site never writes whole ("bankkortet") is as rare as the retrieved chunks with
  // all its parts ("banken" … "kortet"), not as its commoner part.
  const together = (w: MatchWord) => matched.filter((terms) => isMatched(w, terms)).length || Infinity;
  const counted = queryWords
    .map((w) => ({ w, n: Math.min(...w.terms.map(chunksWith).filter((n) => n > 0)) }))
    .map((x) => (Number.isFinite(x.n) || !x.w.groups?.length ? x : { w: x.w, n: together(x.w) }))
    .filter((x) => Number.isFinite(x.n));
  if (counted.length === 0) return undefined;
  const fewest = Math.min(...counted.map((x) => x.n));
  const words = counted.filter((x) => x.n === fewest).map((x) => x.w);
  let best = 0;
  for (const terms of matched) {
    if (words.some((w) => isMatched(w, terms))) best = Math.max(best, countMatches(queryWords, terms));
  }
  return { words, coverage: best / queryWords.length };
}

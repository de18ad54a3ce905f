import type { Analyzer } from './analyze-text.js';

/** A question's content word as matching sees it: its index terms (nb and en stems). */
export interface MatchWord {
  terms: string[];
  /** Terms of its synonyms and translations, which count as the word (see wordAlternatives). */
  alternatives?: string[];
  /**
   * Alternatives of several words — the parts of the word split as a compound ("bank" + "kort" of
   * "bankkortet"), a translation "data plan" of "datapakke" — as the terms of each of their words:
   * one counts as the word when all its words are found. One part alone is another thing:
   * "SIM-kortet" is no bank card, and "data" alone no data plan.
   */
  groups?: string[][][];
}

/** A content word of a question, with the terms that count as finding it. */
export interface QueryWord extends MatchWord {
  word: string;
}

/** Every index term of every word in a text: what a question word is looked up in. */
export function termSet(analyzer: Analyzer, text: string): Set<string> {
  const out = new Set<string>();
  for (const word of analyzer.words(text)) for (const t of analyzer.terms(word)) out.add(t);
  return out;
}

/** A word's terms and those of its synonyms and translations: everything that counts as it alone. */
export function allTerms(word: MatchWord): string[] {
  return [...word.terms, ...(word.alternatives ?? [])];
}

/** Whether a word's terms (or an alternative) are among `terms`. */
export function isMatched(word: MatchWord, terms: ReadonlySet<string>): boolean {
  const has = (t: string) => terms.has(t);
  return word.terms.some(has) || (word.alternatives?.some(has) ?? false) || (word.groups?.some((group) => group.every((part) => part.some(has))) ?? false);
}

/** How many of the query words have at least one term (or alternative) in `terms`. */
export function countMatches(queryWords: readonly MatchWord[], terms: ReadonlySet<string>): number {
  return queryWords.filter((w) => isMatched(w, terms)).length;
}

/**
 * Two-way overlap of two texts' content words: the harmonic mean of the share of a's words found
 * in b and of b's words found in a. 1 only when both say the same things, so a short question
 * fully contained in a long phrasing (or the reverse) does not count as a match.
 */
export function mutualOverlap(analyzer: Analyzer, a: string, b: string): number {
  const wa = analyzer.contentWords(a);
  const wb = analyzer.contentWords(b);
  if (wa.length === 0 || wb.length === 0) return 0;
  const inB = countMatches(wa, termSet(analyzer, b)) / wa.length;
  const inA = countMatches(wb, termSet(analyzer, a)) / wb.length;
  return inA + inB === 0 ? 0 : (2 * inA * inB) / (inA + inB);
}

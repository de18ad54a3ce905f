import { splitWords } from './analyze-text.js';
import { countMatches, isMatched, type MatchWord } from './term-overlap.js';

/** What a question is most specifically about, and how well the site's best chunk on it covers it. */
export interface QuestionPoint {
  /** Its words in the fewest chunks (ties all count); words no chunk has are left out. */
  words: readonly MatchWord[];
  /** The largest share of the question's words found in one chunk that has one of those words. */
  coverage: number;
}

// Interrogatives that take a word to ask about an amount or a place: "hvor lang tid", "hvor
// finner jeg", "kor mange", "how long". They are stop words themselves.
const ASKING = new Set(['hvor', 'kor', 'how']);

// Words that carry an amount question on: its unit and the light verb that asks how long ("hvor
// lang tid tar det", "hvor mange dager tar det", "how much time does it take"). A list, not a
// rule on word order: "hvor stor datapakke kan man kjøpe" has the same shape, and "datapakke"
// is what it asks about.
const FRAME_TAIL = new Set([
  'tid', 'dager', 'døgn', 'uker', 'timer', 'minutter', 'måneder', 'år', 'tar', 'tok', 'varer',
  'time', 'days', 'weeks', 'hours', 'minutes', 'months', 'years', 'take', 'takes', 'last', 'lasts',
]);

/**
 * The content words that only frame the question: the word right after "hvor"/"how" ("lang" of
 * "hvor lang tid tar det …", "long" of "how long") and the unit and verb right after it ("tid
 * tar"). Pages state durations rather than ask for them, so such words are rare on a site and
 * looked like the point, and a Q&A item that shared only the frame ("Hvor lang tid tar det å
 * flytte nummeret?") kept answering questions about AvtaleGiro, appointments or fiber. A frame
 * word still counts as a word of the question everywhere else.
 */
export function frameWords<W extends { word: string }>(question: string, queryWords: readonly W[]): Set<W> {
  const words = splitWords(question);
  const framing = new Set<string>();
  words.forEach((word, i) => {
    if (!ASKING.has(word)) return;
    for (let j = i + 1; j < words.length && (j === i + 1 || FRAME_TAIL.has(words[j]!)); j++) framing.add(words[j]!);
  });
  return new Set(queryWords.filter((w) => framing.has(w.word)));
}

/**
 * The question's point (see QuestionPoint), from how many chunks have each term (`chunksWith`)
 * and the query terms each retrieved chunk matched; `frame` words (see frameWords) are never it.
 * Undefined when no other word is known to the site.
 */
export function questionPoint(
  queryWords: readonly MatchWord[],
  matchedTerms: Iterable<ReadonlySet<string>>,
  chunksWith: (term: string) => number,
  frame: ReadonlySet<MatchWord> = new Set(),
): QuestionPoint | undefined {
  const matched = [...matchedTerms];
  // A compound the site never writes whole ("bankkortet") is as rare as the retrieved chunks with
  // all its parts ("banken" … "kortet"), not as its commoner part.
  const together = (w: MatchWord) => matched.filter((terms) => isMatched(w, terms)).length || Infinity;
  // A word is found through any of its stems, so it is as rare as its commonest one: "ringer"
  // is in 6 chunks as the English stem "ringer" but in 22 as the Norwegian "ring", which every
  // form of the verb shares. Counted by its rarest stem, it was the point of "hvilket nummer
  // ringer jeg kundeservice på fra utlandet", and the voicemail item, which has it, answered.
  const counted = queryWords
    .filter((w) => !frame.has(w))
    .map((w) => ({ w, n: commonest(w.terms.map(chunksWith)) }))
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

// The largest count, or Infinity when no stem is on the site (the word is then left out).
function commonest(counts: readonly number[]): number {
  const n = Math.max(0, ...counts);
  return n > 0 ? n : Infinity;
}

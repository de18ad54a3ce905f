import { splitSentences } from '../ingest/split-sentences.js';
import { foldText, splitWords, type Analyzer } from './analyze-text.js';
import { statesPrice } from './price-intent.js';
import type { Chunk } from '../ingest/types.js';
import type { LexicalIndex } from './lexical-index.js';
import { isMatched, termSet, type MatchWord } from './term-overlap.js';

// A line's label: its first table cell, or what comes before a colon ("Mobilforsikring: 89 kr"),
// else its first few words.
const LABEL_WORDS = 6;

/**
 * How well a chunk gives the price of what a price question asks about: the largest share of the
 * question's other words (`subject`, each weighted by `weight`) in the label of one of its lines
 * or sentences that states an amount. Price lists label each line with the thing it prices
 * ("Fjord Maks | 30 GB | 399 kr", "Mobilforsikring: 89 kr per måned"); a sentence that mentions
 * the thing in passing among other prices is not its price line. A subject of several words that
 * make one name ("Fjord Maks", see namePhrases) counts only whole: "Fjord Mini" is not Fjord Maks.
 */
export function priceLineMatch(
  text: string,
  subject: ReadonlyArray<readonly MatchWord[]>,
  analyzer: Analyzer,
  weight: (w: MatchWord) => number = () => 1,
): number {
  const weightOf = (unit: readonly MatchWord[]) => unit.reduce((sum, w) => sum + weight(w), 0);
  const total = subject.reduce((sum, unit) => sum + weightOf(unit), 0);
  if (total <= 0) return 0;
  let best = 0;
  for (const line of text.split('\n').flatMap((l) => (/[|:]/.test(l) ? [l] : splitSentences(l)))) {
    if (!statesPrice(line)) continue;
    const terms = termSet(analyzer, label(line, analyzer));
    const found = subject.filter((unit) => unit.every((w) => isMatched(w, terms)));
    best = Math.max(best, found.reduce((sum, unit) => sum + weightOf(unit), 0) / total);
  }
  return best;
}

/**
 * The question's words grouped into names: neighbours in the question ("fjord maks") that some
 * of the texts also write side by side are one unit; every other word is a unit of its own.
 */
export function namePhrases<W extends MatchWord & { word: string }>(question: string, words: readonly W[], texts: readonly string[]): W[][] {
  const raw = splitWords(question);
  const byWord = new Map(words.map((w) => [w.word, w]));
  const folded = texts.map((t) => splitWords(t).join(' '));
  const units: W[][] = [];
  let last: { unit: W[]; at: number } | undefined;
  raw.forEach((word, at) => {
    const w = byWord.get(word);
    if (!w || units.some((u) => u.includes(w))) return;
    const pair = last && last.at === at - 1 ? `${raw[at - 1]} ${word}` : undefined;
    if (pair && folded.some((t) => ` ${t} `.includes(` ${pair} `))) last!.unit.push(w);
    else units.push([w]);
    last = { unit: units[units.length - 1]!.includes(w) ? units[units.length - 1]! : last!.unit, at };
  });
  return units;
}

function label(line: string, analyzer: Analyzer): string {
  const cut = line.search(/[|:]/);
  if (cut > 0) return line.slice(0, cut);
  return analyzer.words(foldText(line)).slice(0, LABEL_WORDS).join(' ');
}

/**
 * Per chunk, how well one of its lines labels the price of what a price question asks about
 * (see priceLineMatch). A name's words are matched together when the retrieved chunks write them
 * together ("Fjord Maks"), and each word weighs as rare as it is on the site, so "Fjord", which
 * starts every plan's name, says less than "Maks".
 */
export function priceLineScorer<W extends MatchWord & { word: string }>(
  chunks: readonly Chunk[],
  parts: { lexical: Pick<LexicalIndex, 'chunksWith'>; analyzer: Analyzer },
  question: string,
  subject: readonly W[],
  retrieved: Iterable<number>,
): (i: number) => number {
  const units = namePhrases(question, subject, [...retrieved].map((i) => chunks[i]!.text));
  // Weighed once here, not again for every line of every ranked chunk.
  const rarity = new Map(units.flat().map((w) => [w as MatchWord, Math.log(1 + chunks.length / Math.max(1, ...w.terms.map((t) => parts.lexical.chunksWith(t))))]));
  return (i) => priceLineMatch(chunks[i]!.text, units, parts.analyzer, (w) => rarity.get(w)!);
}

import type { Analyzer } from '../retrieval/analyze-text.js';
import { frameWords } from '../retrieval/question-point.js';
import { isMatched, termSet, type MatchWord } from '../retrieval/term-overlap.js';
import { queryWordsOf } from '../retrieval/word-alternatives.js';
import type { PageHit } from '../retrieval/types.js';

// Words that point back to something said before. Only when the question says little else do
// they make it a follow-up: "Er det dekning på hytta?" uses "det" as a dummy subject.
const BACK_REFERENCES = new Set([
  ...'det den dette denne disse de dem der dit han hun'.split(' '),
  ...'it that this these those they them there he she'.split(' '),
]);
// Of those, the ones that are no dummy subject ("det er", "it is", "der er"): after a question,
// one of these anywhere in a short question points back ("kan jeg ta den med på hytta?").
const POINTERS = new Set([...'den dette denne disse de dem han hun'.split(' '), ...'that this these those they them he she'.split(' ')]);
// Openings that continue the previous question: "og for Samsung?", "what about roaming?".
const CONTINUATIONS = [['og'], ['men'], ['hva', 'med'], ['enn'], ['and'], ['but'], ['what', 'about'], ['how', 'about']];

/** Whether a question opens like a continuation of the one before ("og for Samsung?", "what about Thailand?"). */
export function isContinuation(question: string, analyzer: Analyzer): boolean {
  const words = analyzer.words(question);
  return CONTINUATIONS.some((start) => start.every((w, i) => words[i] === w)) && analyzer.contentWords(question).length <= 3;
}

/**
 * Whether a question leans on the one before it: "hva koster det?", "hvor lang tid tar det?",
 * "is it free?", "og for Samsung?". Alone, such a question names no topic, and the words it has
 * ("koster", "lang tid") match some page confidently — the wrong one, as likely as not. After a
 * question (`afterQuestion`), a pronoun that is no dummy subject anywhere in a short question
 * counts too ("kan jeg ta den med på hytta?", but not "Er det dekning på hytta?").
 */
export function isFollowUp(question: string, analyzer: Analyzer, opts: { afterQuestion?: boolean } = {}): boolean {
  if (isContinuation(question, analyzer)) return true;
  const words = analyzer.words(question);
  const contentWords = analyzer.contentWords(question);
  const content = contentWords.length;
  // Only the frame of a question ("hvor tidlig må jeg si fra?", "how long does it take?"): no topic.
  if (content > 0 && frameWords(question, contentWords).size === content) return true;
  if (!words.some((w) => BACK_REFERENCES.has(w))) return false;
  if (opts.afterQuestion && words.some((w) => POINTERS.has(w)) && content <= 3) return true;
  // "Hva gjør jeg med den?" after four words of context refers within itself.
  return content <= 1 || (BACK_REFERENCES.has(words.at(-1) ?? '') && content <= 3);
}

/** A few words naming a topic and nothing more ("eSIM", "på klokka"): an answer to "what is it about?", no question of its own. */
export function isTopicOnly(text: string, analyzer: Analyzer): boolean {
  const content = analyzer.contentWords(text).length;
  return content >= 1 && content <= 3 && !isFollowUp(text, analyzer);
}

/** The text to search for a follow-up: the question it continues, then the follow-up itself. */
export function withTopic(question: string, topic: string): string {
  return `${topic.trim()} ${question.trim()}`;
}

/**
 * The found pages narrowed to what a follow-up asks. A continuation ("og for Samsung?", "what
 * about Thailand?") is about what it adds: only pages whose found passages (or title) name one of
 * its words stay — the topic's words found the rest, and they would answer the topic again. And no
 * follow-up is answered with a Q&A item, as written, that does not name what it asks: after "eSIM
 * på Apple Watch", "og for Samsung?" would get the watch add-on's price again.
 */
export function focusOn(pages: readonly PageHit[], question: string, analyzer: Analyzer): PageHit[] {
  const added = queryWordsOf(question, analyzer);
  if (added.length === 0) return [...pages];
  // What the answer must name: all a continuation adds, else the names it brings ("Sweden" in
  // "does it work in Sweden?"): a page about the topic that does not name them answers the topic.
  const mustName = isContinuation(question, analyzer) ? added : added.filter((w) => capitalised(question, w.word));
  return pages.flatMap((p) => {
    if (mustName.length > 0 && !namesAny(mustName, [p.title, ...p.hits.map((h) => h.chunk.text)].join('\n'), analyzer)) return [];
    const hits = p.hits.filter((h) => h.chunk.kind !== 'qa' || namesAny(added, `${h.chunk.text}\n${h.chunk.answer ?? ''}`, analyzer));
    return hits.length === 0 ? [] : [hits[0] === p.best ? p : { ...p, best: hits[0]!, hits }];
  });
}

// Whether the text names one of the words (or a synonym or translation of it).
function namesAny(words: readonly MatchWord[], text: string, analyzer: Analyzer): boolean {
  const terms = termSet(analyzer, text);
  return words.some((w) => isMatched(w, terms));
}

// Written with a capital inside the question, not only as its first word: a name.
function capitalised(question: string, folded: string): boolean {
  return [...question.matchAll(/(?<=\S\s+)\p{Lu}[\p{L}\p{N}-]*/gu)].some((m) => m[0].toLowerCase() === folded);
}

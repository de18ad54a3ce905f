import type { Analyzer } from '../retrieval/analyze-text.js';

// Words that point back to something said before. Only when the question says little else do
// they make it a follow-up: "Er det dekning på hytta?" uses "det" as a dummy subject.
const BACK_REFERENCES = new Set(['det', 'den', 'dette', 'denne', 'disse', 'dem', 'der', 'dit', 'it', 'that', 'this', 'these', 'those', 'them', 'there']);
// Openings that continue the previous question: "og for Samsung?", "what about roaming?".
const CONTINUATIONS = [['og'], ['men'], ['hva', 'med'], ['enn'], ['and'], ['but'], ['what', 'about'], ['how', 'about']];

/**
 * Whether a question leans on the one before it: "hva koster det?", "hvor lang tid tar det?",
 * "is it free?", "og for Samsung?". Alone, such a question names no topic, and the words it has
 * ("koster", "lang tid") match some page confidently — the wrong one, as likely as not.
 */
export function isFollowUp(question: string, analyzer: Analyzer): boolean {
  const words = analyzer.words(question);
  const content = analyzer.contentWords(question).length;
  if (CONTINUATIONS.some((start) => start.every((w, i) => words[i] === w))) return content <= 2;
  const backAt = words.findIndex((w) => BACK_REFERENCES.has(w));
  if (backAt < 0) return false;
  // "Hva gjør jeg med den?" after four words of context refers within itself.
  return content <= 1 || (words.at(-1) !== undefined && BACK_REFERENCES.has(words.at(-1)!) && content <= 3);
}

/** The text to search for a follow-up: the question it continues, then the follow-up itself. */
export function withTopic(question: string, topic: string): string {
  return `${topic.trim()} ${question.trim()}`;
}

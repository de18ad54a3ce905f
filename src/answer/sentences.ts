/** A sentence of a passage and its position in it. */
export interface Sentence {
  text: string;
  index: number;
  words: number;
  /** The line of the passage it is on: lines are list items, table rows and paragraphs. */
  line: number;
}

// Abbreviations that are usually followed by a name or a number ("tlf. 915…", "Mr. Smith"), where
// ICU's sentence rules break although the sentence goes on. "kr." is left out on purpose: in
// Norwegian it usually does end a sentence ("Det koster 99 kr. Du betaler …").
const NO_BREAK_AFTER = new Set([
  'tlf', 'nr', 'ca', 'kl', 'pkt', 'jf', 'ref', 'st', 'f.eks', 'bl.a', 'dvs', 'evt', 'mht', 'iht', 'ifm',
  'e.g', 'i.e', 'mr', 'mrs', 'ms', 'dr', 'no', 'vs', 'approx', 'incl', 'tel',
]);

const segmenter = new Intl.Segmenter('nb', { granularity: 'sentence' });

/** Split plain text into sentences; line breaks always end one (lists, headings without a full stop). */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  text.split(/\n+/).forEach((line, lineNo) => {
    let pending = '';
    for (const { segment } of segmenter.segment(line)) {
      pending += segment;
      if (!endsWithAbbreviation(pending)) {
        push(out, pending, lineNo);
        pending = '';
      }
    }
    push(out, pending, lineNo);
  });
  return out;
}

/** Words separated by whitespace: what the answer-length limit counts. */
export function countWords(text: string): number {
  const t = text.trim();
  return t ? t.split(/\s+/).length : 0;
}

/** The first `max` words of a text followed by "…", or the text itself when it is short enough. */
export function truncateWords(text: string, max: number): string {
  const words = text.trim().split(/\s+/);
  if (words.length <= max) return text.trim();
  return words.slice(0, max).join(' ').replace(/[\s,;:.!?–—-]+$/u, '') + '…';
}

function push(out: Sentence[], raw: string, line: number): void {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (text) out.push({ text, index: out.length, words: countWords(text), line });
}

function endsWithAbbreviation(segment: string): boolean {
  const m = /(?:^|\s)([\p{L}.]+)\.\s*$/u.exec(segment);
  return m !== null && NO_BREAK_AFTER.has(m[1]!.toLowerCase());
}

/** Runs of whitespace as one space, trimmed: lines compared as text. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Sentence splitting for nb/nn/en prose, good enough to never cut a chunk mid-sentence and to
 * pick answer sentences. Lines (list items, table rows) always end a sentence.
 */

// Abbreviations after which a full stop does not end a sentence (lower-cased, without the dot).
const ABBREVIATIONS = new Set(
  'f.eks bl.a ca nr kl inkl ev evt jf mht dvs ifm pga tlf e.g i.e vs mr mrs ms dr st no prof ref'.split(' '),
);

/** The sentences of a text, in order, trimmed; each line break also ends a sentence. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const line of text.split('\n')) {
    const parts = line.split(/(?<=[.!?…])\s+(?=["«“(]?[\p{Lu}\p{N}])/u);
    let carry = '';
    for (const part of parts) {
      const sentence = carry === '' ? part : `${carry} ${part}`;
      const lastWord = /(\S+)\.$/.exec(sentence)?.[1]?.toLowerCase() ?? '';
      if (ABBREVIATIONS.has(lastWord) || /^\p{L}$/u.test(lastWord)) carry = sentence;
      else {
        carry = '';
        if (sentence.trim() !== '') sentences.push(sentence.trim());
      }
    }
    if (carry.trim() !== '') sentences.push(carry.trim());
  }
  return sentences;
}

/** Number of whitespace-separated words. */
export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/).length;
}

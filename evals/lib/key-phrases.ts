/**
 * Answer-text check for the demo suite: a question's `expect` lists alternative key phrases
 * taken from the page, and a right answer contains at least one of them.
 *
 * Matching is deliberately plain so that a miss means the fact is missing, not that the
 * matcher guessed: case-insensitive, runs of whitespace (including non-breaking and narrow
 * non-breaking spaces) count as one space, and en and em dashes count as hyphens ("4–8" in
 * the page, "4-8" in an LLM answer). Nothing else is normalised — no stemming, no "kr." vs
 * "kr", no digit grouping; write such variants as alternatives instead.
 */

/** The form both answer and phrase are compared in. */
export function normaliseForMatch(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}

/** Whether the answer contains one of the phrases. An empty phrase list never matches. */
export function containsKeyPhrase(answer: string, phrases: readonly string[]): boolean {
  const text = normaliseForMatch(answer);
  return phrases.some((p) => {
    const phrase = normaliseForMatch(p);
    return phrase.length > 0 && text.includes(phrase);
  });
}

/** A word to add to a query, and the positions of the query words it stands for. */
export interface CompoundExpansion {
  word: string;
  from: number[];
}

// Parts shorter than this are too often accidental ("to" + "get" + "her" in "together").
const MIN_PART = 4;
// Norwegian joins compound parts with a linking s or e ("sikkerhet-s-kopi", "kunde-service").
const LINKS = ['', 's', 'e'];
// Longer than any real compound ("mobilabonnementsavtale" is 22): a 2000-letter "word" would try
// every cut, each stemmed, and hold the whole server for a second.
const MAX_COMPOUND = 40;

/**
 * Compound and decompound a question against the words the index knows. Written compounds vary
 * in both languages ("back up" / "backup", "e mail" / "email", "mobil abonnement" /
 * "mobilabonnement"), and BM25 sees each spelling as an unrelated term. So:
 * - two adjacent words whose join is a known word add that join;
 * - a long word that splits into two known words (optionally with a linking s/e) adds both.
 * `words` are folded words in order, single letters included (the "e" of "e-mail").
 */
export function expandCompounds(words: readonly string[], known: (word: string) => boolean): CompoundExpansion[] {
  const out: CompoundExpansion[] = [];
  const seen = new Set(words);
  const push = (word: string, from: number[]) => {
    if (seen.has(word)) return;
    seen.add(word);
    out.push({ word, from });
  };
  for (let i = 0; i + 1 < words.length; i++) {
    const joined = words[i]! + words[i + 1]!;
    if (known(joined)) push(joined, [i, i + 1]);
  }
  words.forEach((word, i) => {
    const split = splitCompound(word, known);
    if (split) for (const part of split) push(part, [i]);
  });
  return out;
}

/** The two known parts of a compound, longest head first, or undefined when it does not split. */
export function splitCompound(word: string, known: (word: string) => boolean): [string, string] | undefined {
  if (word.length > MAX_COMPOUND || /\p{N}/u.test(word)) return undefined;
  for (let cut = word.length - MIN_PART; cut >= MIN_PART; cut--) {
    const head = word.slice(0, cut);
    for (const link of LINKS) {
      if (!word.startsWith(link, cut)) continue;
      const tail = word.slice(cut + link.length);
      if (tail.length >= MIN_PART && known(head) && known(tail)) return [head, tail];
    }
  }
  return undefined;
}

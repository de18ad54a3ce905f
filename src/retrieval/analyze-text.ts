import snowball from 'snowball-stemmers';
import { IRREGULAR_PLURALS, IRREGULAR_VERBS } from './irregular-forms.js';
import { STOP_WORDS } from './stop-words.js';

/** Turns text into folded words and words into index terms (stems). */
export interface Analyzer {
  /** Folded words in order, stop words included (n-gram features want them). */
  words(text: string): string[];
  /** Index terms of one folded word: its nb and en stems, or [] for a stop word. */
  terms(word: string): string[];
  /** Unique content words of a text, each with its terms: what "coverage" counts. */
  contentWords(text: string): Array<{ word: string; terms: string[] }>;
}

// æ, ø and å are letters of their own in Norwegian ("får" ≠ "far"), so they survive folding;
// other diacritics (é, ü, ô) are spelling variants and are stripped.
const KEEP = new Set(['æ', 'ø', 'å']);
const WORD = /[\p{L}\p{N}]+/gu;
const CACHE_LIMIT = 50_000;

/** Lower-case and strip diacritics except æøå; NFKC first so ligatures and full-width forms fold too. */
export function foldText(text: string): string {
  const lower = text.normalize('NFKC').toLowerCase();
  let out = '';
  for (const ch of lower) {
    out += KEEP.has(ch) || ch.charCodeAt(0) < 128 ? ch : ch.normalize('NFD').replace(/\p{M}/gu, '');
  }
  return out;
}

/** Split folded text into words of letters and digits; lone letters ("s" of "it's") are dropped. */
export function tokenize(text: string): string[] {
  return splitWords(text).filter((w) => w.length > 1 || /\p{N}/u.test(w));
}

/** Every folded word in order, lone letters included (compounding wants the "e" of "e-mail"). */
export function splitWords(text: string): string[] {
  return [...foldText(text).matchAll(WORD)].map((m) => m[0]);
}

/**
 * An analyzer that stems every word with both the Norwegian and the English Snowball stemmer.
 * Content and questions mix the two languages and a chunk's language says nothing about the
 * question's, so both stems are indexed and queried: "fakturaen" (nb stem "faktura") meets
 * "faktura", and "invoices" meets "invoice", without guessing a language per word.
 */
export function createAnalyzer(): Analyzer {
  const en = snowball.newStemmer('english');
  const nb = snowball.newStemmer('norwegian');
  // Stemming dominates indexing time and vocabularies are small, so memoise per analyzer.
  const cache = new Map<string, string[]>();

  const terms = (word: string): string[] => {
    if (STOP_WORDS.has(word)) return [];
    const hit = cache.get(word);
    if (hit) return hit;
    // Digits and very short words are codes (4g, puk, id): stemming would only damage them.
    const stem = (w: string) => (/\p{N}/u.test(w) || w.length <= 3 ? [w] : unique([en.stem(w), nb.stem(w)]));
    // Forms the stemmer cannot bring back to their base form's stem (see irregular-forms): a
    // plural takes its singular's stems ("sifre"), a verb form adds its base form's ("slått").
    const plural = IRREGULAR_PLURALS.get(word);
    const verb = IRREGULAR_VERBS.get(word);
    const stems = plural !== undefined ? stem(plural) : verb !== undefined ? unique([...stem(word), ...stem(verb)]) : stem(word);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, stems);
    return stems;
  };

  return {
    words: tokenize,
    terms,
    contentWords(text) {
      const seen = new Set<string>();
      const out: Array<{ word: string; terms: string[] }> = [];
      for (const word of tokenize(text)) {
        const t = terms(word);
        if (t.length === 0 || seen.has(t[0]!)) continue;
        seen.add(t[0]!);
        out.push({ word, terms: t });
      }
      return out;
    },
  };
}

function unique(items: string[]): string[] {
  // The common case, both stemmers agreeing, without building a set.
  return items.length === 2 && items[0] === items[1] ? [items[0]!] : [...new Set(items)];
}

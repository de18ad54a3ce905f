import snowball from 'snowball-stemmers';
import { LaerlingError } from '../errors.js';
import { GLOSSARY_NB_EN, type GlossaryPair } from './glossary-nb-en.js';
import { STOP_WORDS } from './stop-words.js';

/** The two languages the glossary translates between. */
export type TermLang = 'nb' | 'en';

/** Finds glossary translations of the words and phrases in a text. */
export interface TermTranslator {
  /**
   * Translations of the glossary terms found in `text` (read as `from`, or as both languages
   * when omitted), longest phrase first, in text order, without duplicates and without terms
   * the text already contains.
   */
  translate(text: string, from?: TermLang): string[];
}

interface TrieNode {
  children: Map<string, TrieNode>;
  targets: Target[];
}

interface Target {
  text: string;
  lang: TermLang;
  keys: string[];
}

interface Side {
  lang: TermLang;
  root: TrieNode;
  /** Every glossary word of this language as written (folded): tells exact hits from stem hits. */
  words: Set<string>;
  stopWords: ReadonlySet<string>;
  /** The key a glossary word is stored under: its stem, folded. */
  key(word: string): string;
  /** Keys to try for a word of the text: its key, then the key's own stem. */
  lookupKeys(word: string): readonly string[];
}

interface Match {
  side: Side;
  start: number;
  end: number;
  targets: Target[];
  /** True when some word matched only through its stem, not as written. */
  stemmed: boolean;
}

interface Deepest {
  /** Index after the last word of the matched term. */
  end: number;
  node: TrieNode;
}

const WORD = /[\p{L}\p{N}]+/gu;
const ASCII_FOLD: Record<string, string> = { æ: 'ae', ø: 'o', å: 'a' };
const CACHE_LIMIT = 20_000;
// Stemming three-letter words only damages codes and acronyms (sim, pin, app, 4g).
const MIN_STEM_LENGTH = 4;

/**
 * Builds the lookup tries once; `translate` then costs a few map lookups per word. A stop word
 * on its own is never translated (its stem can collide with a glossary word: nb "var" ~ "vare"),
 * but phrases may contain them ("log in", "si opp").
 */
export function createTermTranslator(
  pairs: readonly GlossaryPair[] = GLOSSARY_NB_EN,
  stopWords: ReadonlySet<string> = STOP_WORDS,
): TermTranslator {
  const en = createSide('en', 'english', stopWords);
  const nb = createSide('nb', 'norwegian', stopWords);
  for (const [enTerm, nbTerm] of pairs) {
    const enWords = tokenize(enTerm);
    const nbWords = tokenize(nbTerm);
    if (enWords.length === 0 || nbWords.length === 0) {
      const pair = JSON.stringify([enTerm, nbTerm]);
      throw new LaerlingError('INVALID_INPUT', `Glossary pair has an empty side: ${pair}`);
    }
    addTerm(en, enWords, { text: nbTerm, lang: 'nb', keys: nbWords.map(nb.key) });
    addTerm(nb, nbWords, { text: enTerm, lang: 'en', keys: enWords.map(en.key) });
  }
  const sides = { en, nb };

  return {
    translate(text, from) {
      const tokens = tokenize(text);
      const active = from ? [sides[from]] : [en, nb];
      const matches = active.flatMap((side) => findMatches(side, tokens));
      const kept = from ? matches : dropFalseFriends(matches, tokens, sides);
      kept.sort((a, b) => a.start - b.start || (a.side.lang < b.side.lang ? -1 : 1));
      const textKeys = { en: tokens.map(en.lookupKeys), nb: tokens.map(nb.lookupKeys) };
      return collectTargets(kept, textKeys);
    },
  };
}

function createSide(lang: TermLang, algorithm: string, stopWords: ReadonlySet<string>): Side {
  const stemmer = snowball.newStemmer(algorithm);
  const stem = (word: string): string =>
    word.length < MIN_STEM_LENGTH || /\p{N}/u.test(word) ? word : stemmer.stem(word);
  const key = (word: string): string => asciiFold(stem(word));
  // Snowball is not idempotent ("ruteren" → "ruter" → "rut"), so an inflected word of the text
  // also tries the stem of its stem to meet a base form stored under one stemming.
  // Questions repeat the same few hundred words, and stemming dominates the cost.
  const cache = new Map<string, readonly string[]>();
  const lookupKeys = (word: string): readonly string[] => {
    const hit = cache.get(word);
    if (hit) return hit;
    const once = stem(word);
    const twice = stem(once);
    const keys = once === twice ? [asciiFold(once)] : [asciiFold(once), asciiFold(twice)];
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, keys);
    return keys;
  };
  return { lang, root: newNode(), words: new Set(), stopWords, key, lookupKeys };
}

function newNode(): TrieNode {
  return { children: new Map(), targets: [] };
}

function addTerm(side: Side, words: string[], target: Target): void {
  let node = side.root;
  for (const word of words) {
    side.words.add(asciiFold(word));
    const k = side.key(word);
    let child = node.children.get(k);
    if (!child) {
      child = newNode();
      node.children.set(k, child);
    }
    node = child;
  }
  const id = target.keys.join(' ');
  if (!node.targets.some((t) => t.keys.join(' ') === id)) node.targets.push(target);
}

/** Greedy left-to-right scan taking the longest glossary phrase at each position. */
function findMatches(side: Side, tokens: string[]): Match[] {
  const keys = tokens.map(side.lookupKeys);
  const matches: Match[] = [];
  let i = 0;
  while (i < keys.length) {
    const best = deepest(side.root, keys, i);
    if (!best || (best.end === i + 1 && side.stopWords.has(tokens[i]!))) {
      i++;
      continue;
    }
    const span = tokens.slice(i, best.end);
    const stemmed = span.some((t) => !side.words.has(asciiFold(t)));
    matches.push({ side, start: i, end: best.end, targets: best.node.targets, stemmed });
    i = best.end;
  }
  return matches;
}

/** The longest glossary term starting at word `j`, trying each word's keys in order. */
function deepest(node: TrieNode, keys: readonly (readonly string[])[], j: number): Deepest | undefined {
  let best: Deepest | undefined;
  for (const k of keys[j] ?? []) {
    const child = node.children.get(k);
    if (!child) continue;
    const here = child.targets.length > 0 ? { end: j + 1, node: child } : undefined;
    const found = deepest(child, keys, j + 1) ?? here;
    if (found && (!best || found.end > best.end)) best = found;
  }
  return best;
}

/**
 * Without a known language, stemming a word with the wrong language's stemmer invents matches
 * (English "date" stems like Norwegian "data"). A stem-only match is dropped when one of its
 * words is, as written, a glossary word of the other language.
 */
function dropFalseFriends(matches: Match[], tokens: string[], sides: Record<TermLang, Side>): Match[] {
  return matches.filter((m) => {
    if (!m.stemmed) return true;
    const other = sides[m.side.lang === 'en' ? 'nb' : 'en'];
    return !tokens.slice(m.start, m.end).some((t) => other.words.has(asciiFold(t)));
  });
}

function collectTargets(matches: Match[], textKeys: Record<TermLang, (readonly string[])[]>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const match of matches) {
    for (const target of match.targets) {
      const id = `${target.lang}:${target.keys.join(' ')}`;
      if (seen.has(id)) continue;
      seen.add(id);
      if (containsRun(textKeys[target.lang], target.keys)) continue;
      out.push(target.text);
    }
  }
  return out;
}

/** Whether the words of `needle` occur in a row in the text, each word matching any of its keys. */
function containsRun(haystack: (readonly string[])[], needle: string[]): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) {
      if (!haystack[i + j]!.includes(needle[j]!)) continue outer;
    }
    return true;
  }
  return false;
}

/** Lower-cased words of letters and digits, with foreign accents stripped but æ, ø, å kept. */
function tokenize(text: string): string[] {
  const lower = text.toLowerCase();
  // The accent-stripping pass is only needed for non-ASCII input, which keeps plain questions fast.
  const folded = /[^\x00-\x7f]/.test(lower) ? stripAccents(lower) : lower;
  return folded.match(WORD) ?? [];
}

function stripAccents(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFKC')) {
    out += ch in ASCII_FOLD || ch.charCodeAt(0) < 128 ? ch : ch.normalize('NFD').replace(/\p{M}/gu, '');
  }
  return out;
}

// Keys fold æ, ø and å as well, because customers on foreign keyboards write "apningstider".
function asciiFold(word: string): string {
  return /[æøå]/.test(word) ? word.replace(/[æøå]/g, (ch) => ASCII_FOLD[ch] ?? ch) : word;
}

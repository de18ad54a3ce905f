import type { Chunk } from '../ingest/types.js';
import { createAnalyzer, foldText, type Analyzer } from './analyze-text.js';

// Where a sentence, line, list item, table cell or Markdown emphasis begins: a capital there says
// nothing about the word. Nor does one after bold or an arrow: that is a label of the app's
// menus ("under **Sperrer**", "Innstillinger → Mobilnett"), not a thing's name.
const START = /(?:^|[.!?:]\s|\n)[\s>#*_\-+|]*(?:\d+[.)]\s*)?$/;
const LABEL = /(?:\*\*|__|→|>|["'«“`])\s*$/;
const WORD = /[\p{L}\p{N}]+/gu;
// A capitalised word of two or more characters, not inside another word ("eSIM" is not one).
const CAPITALISED = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}]+/gu;
const LOWER_START = /^\p{Ll}/u;
const defaultAnalyzer = createAnalyzer();

/**
 * The named things of a site — countries, products, services, brands — as index terms: words it
 * writes with a capital letter inside a sentence ("til Storbritannia, USA eller Thailand", "in
 * GitHub"), unless its texts use the same term in lower case at least as often ("Min Fjordmobil"
 * vs "min", "Sperrer" vs "sperre").
 */
export function namedTermsOf(texts: Iterable<string>, analyzer: Analyzer = defaultAnalyzer): Set<string> {
  // Counted per word as written, then per term: a site has far fewer distinct words than words.
  const capital = new Map<string, number>();
  const lower = new Map<string, number>();
  for (const text of texts) {
    for (const word of text.match(WORD) ?? []) if (word.length >= 2 && LOWER_START.test(word)) lower.set(word, (lower.get(word) ?? 0) + 1);
    for (const m of text.matchAll(CAPITALISED)) {
      const before = text.slice(Math.max(0, m.index - 12), m.index);
      if (!START.test(before) && !LABEL.test(before)) capital.set(m[0], (capital.get(m[0]) ?? 0) + 1);
    }
  }
  const perTerm = (counts: Map<string, number>) => {
    const out = new Map<string, number>();
    for (const [word, n] of counts) for (const term of analyzer.terms(foldText(word))) out.set(term, (out.get(term) ?? 0) + n);
    return out;
  };
  const lowerTerms = perTerm(lower);
  return new Set([...perTerm(capital)].filter(([term, n]) => n > (lowerTerms.get(term) ?? 0)).map(([term]) => term));
}

/**
 * True when two texts name different things and no thing in common: the question asks about
 * Spain and the Q&A item answers for the USA. Either naming nothing is no contradiction.
 */
export function namesDiffer(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size > 0 && b.size > 0 && ![...a].some((t) => b.has(t));
}

// A name on more than this share of the pages is the site's own brand or a staple (SIM, SMS): it
// tells no question apart.
const MAX_NAME_SHARE = 0.1;
// Names are read from at most this much page text (titles and Q&A questions always): a sample
// finds a site's names as well as the whole, and reading 100k chunks word by word took ~40 s.
const SAMPLE_CHARS = 2_000_000;

/**
 * The site's names (see namedTermsOf) that tell its pages apart — on at most 10 % of them — read
 * from its titles, Q&A questions and an evenly spread sample of its chunks.
 */
export function siteNames(chunks: readonly Chunk[], analyzer: Analyzer): Set<string> {
  const total = chunks.reduce((n, c) => n + c.text.length, 0);
  const stride = Math.max(1, Math.ceil(total / SAMPLE_CHARS));
  const sample = chunks.filter((_, i) => i % stride === 0);
  const named = namedTermsOf([...chunks.flatMap((c) => [c.title, ...(c.questions ?? [])]), ...sample.map((c) => c.text)], analyzer);
  const namesOf = new Map<string, string[]>();
  const pagesWith = new Map<string, Set<string>>();
  for (const c of sample) {
    for (const word of new Set([c.title, c.text, ...(c.questions ?? [])].flatMap((text) => text.match(WORD) ?? []))) {
      let names = namesOf.get(word);
      if (!names) namesOf.set(word, (names = analyzer.terms(foldText(word)).filter((t) => named.has(t))));
      for (const t of names) pagesWith.set(t, (pagesWith.get(t) ?? new Set<string>()).add(c.url));
    }
  }
  const pages = new Set(sample.map((c) => c.url)).size;
  return new Set([...named].filter((t) => (pagesWith.get(t)?.size ?? 0) <= Math.max(2, MAX_NAME_SHARE * pages)));
}

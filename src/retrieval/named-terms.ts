import type { Chunk } from '../ingest/types.js';
import { createAnalyzer, foldText, type Analyzer } from './analyze-text.js';

// Where a sentence, line, list item, table cell or Markdown emphasis begins: a capital there says
// nothing about the word. Nor does one after bold or an arrow: that is a label of the app's
// menus ("under **Sperrer**", "Innstillinger → Mobilnett"), not a thing's name.
const START = /(?:^|[.!?:]\s|\n)[\s>#*_\-+|]*(?:\d+[.)]\s*)?$/;
const LABEL = /(?:\*\*|__|→|>|["'«“`])\s*$/;
const WORD = /[\p{L}\p{N}]+/gu;
const defaultAnalyzer = createAnalyzer();

/**
 * The named things of a site — countries, products, services, brands — as index terms: words it
 * writes with a capital letter inside a sentence ("til Storbritannia, USA eller Thailand", "in
 * GitHub"), unless its texts use the same term in lower case at least as often ("Min Fjordmobil"
 * vs "min", "Sperrer" vs "sperre").
 */
export function namedTermsOf(texts: Iterable<string>, analyzer: Analyzer = defaultAnalyzer): Set<string> {
  const capital = new Map<string, number>();
  const lower = new Map<string, number>();
  const count = (map: Map<string, number>, word: string) => {
    for (const term of analyzer.terms(foldText(word))) map.set(term, (map.get(term) ?? 0) + 1);
  };
  for (const text of texts) {
    for (const m of text.matchAll(WORD)) {
      const word = m[0];
      if (word.length < 2 || /^\p{N}/u.test(word)) continue;
      if (!/^\p{Lu}/u.test(word)) count(lower, word);
      else {
        const before = text.slice(Math.max(0, m.index - 12), m.index);
        if (!START.test(before) && !LABEL.test(before)) count(capital, word);
      }
    }
  }
  return new Set([...capital].filter(([term, n]) => n > (lower.get(term) ?? 0)).map(([term]) => term));
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

/** The named things of a site that tell its pages apart, and the pages that mention each. */
export interface SiteNameIndex {
  site: Set<string>;
  pagesWith: Map<string, Set<string>>;
}

/** The site's names (see namedTermsOf) that are on at most 10 % of its pages. */
export function siteNames(chunks: readonly Chunk[], analyzer: Analyzer): SiteNameIndex {
  const texts = (c: Chunk) => [c.title, c.text, ...(c.questions ?? [])];
  const named = namedTermsOf(chunks.flatMap(texts), analyzer);
  const pagesWith = new Map<string, Set<string>>();
  for (const c of chunks) {
    for (const t of analyzer.contentWords(texts(c).join('\n')).flatMap((w) => w.terms)) {
      if (!named.has(t)) continue;
      const urls = pagesWith.get(t) ?? new Set<string>();
      pagesWith.set(t, urls.add(c.url));
    }
  }
  const pages = new Set(chunks.map((c) => c.url)).size;
  const site = new Set([...named].filter((t) => (pagesWith.get(t)?.size ?? 0) <= Math.max(2, MAX_NAME_SHARE * pages)));
  return { site, pagesWith };
}

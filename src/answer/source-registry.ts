import type { Source } from './types.js';

/** What the sanitiser needs to know about a passage the model was shown. */
export interface CitablePassage {
  n: number;
  url: string;
  title: string;
  /** Citable, but its URL is no page (a Q&A item without one), so never kept as a link. */
  noPage?: boolean;
}

/** The pages one answer refers to, numbered in the order it first refers to them. */
export interface SourceRegistry {
  /** Source numbers for cited passage numbers; unknown passages are left out. */
  cite(passageNumbers: number[]): number[];
  /** Whether a URL may be shown; if so its page becomes a source. */
  link(url: string): boolean;
  readonly sources: Source[];
  readonly citations: number;
}

/** A registry for the passages the model was shown. */
export function createSourceRegistry(passages: readonly CitablePassage[]): SourceRegistry {
  const byNumber = new Map(passages.map((p) => [p.n, p]));
  const byUrl = new Map(passages.filter((p) => !p.noPage).map((p) => [urlKey(p.url), p]));
  const sources: Source[] = [];
  let citations = 0;
  const refer = (p: CitablePassage): number => {
    const at = sources.findIndex((s) => urlKey(s.url) === urlKey(p.url));
    if (at >= 0) return at + 1;
    sources.push({ url: p.url, title: p.title });
    return sources.length;
  };
  return {
    cite(numbers) {
      const passagesCited = numbers.map((n) => byNumber.get(n)).filter((p): p is CitablePassage => !!p);
      citations += passagesCited.length;
      return [...new Set(passagesCited.map(refer))];
    },
    link(url) {
      const page = byUrl.get(urlKey(url));
      if (page) refer(page);
      return !!page;
    },
    sources,
    get citations() {
      return citations;
    },
  };
}

/** Whether two URLs name the same page. */
export function sameUrl(a: string, b: string): boolean {
  return urlKey(a) === urlKey(b);
}

// Fragments and a trailing slash do not make another page; scheme-less www. links are https.
// Parsed as the browser parses it, so "https://mobil.example@evil.example" is evil.example.
function urlKey(raw: string): string {
  try {
    const url = new URL(/^www\./i.test(raw) ? `https://${raw}` : raw);
    url.hash = '';
    const path = url.pathname.replace(/\/+$/, '');
    return `${url.host}${path}${url.search}`;
  } catch {
    return `invalid:${raw}`;
  }
}

import type { Source } from './types.js';

/** What the sanitiser needs to know about a passage the model was shown. */
export interface CitablePassage {
  n: number;
  url: string;
  title: string;
  /** Citable, but its URL is no page (a Q&A item without one), so never kept as a link. */
  noPage?: boolean;
}

/**
 * Turns a model's streamed Markdown-ish output into plain text the customer may see:
 * - `[n]` citations of passages are renumbered to the order the answer first refers to pages,
 *   so `[1]` in the answer is `sources[0]`; citations of unknown passages are dropped;
 * - links (Markdown links, bare http(s) and www. URLs, <autolinks>) stay only when they point at
 *   a passage's page (which makes that page a source); otherwise only the link text stays;
 * - `**`, backticks and leading `#`s are dropped.
 * Text is released as soon as no construct that could still change it is open.
 */
export interface AnswerSanitizer {
  /** Feed raw output; returns the text that is now safe to show. */
  push(raw: string): string;
  /** The stream ended: flush whatever was held back. */
  end(): string;
  /** Pages the answer referred to, deduplicated, in the order first referred to. */
  readonly sources: readonly Source[];
  /** How many valid passage citations the output contained. */
  readonly citations: number;
}

type Step =
  | { kind: 'wait' }
  | { kind: 'emit'; length: number; text: string; citation?: number[] };

const MAX_LABEL = 300;
const MAX_URL = 2_000;
const URL_START = /^(?:https?:\/\/|www\.)/i;
const URL_BODY = /^(?:https?:\/\/|www\.)[^\s<>"'`[\](){}]+/i;
const TRAILING_PUNCTUATION = /[.,;:!?]+$/;
const IN_WORD = /[\p{L}\p{N}_@./-]/u;

/** A streaming sanitiser for one answer, knowing the passages the model was shown. */
export function createAnswerSanitizer(passages: readonly CitablePassage[]): AnswerSanitizer {
  const registry = createSourceRegistry(passages);
  let buffer = '';
  let prev = '\n';
  let lastCitation: number[] = [];

  function run(final: boolean): string {
    let out = '';
    let i = 0;
    while (i < buffer.length) {
      const step = nextStep(buffer.slice(i), prev, final, registry);
      if (step.kind === 'wait') break;
      let text = step.text;
      if (step.citation) {
        const fresh = step.citation.filter((n) => !lastCitation.includes(n));
        text = fresh.length ? `[${fresh.join(', ')}]` : '';
        lastCitation = [...lastCitation, ...fresh];
      } else if (text.trim()) {
        lastCitation = [];
      }
      out += text;
      prev = buffer[i + step.length - 1] ?? prev;
      i += step.length;
    }
    buffer = buffer.slice(i);
    return out;
  }

  return {
    push(raw) {
      buffer += raw;
      return run(false);
    },
    end() {
      return run(true);
    },
    get sources() {
      return registry.sources;
    },
    get citations() {
      return registry.citations;
    },
  };
}

/** Sanitise a complete output at once (see createAnswerSanitizer). */
export function sanitizeAnswer(raw: string, passages: readonly CitablePassage[]): { text: string; sources: Source[]; citations: number } {
  const sanitizer = createAnswerSanitizer(passages);
  const text = sanitizer.push(raw) + sanitizer.end();
  return { text, sources: [...sanitizer.sources], citations: sanitizer.citations };
}

function nextStep(rest: string, prev: string, final: boolean, registry: SourceRegistry): Step {
  const c = rest[0] ?? '';
  const wordStart = !IN_WORD.test(prev);
  if (c === '[') return bracket(rest, final, registry);
  if (c === '<') return autolink(rest, final, registry);
  if (c === '*' || c === '`') return markup(rest, final);
  if (c === '#' && prev === '\n') return heading(rest, final);
  if (wordStart && /[hw]/i.test(c)) return bareUrl(rest, final, registry);
  return { kind: 'emit', length: 1, text: c };
}

function bracket(rest: string, final: boolean, registry: SourceRegistry): Step {
  const citation = /^\[\s*(\d{1,3}(?:\s*[,;]\s*\d{1,3})*)\s*\]/.exec(rest);
  if (citation) {
    const numbers = (citation[1] ?? '').split(/[,;]/).map((s) => Number(s.trim()));
    return { kind: 'emit', length: citation[0].length, text: '', citation: registry.cite(numbers) };
  }
  const link = new RegExp(`^\\[([^\\]\\n]{0,${MAX_LABEL}})\\]\\(\\s*([^)\\s]{1,${MAX_URL}})\\s*\\)`).exec(rest);
  if (link) return { kind: 'emit', length: link[0].length, text: markdownLink(link[1] ?? '', link[2] ?? '', registry) };
  const open = new RegExp(`^\\[[^\\]\\n]{0,${MAX_LABEL}}(?:\\](?:\\(\\s*[^)\\s]{0,${MAX_URL}}\\s*)?)?$`);
  if (!final && open.test(rest)) return { kind: 'wait' };
  return { kind: 'emit', length: 1, text: '[' };
}

function markdownLink(label: string, url: string, registry: SourceRegistry): string {
  const text = label.replace(new RegExp(URL_BODY.source.slice(1), 'gi'), (u) => (registry.link(u) ? u : '')).trim();
  if (!registry.link(url)) return text;
  return !text || sameUrl(text, url) ? url : `${text} (${url})`;
}

function autolink(rest: string, final: boolean, registry: SourceRegistry): Step {
  const closed = /^<([^\s<>]{1,2000})>/.exec(rest);
  if (closed && URL_START.test(closed[1] ?? '')) {
    const url = closed[1] ?? '';
    return { kind: 'emit', length: closed[0].length, text: registry.link(url) ? url : '' };
  }
  if (!final && /^<[^\s<>]{0,2000}$/.test(rest)) return { kind: 'wait' };
  return { kind: 'emit', length: 1, text: '<' };
}

function bareUrl(rest: string, final: boolean, registry: SourceRegistry): Step {
  const match = URL_BODY.exec(rest);
  if (!match) {
    const couldStart = ['https://', 'http://', 'www.'].some((p) => p.startsWith(rest.toLowerCase()));
    return !final && couldStart ? { kind: 'wait' } : { kind: 'emit', length: 1, text: rest[0] ?? '' };
  }
  if (!final && match[0].length === rest.length) return { kind: 'wait' };
  const url = match[0].replace(TRAILING_PUNCTUATION, '');
  return { kind: 'emit', length: url.length, text: registry.link(url) ? url : '' };
}

function markup(rest: string, final: boolean): Step {
  if (!final && rest.length < 2) return { kind: 'wait' };
  if (rest.startsWith('**')) return { kind: 'emit', length: 2, text: '' };
  if (rest.startsWith('`')) return { kind: 'emit', length: 1, text: '' };
  return { kind: 'emit', length: 1, text: '*' };
}

function heading(rest: string, final: boolean): Step {
  const hashes = /^#{1,6}(?:[ \t]+|$)/.exec(rest);
  if (!final && hashes && hashes[0].length === rest.length) return { kind: 'wait' };
  if (hashes && /\s$/.test(hashes[0])) return { kind: 'emit', length: hashes[0].length, text: '' };
  return { kind: 'emit', length: 1, text: '#' };
}

interface SourceRegistry {
  /** Source numbers for cited passage numbers; unknown passages are left out. */
  cite(passageNumbers: number[]): number[];
  /** Whether a URL may be shown; if so its page becomes a source. */
  link(url: string): boolean;
  readonly sources: Source[];
  readonly citations: number;
}

function createSourceRegistry(passages: readonly CitablePassage[]): SourceRegistry {
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

function sameUrl(a: string, b: string): boolean {
  return urlKey(a) === urlKey(b);
}

// Fragments and a trailing slash do not make another page; scheme-less www. links are https.
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

import { findTextLinks, linkMayGrowAt, linkMayGrowFrom, textLinkAt } from '../protocol/text-links.js';
import { matchHtml } from './html-tags.js';
import { createSourceRegistry, sameUrl, type CitablePassage, type SourceRegistry } from './source-registry.js';
import type { Source } from './types.js';

export type { CitablePassage } from './source-registry.js';

/**
 * Turns a model's streamed Markdown-ish output into plain text the customer may see:
 * - `[n]` citations of passages are renumbered to the order the answer first refers to pages,
 *   so `[1]` in the answer is `sources[0]`; citations of unknown passages are dropped;
 * - links (Markdown links, http(s) URLs wherever they start, www. URLs, <autolinks>) stay only
 *   when they point at a passage's page (which makes that page a source); otherwise only the
 *   link text stays;
 * - `**`, backticks and leading `#`s are dropped, and so are HTML tags (keeping their text) and
 *   comments, scripts and styles (with their content).
 * Text is released as soon as no construct that could still change it is open. Whatever the
 * output, the text contains no link the widget would make (src/protocol/text-links.ts) to
 * anything but a passage's page.
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
// www. forms are not links in the widget, but they read as ones, so they go unless a source.
const WWW_URL = /^www\.[^\s<>"'`[\](){}]*[^\s<>"'`[\](){}.,;:!?]/i;
const WWW_GROWING = /^w(?:w(?:w(?:\.[^\s<>"'`[\](){}]*)?)?)?$/i;
const IN_WORD = /[\p{L}\p{N}_@./-]/u;

/** A streaming sanitiser for one answer, knowing the passages the model was shown. */
export function createAnswerSanitizer(passages: readonly CitablePassage[]): AnswerSanitizer {
  const registry = createSourceRegistry(passages);
  const links = createLinkGuard(registry);
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
    return links.push(out, final);
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

/**
 * The last word on links. Dropping markup and citations joins the text around them, and
 * "http**s**://…" or "http[9]s://…" then spell a link no step above saw; this pass looks at the
 * text exactly as the customer gets it. A removed link is followed by a character that ends
 * links, so removing one cannot join its neighbours into another.
 */
function createLinkGuard(registry: SourceRegistry): { push(text: string, final: boolean): string } {
  let pending = '';
  return {
    push(text, final) {
      pending += text;
      const cut = final ? pending.length : linkMayGrowFrom(pending);
      const settled = pending.slice(0, cut);
      pending = pending.slice(cut);
      let out = '';
      let at = 0;
      for (const link of findTextLinks(settled)) {
        out += settled.slice(at, link.start) + (registry.link(link.url) ? link.url : '');
        at = link.end;
      }
      return out + settled.slice(at);
    },
  };
}

function nextStep(rest: string, prev: string, final: boolean, registry: SourceRegistry): Step {
  const c = rest[0] ?? '';
  if (c === '[') return bracket(rest, final, registry);
  if (c === '<') return angleBracket(rest, final, registry);
  if (c === '*' || c === '`') return markup(rest, final);
  if (c === '#' && prev === '\n') return heading(rest, final);
  if (c === 'h' || c === 'H') return httpUrl(rest, final, registry);
  if ((c === 'w' || c === 'W') && !IN_WORD.test(prev)) return wwwUrl(rest, final, registry);
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

// The label's own URLs are left to the link guard, which sees them in the text as shown.
function markdownLink(label: string, url: string, registry: SourceRegistry): string {
  const text = label.trim();
  if (!registry.link(url)) return text;
  return !text || sameUrl(text, url) ? url : `${text} (${url})`;
}

// An <autolink>, HTML, or just a '<'.
function angleBracket(rest: string, final: boolean, registry: SourceRegistry): Step {
  const closed = /^<([^\s<>]{1,2000})>/.exec(rest);
  if (closed && URL_START.test(closed[1] ?? '')) {
    const url = closed[1] ?? '';
    return { kind: 'emit', length: closed[0].length, text: registry.link(url) ? url : '' };
  }
  const html = matchHtml(rest, final);
  if (html?.kind === 'html') return { kind: 'emit', length: html.length, text: html.text };
  if (!final && (html?.kind === 'open' || /^<[^\s<>]{0,2000}$/.test(rest))) return { kind: 'wait' };
  return { kind: 'emit', length: 1, text: '<' };
}

function httpUrl(rest: string, final: boolean, registry: SourceRegistry): Step {
  if (!final && linkMayGrowAt(rest, 0)) return { kind: 'wait' };
  const link = textLinkAt(rest, 0);
  if (!link) return { kind: 'emit', length: 1, text: rest[0] ?? '' };
  return { kind: 'emit', length: link.end, text: registry.link(link.url) ? link.url : '' };
}

function wwwUrl(rest: string, final: boolean, registry: SourceRegistry): Step {
  if (!final && WWW_GROWING.test(rest)) return { kind: 'wait' };
  const url = WWW_URL.exec(rest)?.[0];
  if (!url) return { kind: 'emit', length: 1, text: rest[0] ?? '' };
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

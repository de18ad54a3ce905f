/**
 * Models sometimes answer in HTML. The widget shows text as text, so `<b>`, `<img onerror=…>` or
 * `<script>` would reach the customer as literal markup: harmless, but it looks broken. This
 * recognises HTML at the start of the output so the sanitiser can drop it and keep the text.
 * Only real element names count, so prose such as "<Min side>" or "1 < 2" stays as written.
 */

/** What the text starting with '<' is: HTML to replace, possibly HTML (wait for more), or text. */
export type HtmlMatch = { kind: 'html'; length: number; text: string } | { kind: 'open' } | null;

const ELEMENTS = new Set(
  ('a abbr address article aside audio b base bdi bdo blockquote body br button canvas caption center cite code col ' +
    'colgroup dd del details dfn dialog div dl dt em embed fieldset figcaption figure font footer form frame frameset ' +
    'h1 h2 h3 h4 h5 h6 head header hr html i iframe img input ins kbd label legend li link main mark marquee math meta ' +
    'nav noscript object ol optgroup option output p param picture pre q s samp script section select small source ' +
    'span strike strong style sub summary sup svg table tbody td template textarea tfoot th thead time title tr u ul ' +
    'var video wbr').split(' '),
);
// Their content is code, not text: it goes with the tags.
const RAW_TEXT = new Set(['script', 'style', 'template']);
// These separate lines when rendered, so they leave a line break rather than nothing.
const LINE_BREAKING = new Set(['br', 'p', 'div', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'blockquote', 'pre', 'hr']);
const MAX_TAG = 1_000;
const NAME = /[a-z][a-z0-9]*/iy;
const OPEN = { kind: 'open' } as const;

/** Recognise a tag, comment or script/style element at the start of `rest` (which starts with '<'). */
export function matchHtml(rest: string, final: boolean): HtmlMatch {
  if (rest.startsWith('<!--')) {
    const end = rest.indexOf('-->', 4);
    if (end >= 0) return { kind: 'html', length: end + 3, text: '' };
    return final ? null : OPEN;
  }
  if ('<!--'.startsWith(rest)) return final ? null : OPEN;
  const tag = scanTag(rest);
  if (tag === 'open') return final ? null : OPEN;
  if (!tag) return null;
  if (RAW_TEXT.has(tag.name) && !tag.closing) {
    const close = new RegExp(`</${tag.name}\\s*>`, 'i').exec(rest.slice(tag.end));
    if (close) return { kind: 'html', length: tag.end + close.index + close[0].length, text: '' };
    // Unclosed: everything after the tag is its content.
    return final ? { kind: 'html', length: rest.length, text: '' } : OPEN;
  }
  return { kind: 'html', length: tag.end, text: LINE_BREAKING.has(tag.name) ? '\n' : '' };
}

function scanTag(rest: string): { end: number; name: string; closing: boolean } | 'open' | null {
  let i = 1;
  const closing = rest[i] === '/';
  if (closing) i++;
  const nameAt = new RegExp(NAME);
  nameAt.lastIndex = i;
  const name = nameAt.exec(rest)?.[0].toLowerCase();
  if (!name) return i >= rest.length ? 'open' : null;
  i += name.length;
  if (i >= rest.length) return 'open';
  if (!/[\s/>]/.test(rest[i] ?? '') || !ELEMENTS.has(name)) return null;
  for (; i < rest.length && i < MAX_TAG; i++) {
    const c = rest[i];
    if (c === '>') return { end: i + 1, name, closing };
    if (c === '<') return null;
    if (c === '"' || c === "'") {
      const close = rest.indexOf(c, i + 1);
      if (close < 0) break;
      i = close;
    }
  }
  return i < MAX_TAG ? 'open' : null;
}

import { safeHttpUrl, splitLinks } from './safe-url.js';

type Attrs = Record<string, string | boolean | undefined>;

/** Create an element with attributes and children; strings become text nodes, never markup. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Array<Node | string | null | undefined | false>): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}

/** A safe external link: http(s) only, opened in a new tab without access to this page. */
export function link(text: string, url: string): HTMLElement {
  const href = safeHttpUrl(url, location.href);
  return href ? h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, text) : h('span', {}, text);
}

/** Text with its http(s) URLs turned into safe links; everything else stays text. */
export function richText(text: string): DocumentFragment {
  const frag = document.createDocumentFragment();
  for (const part of splitLinks(text)) frag.append(part.href ? link(part.text, part.href) : document.createTextNode(part.text));
  return frag;
}

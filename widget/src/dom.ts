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

const SVG = 'http://www.w3.org/2000/svg';

/**
 * The launcher's speech-bubble icon, drawn rather than an emoji: an emoji is a box on systems
 * without a colour-emoji font (many Linux desktops and kiosks).
 */
export function chatIcon(): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  for (const [k, v] of Object.entries({ viewBox: '0 0 24 24', width: '28', height: '28', 'aria-hidden': 'true', focusable: 'false' })) svg.setAttribute(k, v);
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('fill', 'currentColor');
  path.setAttribute('d', 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z');
  svg.append(path);
  return svg;
}

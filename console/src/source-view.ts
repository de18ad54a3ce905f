import { h, link } from '../../widget/src/dom.js';

/** A source as the server sends it (see Source in src/answer/types.ts). */
export interface SourceRef {
  url: string;
  title: string;
  /** A Q&A item with no page of its own: its URL only identifies it. */
  noPage?: boolean;
}

/** How a source reads in the consoles: a page to open, or a Q&A item with nothing to open. */
export function describeSource(s: SourceRef): { text: string; href?: string } {
  return s.noPage ? { text: `Q&A item: ${s.title}` } : { text: s.title || s.url, href: s.url };
}

/** A source as a link, or as plain text for a Q&A item, so no one follows its made-up URL to a 404. */
export function sourceView(s: SourceRef): HTMLElement {
  const { text, href } = describeSource(s);
  return href ? link(text, href) : h('span', { class: 'qa-source', 'data-testid': 'qa-source', title: 'Answered as written from a Q&A item; it has no page of its own' }, text);
}

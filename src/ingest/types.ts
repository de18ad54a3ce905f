/** Languages we detect in content. Answers are written in nb or en. */
export type Lang = 'nb' | 'nn' | 'en';

/** A page as fetched by the crawler, before extraction. */
export interface FetchedPage {
  /** Normalised URL we requested (after redirects). */
  url: string;
  html: string;
  status: number;
  etag?: string;
  lastModified?: string;
  fetchedAt: string;
}

/** One heading section of a page's main content. */
export interface Section {
  /** Headings from the page's h1 down to this section's own heading. */
  headingPath: string[];
  text: string;
}

/** Main content extracted from a page or a knowledge/ Markdown file. */
export interface ExtractedPage {
  /** Canonical URL (the <link rel=canonical> when same-origin, else the fetched URL). */
  url: string;
  title: string;
  lang: Lang;
  lastModified?: string;
  sections: Section[];
  /** sha256 of the normalised main text, used to skip unchanged pages and de-duplicate. */
  contentHash: string;
}

/** The unit we index and retrieve. */
export interface Chunk {
  /** Stable id: derived from url and position, unique in one index. */
  id: string;
  url: string;
  title: string;
  headingPath: string[];
  text: string;
  lang: Lang;
  kind: 'page' | 'qa';
  /** For Q&A items: the answer returned as written. */
  answer?: string;
  /** For Q&A items: the question and its alternative phrasings. */
  questions?: string[];
  /**
   * For Q&A items: true when the item names no page, so `url` (…/svar/<id>) only identifies it and
   * must never be shown as a link; absent when `url` is the page the answer belongs to.
   */
  noPage?: boolean;
  /** Lines of `text` that are headings of merged sections: what they head, not answers themselves. */
  subheadings?: string[];
}

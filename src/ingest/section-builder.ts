/**
 * Collects lines of text under a running heading path. HTML and Markdown both end up as a
 * stream of "heading of level n" and "line of text" events; this turns that stream into
 * Sections so both kinds of source chunk the same way.
 */

import type { Section } from './types.js';

export interface SectionBuilder {
  /** Start a section under a heading of level 1–6; deeper levels replace shallower ones' children. */
  heading(level: number, text: string): void;
  /** Add one line of text to the current section (whitespace is collapsed, blank lines dropped). */
  line(text: string): void;
  /** The sections collected so far, without the ones that have no text of their own. */
  sections(): Section[];
}

/** A fresh builder with an empty heading path. */
export function createSectionBuilder(): SectionBuilder {
  const path: { level: number; text: string }[] = [];
  const done: Section[] = [];
  let lines: string[] = [];

  const close = (): void => {
    if (lines.length > 0) done.push({ headingPath: path.map((h) => h.text), text: lines.join('\n') });
    lines = [];
  };

  return {
    heading(level, text) {
      const clean = text.replace(/\s+/g, ' ').trim();
      if (clean === '') return;
      close();
      while (path.length > 0 && (path[path.length - 1]?.level ?? 0) >= level) path.pop();
      path.push({ level, text: clean });
    },
    line(text) {
      const clean = text.replace(/\s+/g, ' ').trim();
      if (clean !== '') lines.push(clean);
    },
    sections() {
      close();
      return [...done];
    },
  };
}

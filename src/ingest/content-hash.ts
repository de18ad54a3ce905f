/**
 * One definition of "the same text" for crawled pages and knowledge files: whitespace and
 * Unicode normalisation must not make an unchanged page look changed.
 */

import { createHash } from 'node:crypto';
import type { Section } from './types.js';

/** Collapse whitespace runs to single spaces and apply NFC, so equal text compares equal. */
export function normaliseWhitespace(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** sha256 (hex) of the whitespace-normalised text. */
export function contentHash(text: string): string {
  return createHash('sha256').update(normaliseWhitespace(text)).digest('hex');
}

/** sha256 (hex) of a page's headings and section text, in order. */
export function sectionsHash(sections: readonly Section[]): string {
  return contentHash(sections.map((s) => `${s.headingPath.join(' ')}\n${s.text}`).join('\n'));
}

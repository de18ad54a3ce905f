/**
 * From fetched HTML to an ExtractedPage: metadata first (it lives in <head> and the chrome),
 * then boilerplate removal, main-content choice and heading sections.
 */

import * as cheerio from 'cheerio';
import { sectionsHash } from './content-hash.js';
import { detectLanguage } from './detect-language.js';
import { removeBoilerplate } from './html-boilerplate.js';
import { isoTime, readHtmlMetadata } from './html-metadata.js';
import { htmlSections } from './html-sections.js';
import { pickMainContent } from './main-content.js';
import type { ExtractedPage, FetchedPage } from './types.js';

// Fewer words than this is an empty shell (a redirect stub, a login wall, a JS-only app).
const MIN_WORDS = 3;

/** The main content of a fetched page, or undefined when it has no meaningful text. */
export function extractPage(page: FetchedPage): ExtractedPage | undefined {
  const $ = cheerio.load(page.html);
  const meta = readHtmlMetadata($, page.url);
  removeBoilerplate($);
  const main = pickMainContent($);
  const sections = htmlSections(main);
  const text = sections.map((s) => s.text).join('\n');
  if ((text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) < MIN_WORDS) return undefined;

  const firstH1 = $('h1').first().text().replace(/\s+/g, ' ').trim();
  const title = meta.title ?? (firstH1 || sections[0]?.headingPath[0] || new URL(page.url).pathname);
  const lastModified = meta.modified ?? isoTime(page.lastModified);
  return {
    url: meta.canonical ?? page.url,
    title,
    lang: detectLanguage(`${title}\n${text}`, meta.langHint),
    ...(lastModified !== undefined ? { lastModified } : {}),
    sections,
    contentHash: sectionsHash(sections),
  };
}

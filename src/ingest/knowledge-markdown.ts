/**
 * A knowledge/ Markdown file (YAML front matter with title and url, then Markdown) as an
 * ExtractedPage, so it chunks and indexes exactly like a crawled page.
 */

import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { sectionsHash } from './content-hash.js';
import { detectLanguage } from './detect-language.js';
import { expected, langField, textField } from './knowledge-fields.js';
import { resolveKnowledgeUrl } from './knowledge-url.js';
import { markdownSections } from './markdown-sections.js';
import type { ExtractedPage } from './types.js';

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

// title and url are required (knowledge/README.md): the url is the source link customers follow,
// so a page without one is reported, not indexed under an address made up from its file name.
const frontMatterSchema = z.object({
  title: textField,
  url: textField,
  lang: langField.optional(),
  // YAML may hand us a Date (unquoted timestamps with a time part) or a string.
  updated: z
    .union([z.date(), z.string()], { error: expected('a date like 2026-10-01') })
    .optional()
    .refine((v) => v === undefined || !Number.isNaN(new Date(v).getTime()), 'Expected a date like 2026-10-01'),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;

/** Parse a Markdown knowledge file; throws a ZodError for bad front matter, Error for other problems. */
export function markdownPage(source: string, baseUrl: string): ExtractedPage {
  const match = FRONT_MATTER.exec(source);
  // Also what a binary file saved as .md looks like: better named than indexed as gibberish.
  if (!match) throw new Error('no front matter: a page starts with ---, title: and url: lines, then --- (see knowledge/README.md)');
  const meta = frontMatterSchema.parse(parseYaml(match[1] ?? '') ?? {});
  const doc = markdownSections(source.slice(match[0].length));
  if (doc.sections.length === 0) throw new Error('no text');

  const text = doc.sections.map((s) => s.text).join('\n');
  return {
    url: pageUrl(meta.url, baseUrl),
    title: meta.title,
    lang: meta.lang ?? detectLanguage(`${meta.title}\n${text}`),
    ...(meta.updated !== undefined ? { lastModified: new Date(meta.updated).toISOString() } : {}),
    sections: doc.sections,
    contentHash: sectionsHash(doc.sections),
  };
}

function pageUrl(urlOrPath: string, baseUrl: string): string {
  try {
    return resolveKnowledgeUrl(urlOrPath, baseUrl);
  } catch (err) {
    throw new Error(`front matter.url: ${err instanceof Error ? err.message : String(err)}`);
  }
}

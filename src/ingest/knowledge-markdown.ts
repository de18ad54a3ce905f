/**
 * A knowledge/ Markdown file (optional YAML front matter) as an ExtractedPage, so it chunks and
 * indexes exactly like a crawled page.
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

const frontMatterSchema = z.object({
  title: textField.optional(),
  url: textField.optional(),
  lang: langField.optional(),
  // YAML may hand us a Date (unquoted timestamps with a time part) or a string.
  updated: z
    .union([z.date(), z.string()], { error: expected('a date like 2026-10-01') })
    .optional()
    .refine((v) => v === undefined || !Number.isNaN(new Date(v).getTime()), 'Expected a date like 2026-10-01'),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;

/** Where a Markdown file lives: its path under knowledge/ without extension gives the default URL. */
export interface MarkdownSource {
  /** Path relative to the knowledge directory, with forward slashes, e.g. "pages/esim.md". */
  relativePath: string;
  text: string;
}

/** Parse a Markdown knowledge file; throws a ZodError for bad front matter, Error for other problems. */
export function markdownPage(source: MarkdownSource, baseUrl: string): ExtractedPage {
  const match = FRONT_MATTER.exec(source.text);
  const meta = frontMatterSchema.parse(match ? (parseYaml(match[1] ?? '') ?? {}) : {});
  const body = match ? source.text.slice(match[0].length) : source.text;
  const doc = markdownSections(body);
  if (doc.sections.length === 0) throw new Error('no text');

  const title = meta.title ?? doc.firstH1 ?? fileTitle(source.relativePath);
  const url = pageUrl(meta.url ?? defaultPath(source.relativePath), baseUrl);
  const text = doc.sections.map((s) => s.text).join('\n');
  return {
    url,
    title,
    lang: meta.lang ?? detectLanguage(`${title}\n${text}`),
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

// "pages/mobil/esim.md" → "pages/mobil/esim"; an index.md stands for its folder.
function defaultPath(relativePath: string): string {
  const withoutExt = relativePath.replace(/\.[^./]+$/, '');
  return withoutExt.replace(/(^|\/)index$/, '$1');
}

function fileTitle(relativePath: string): string {
  const name = relativePath.split('/').pop()?.replace(/\.[^.]+$/, '') ?? relativePath;
  return name.replace(/[-_]+/g, ' ').trim() || relativePath;
}

/**
 * Loads a bot's knowledge/ folder: Markdown pages and Q&A files (YAML or JSON). A bad file is
 * reported and skipped; it never stops the others, so one typo cannot take the bot offline.
 */

import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join, relative, sep } from 'node:path';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { formatZodError } from '../config/format-zod-error.js';
import { LaerlingError } from '../errors.js';
import { markdownPage } from './knowledge-markdown.js';
import { qaChunks, type QaFileResult } from './knowledge-qa.js';
import { valuesCutByComments } from './yaml-cut-values.js';
import type { Chunk, ExtractedPage } from './types.js';

export interface KnowledgeError {
  /** The file, as "knowledge/qa/faq.yaml" (relative to the knowledge folder's parent). */
  file: string;
  message: string;
}

export interface Knowledge {
  pages: ExtractedPage[];
  qa: Chunk[];
  errors: KnowledgeError[];
}

const MARKDOWN = new Set(['.md', '.markdown']);
const QA = new Set(['.yaml', '.yml', '.json']);

/**
 * Read every Markdown and Q&A file under dir, in path order. Hidden files and README.md (notes
 * for the people editing the folder) are skipped.
 */
export async function loadKnowledge(dir: string, opts: { baseUrl: string }): Promise<Knowledge> {
  const result: Knowledge = { pages: [], qa: [], errors: [] };
  const seenPageUrls = new Map<string, string>();
  const seenQaIds = new Map<string, string>();
  const paths = await listFiles(dir).catch((err: unknown) => {
    throw new LaerlingError('INVALID_CONFIG', `Cannot read the knowledge folder ${dir}: ${describe(err)}`);
  });
  for (const path of paths) {
    const file = [basename(dir), ...relative(dir, path).split(sep)].join('/');
    const ext = extname(path).toLowerCase();
    try {
      const text = await readFile(path, 'utf8');
      if (MARKDOWN.has(ext)) {
        const page = markdownPage(text, opts.baseUrl);
        const other = seenPageUrls.get(page.url);
        if (other) throw new Error(`url ${page.url} is already used by ${other}`);
        seenPageUrls.set(page.url, file);
        result.pages.push(page);
      } else if (QA.has(ext)) {
        const { chunks, problems } = ext === '.json' ? qaChunks(JSON.parse(text), opts.baseUrl) : yamlQaChunks(text, opts.baseUrl);
        for (const message of problems) result.errors.push({ file, message });
        for (const chunk of chunks) {
          const other = seenQaIds.get(chunk.id);
          if (other) {
            result.errors.push({ file, message: `"${chunk.title}": same id or question as an item in ${other}` });
            continue;
          }
          seenQaIds.set(chunk.id, file);
          result.qa.push(chunk);
        }
      }
    } catch (err) {
      result.errors.push({ file, message: describe(err) });
    }
  }
  return result;
}

function yamlQaChunks(text: string, baseUrl: string): QaFileResult {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw doc.errors[0]!;
  return qaChunks(doc.toJS(), baseUrl, valuesCutByComments(doc, text));
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(path)));
    else if (entry.isFile() && entry.name.toLowerCase() !== 'readme.md') files.push(path);
  }
  return files;
}

function describe(err: unknown): string {
  if (err instanceof z.ZodError) {
    return formatZodError(err, 'front matter');
  }
  // The first line only (YAML errors go on with an excerpt), without the colon that led into it.
  return err instanceof Error ? (err.message.split('\n')[0] ?? err.message).replace(/:\s*$/, '') : String(err);
}

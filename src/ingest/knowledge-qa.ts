/**
 * Q&A files in knowledge/ (YAML or JSON): a list of items or `{ items: [...] }`. Each item becomes
 * one chunk whose answer is returned as written. Items are validated one by one, so one typo
 * costs one item, not the whole file.
 */

import { z } from 'zod';
import { formatPath } from '../config/format-zod-error.js';
import { chunkId } from './chunk-page.js';
import { detectLanguage } from './detect-language.js';
import { expected, langField, textField } from './knowledge-fields.js';
import { resolveKnowledgeUrl, slugify } from './knowledge-url.js';
import type { Chunk } from './types.js';

export const qaItemSchema = z.object({
  id: z.union([z.string().trim().min(1), z.number().transform(String)], { error: expected('text') }).optional(),
  question: textField,
  alternatives: z.array(textField, { error: expected('a list of questions') }).default([]),
  answer: textField,
  url: textField.optional(),
  lang: langField.optional(),
});

export type QaItem = z.infer<typeof qaItemSchema>;

export interface QaFileResult {
  chunks: Chunk[];
  /** One message per bad item, naming the field: "items[3].answer: Required". */
  problems: string[];
}

/**
 * Validate the parsed content of a Q&A file and turn its good items into chunks. `cut` names items
 * whose value YAML cut short at a " #" (see valuesCutByComments): they are reported, not indexed.
 */
export function qaChunks(data: unknown, baseUrl: string, cut: ReadonlyMap<number, string> = new Map()): QaFileResult {
  const list = itemList(data);
  if (!list) return { chunks: [], problems: ['expected a list of Q&A items or an object with "items: [...]"'] };
  const chunks: Chunk[] = [];
  const problems: string[] = [];
  list.items.forEach((raw, index) => {
    const where = `${list.prefix}[${index}]`;
    const cutKey = cut.get(index);
    if (cutKey !== undefined) {
      problems.push(`${where}.${cutKey}: the text after " #" was read as a YAML comment and dropped; put the value in quotes`);
      return;
    }
    const parsed = qaItemSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(...parsed.error.issues.map((i) => `${formatPath(i.path, where)}: ${i.message}`));
      return;
    }
    try {
      chunks.push(qaChunk(parsed.data, baseUrl));
    } catch (err) {
      problems.push(`${where}.url: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
  return { chunks, problems };
}

/** The chunk id of the Q&A item with this id (or slug). */
export function qaChunkId(key: string): string {
  return chunkId(`qa:${key}`, 0);
}

const FALLBACK_DIR = 'svar';

/** One validated Q&A item as a chunk of kind 'qa'. */
export function qaChunk(item: QaItem, baseUrl: string): Chunk {
  const key = item.id ?? slugify(item.question);
  // Without a page of its own the item still needs a stable URL: learned phrasings, negative
  // pairs, candidates and the `ask` contract all name it by URL. `noPage` keeps it from being linked.
  const url = resolveKnowledgeUrl(item.url ?? `${FALLBACK_DIR}/${key}`, baseUrl);
  const questions = [item.question, ...item.alternatives];
  return {
    id: qaChunkId(key),
    url,
    title: item.question,
    headingPath: [],
    text: [...questions, item.answer].join('\n'),
    lang: item.lang ?? detectLanguage(`${questions.join('\n')}\n${item.answer}`),
    kind: 'qa',
    answer: item.answer,
    questions,
    // Set only when true, as on chunks loaded from an index saved before the flag existed.
    ...(item.url === undefined ? { noPage: true } : {}),
  };
}

const FALLBACK_URL = new RegExp(`/${FALLBACK_DIR}/([^/?#]+)$`);

/**
 * Whether a Q&A chunk saved before `noPage` existed has the `svar/<id>` URL made up for an item
 * without a page (its chunk id is derived from that same id), so old indexes stop linking it too.
 */
export function hasFallbackQaUrl(chunk: Pick<Chunk, 'id' | 'url'>): boolean {
  const match = FALLBACK_URL.exec(chunk.url);
  if (!match) return false;
  try {
    return qaChunkId(decodeURIComponent(match[1]!)) === chunk.id;
  } catch {
    return false;
  }
}

function itemList(data: unknown): { items: unknown[]; prefix: string } | undefined {
  if (Array.isArray(data)) return { items: data, prefix: '' };
  if (typeof data === 'object' && data !== null && 'items' in data && Array.isArray(data.items)) {
    return { items: data.items, prefix: 'items' };
  }
  return undefined;
}


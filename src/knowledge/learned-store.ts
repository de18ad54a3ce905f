import { createHash } from 'node:crypto';
import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { LearnedPhrasing } from '../retrieval/types.js';
import { writeFileAtomic } from '../storage/atomic-file.js';
import { withFileLock } from '../storage/file-lock.js';

const learnedLineSchema = z.object({
  question: z.string().min(1),
  url: z.string().min(1),
  learnedAt: z.string(),
});

/**
 * Question → page pairs, one JSON object per line, kept beside the index so any rebuild includes
 * them: `learned` (this page resolved this question) and `negative` (it did not).
 */
export type PairKind = 'learned' | 'negative';

/** File that holds a bot's pairs of one kind. */
export function learnedFile(botDirectory: string, kind: PairKind = 'learned'): string {
  return join(botDirectory, kind === 'learned' ? 'learned.jsonl' : 'negative.jsonl');
}

/** Read every learned phrasing; a damaged line is skipped rather than losing the rest. */
export async function readLearned(botDirectory: string, kind: PairKind = 'learned'): Promise<LearnedPhrasing[]> {
  let raw: string;
  try {
    raw = await readFile(learnedFile(botDirectory, kind), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const out: LearnedPhrasing[] = [];
  for (const line of raw.split('\n')) {
    if (!line.trim()) continue;
    try {
      const parsed = learnedLineSchema.safeParse(JSON.parse(line));
      if (parsed.success) out.push(parsed.data);
    } catch {
      // A torn last line after a crash: ignore it, the rest is intact.
    }
  }
  return out;
}

/** Append phrasings durably before anyone is told they were learned; returns the bytes appended. */
export async function appendLearned(botDirectory: string, items: LearnedPhrasing[], kind: PairKind = 'learned'): Promise<number> {
  if (items.length === 0) return 0;
  const file = learnedFile(botDirectory, kind);
  const text = items.map((i) => JSON.stringify(i)).join('\n') + '\n';
  await withFileLock(file, () => appendFile(file, text, { flush: true }));
  return Buffer.byteLength(text);
}

/** Stable id of a learned phrasing (the file has no ids): the console and erase address items by it. */
export function learnedId(item: Pick<LearnedPhrasing, 'question' | 'url'>): string {
  return createHash('sha256').update(`${item.url}\n${item.question}`).digest('hex').slice(0, 16);
}

/**
 * Drop the phrasings `drop` selects, rewriting the file atomically; returns how many went. Under
 * the file's lock, so that a line appended by another process between our read and our rename
 * is not lost.
 */
export async function removeLearned(botDirectory: string, drop: (item: LearnedPhrasing) => boolean, kind: PairKind = 'learned'): Promise<number> {
  const file = learnedFile(botDirectory, kind);
  return withFileLock(file, async () => {
    const items = await readLearned(botDirectory, kind);
    const keep = items.filter((i) => !drop(i));
    if (keep.length === items.length) return 0;
    await writeFileAtomic(file, keep.map((i) => JSON.stringify(i) + '\n').join(''));
    return items.length - keep.length;
  });
}

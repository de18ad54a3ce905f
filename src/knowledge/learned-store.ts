import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { LearnedPhrasing } from '../retrieval/types.js';

const learnedLineSchema = z.object({
  question: z.string().min(1),
  url: z.string().min(1),
  learnedAt: z.string(),
});

/** File that holds a bot's learned phrasings, one JSON object per line (moves to SQLite with conversations). */
export function learnedFile(botDirectory: string): string {
  return join(botDirectory, 'learned.jsonl');
}

/** Read every learned phrasing; a damaged line is skipped rather than losing the rest. */
export async function readLearned(botDirectory: string): Promise<LearnedPhrasing[]> {
  let raw: string;
  try {
    raw = await readFile(learnedFile(botDirectory), 'utf8');
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

/** Append phrasings durably before anyone is told they were learned. */
export async function appendLearned(botDirectory: string, items: LearnedPhrasing[]): Promise<void> {
  if (items.length === 0) return;
  const file = learnedFile(botDirectory);
  await mkdir(dirname(file), { recursive: true });
  await appendFile(file, items.map((i) => JSON.stringify(i)).join('\n') + '\n', { flush: true });
}

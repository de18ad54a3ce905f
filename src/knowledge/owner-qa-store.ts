import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { LaerlingError } from '../errors.js';
import { writeFileAtomic } from '../storage/atomic-file.js';

/** A Q&A item a content owner wrote or approved in the console (files in knowledge/ stay read-only). */
export const ownerQaSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,80}$/),
  question: z.string().trim().min(1).max(500),
  alternatives: z.array(z.string().trim().min(1).max(500)).max(50).default([]),
  answer: z.string().trim().min(1).max(4000),
  url: z.url({ protocol: /^https?$/ }).optional(),
  lang: z.enum(['nb', 'nn', 'en']).optional(),
  /** The agent suggestion it came from, if any. */
  suggestionId: z.number().int().optional(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export type OwnerQa = z.infer<typeof ownerQaSchema>;

/** File holding a bot's console-written Q&A items; an index input like learned.jsonl. */
export function ownerQaFile(botDirectory: string): string {
  return join(botDirectory, 'owner-qa.json');
}

/** Every owner Q&A item; a damaged file is an error (it is only ever replaced whole). */
export async function readOwnerQa(botDirectory: string): Promise<OwnerQa[]> {
  let raw: string;
  try {
    raw = await readFile(ownerQaFile(botDirectory), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const parsed = z.array(ownerQaSchema).safeParse(JSON.parse(raw));
  if (!parsed.success) throw new LaerlingError('INDEX_CORRUPT', `${ownerQaFile(botDirectory)} has an unexpected shape`);
  return parsed.data;
}

/** Replace the bot's owner Q&A items atomically. */
export async function writeOwnerQa(botDirectory: string, items: readonly OwnerQa[]): Promise<void> {
  await writeFileAtomic(ownerQaFile(botDirectory), JSON.stringify(items, null, 1));
}

import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Embeddings } from '@langchain/core/embeddings';
import { LaerlingError } from '../errors.js';
import { KnowledgeIndex } from './knowledge-index.js';

/** Anything that can write itself into a directory (a KnowledgeIndex). */
export interface SavableIndex {
  save(dir: string): Promise<void>;
}

const INDEX_DIR = 'index';
const POINTER = 'CURRENT';
const EXTRA = 'extra.json';
const GENERATION = /^gen-\d+-[a-z0-9]+$/;

/** Directory that holds a bot's index generations and its CURRENT pointer. */
export function indexDir(botDir: string): string {
  return join(botDir, INDEX_DIR);
}

/**
 * Save a new generation of the bot's index beside the live one, then make it live by replacing
 * the CURRENT pointer atomically (write a temp file, fsync, rename). Readers see the old index or
 * the new one, never a mix; a crash before the rename leaves the live index untouched. Keeps the
 * previous generation (for a manual rollback) and removes older ones and failed leftovers.
 * `extra` (crawl state) is stored in the same generation so it can never disagree with the index.
 */
export async function writeIndex(botDir: string, index: SavableIndex, extra?: unknown): Promise<{ generation: string }> {
  const root = indexDir(botDir);
  await mkdir(root, { recursive: true });
  const previous = await readPointer(root);
  const generation = `gen-${Date.now()}-${randomBytes(4).toString('hex')}`;
  const dir = join(root, generation);
  await mkdir(dir);
  try {
    await index.save(dir);
    if (extra !== undefined) await writeFile(join(dir, EXTRA), JSON.stringify(extra));
    for (const file of await readdir(dir)) await fsync(join(dir, file));
    await fsync(dir);
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  const temp = join(root, `${POINTER}.${randomBytes(4).toString('hex')}.tmp`);
  await writeFile(temp, generation, { flush: true });
  await rename(temp, join(root, POINTER));
  await fsync(root);
  await removeOldGenerations(root, new Set([generation, previous].filter((g): g is string => !!g)), generationTime(generation));
  return { generation };
}

/** The generation CURRENT names (undefined before the first build): what the live index is on disk. */
export async function liveGeneration(botDir: string): Promise<string | undefined> {
  return readPointer(indexDir(botDir));
}

/** A loaded index generation; `damaged` says why the live one could not be used, when it could not. */
export interface LoadedIndex {
  index: KnowledgeIndex;
  extra?: unknown;
  generation: string;
  damaged?: string;
}

/**
 * The live index and its extra data; INDEX_MISSING when none was written yet. When the live
 * generation is damaged on disk (a full disk, a bad copy or restore), the newest older generation
 * that loads is returned instead, with `damaged` set: writeIndex keeps the one before the live one.
 */
export async function loadCurrent(botDir: string, embeddings: Embeddings): Promise<LoadedIndex> {
  const root = indexDir(botDir);
  const generation = await readPointer(root);
  if (!generation) throw new LaerlingError('INDEX_MISSING', `No index has been built in ${botDir} yet`);
  try {
    return await loadGeneration(root, generation, embeddings);
  } catch (err) {
    if (!(err instanceof LaerlingError && err.code === 'INDEX_CORRUPT')) throw err;
    const older = (await readdir(root)).filter((n) => GENERATION.test(n) && generationTime(n) < generationTime(generation));
    for (const name of older.sort((a, b) => generationTime(b) - generationTime(a))) {
      try {
        return { ...(await loadGeneration(root, name, embeddings)), damaged: `index ${generation} is damaged (${err.message})` };
      } catch {
        // Also damaged, or a build that was killed half-way: try the one before.
      }
    }
    throw new LaerlingError('INDEX_CORRUPT', `${err.message}; no earlier index generation loads either. Rebuild it: remove ${root} (the knowledge files are read again; crawled sites need \`laerling crawl\` again)`);
  }
}

async function loadGeneration(root: string, generation: string, embeddings: Embeddings): Promise<LoadedIndex> {
  const dir = join(root, generation);
  const index = await KnowledgeIndex.load(dir, embeddings);
  let extra: unknown;
  try {
    extra = JSON.parse(await readFile(join(dir, EXTRA), 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new LaerlingError('INDEX_CORRUPT', `${EXTRA} in ${dir} is unreadable`);
    }
  }
  return { index, extra, generation };
}

async function readPointer(root: string): Promise<string | undefined> {
  let text: string;
  try {
    text = (await readFile(join(root, POINTER), 'utf8')).trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  if (!GENERATION.test(text)) throw new LaerlingError('INDEX_CORRUPT', `${join(root, POINTER)} does not name an index generation`);
  return text;
}

// Durability: without fsync a power cut after rename can leave CURRENT pointing at empty files.
async function fsync(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function generationTime(name: string): number {
  return Number(name.split('-')[1]);
}

async function removeOldGenerations(root: string, keep: Set<string>, newest: number): Promise<void> {
  for (const name of await readdir(root)) {
    // Only generations older than the new one: a newer name may be another writer still saving.
    // Stray CURRENT.*.tmp files are left alone for the same reason; they are a few bytes.
    if (GENERATION.test(name) && !keep.has(name) && generationTime(name) <= newest) {
      await rm(join(root, name), { recursive: true, force: true });
    }
  }
}

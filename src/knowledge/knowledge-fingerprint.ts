import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** A hash of every file under a knowledge dir (paths and contents), to tell when the index is stale. */
export async function knowledgeFingerprint(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const files = (await listFiles(dir)).sort();
  for (const file of files) {
    hash.update(relative(dir, file)).update('\0').update(await readFile(file)).update('\0');
  }
  return hash.digest('hex');
}

/**
 * Paths, sizes and modification times of a knowledge dir: cheap to take every minute, to see
 * whether fingerprinting (reading every file) is worth it.
 */
export async function knowledgeStamp(dir: string): Promise<string> {
  const files = (await listFiles(dir)).sort();
  const parts = await Promise.all(files.map(async (file) => {
    const s = await stat(file).catch(() => undefined);
    return `${relative(dir, file)}\0${s?.size ?? -1}\0${s?.mtimeMs ?? -1}`;
  }));
  return parts.join('\n');
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : Promise.resolve(e.isFile() ? [join(dir, e.name)] : []))),
  );
  return nested.flat();
}

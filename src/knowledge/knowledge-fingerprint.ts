import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
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

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : Promise.resolve(e.isFile() ? [join(dir, e.name)] : []))),
  );
  return nested.flat();
}

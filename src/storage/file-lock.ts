import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import lockfile from 'proper-lockfile';

// A writer holds the lock for milliseconds; waiting up to ~5 s covers a busy disk. A lock left by
// a crashed process is taken over once it is 10 s stale (proper-lockfile refreshes live ones).
const RETRIES = { retries: 25, minTimeout: 10, maxTimeout: 250 };

/**
 * Run `fn` while holding an exclusive lock on `file`, across processes (`serve` and the CLI):
 * a rewrite that read the file must not drop a line another process appended meanwhile.
 */
export async function withFileLock<T>(file: string, fn: () => Promise<T>): Promise<T> {
  await mkdir(dirname(file), { recursive: true });
  const release = await lockfile.lock(file, { realpath: false, retries: RETRIES });
  try {
    return await fn();
  } finally {
    await release();
  }
}

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The directory of Lærling's own package.json, whether running from src/ (tests) or dist/. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate) && JSON.parse(readFileSync(candidate, 'utf8')).name === 'laerling') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Cannot find the laerling package root');
    dir = parent;
  }
}

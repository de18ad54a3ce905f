// Bundle the widget into one file (dist/widget/widget.js), type-check it, and print its size.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const LIMIT_GZIP = 35 * 1024;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', join(root, 'widget/tsconfig.json')], { stdio: 'inherit' });

const outfile = join(root, 'dist/widget/widget.js');
await build({
  entryPoints: [join(root, 'widget/src/main.ts')],
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  platform: 'browser',
  legalComments: 'none',
  outfile,
});
const raw = readFileSync(outfile);
const gz = gzipSync(raw, { level: 9 }).length;
console.log(`widget.js: ${(raw.length / 1024).toFixed(1)} KB, ${(gz / 1024).toFixed(1)} KB gzipped (limit ${LIMIT_GZIP / 1024} KB)`);
if (gz > LIMIT_GZIP) {
  console.error('widget.js is over its size budget');
  process.exit(1);
}

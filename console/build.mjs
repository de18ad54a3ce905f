// Bundle the agent console (dist/console/console.js + index.html) after type-checking it.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', join(root, 'console/tsconfig.json')], { stdio: 'inherit' });
const outdir = join(root, 'dist/console');
mkdirSync(outdir, { recursive: true });
await build({ entryPoints: [join(root, 'console/src/main.ts')], bundle: true, minify: true, format: 'iife', target: 'es2020', platform: 'browser', outfile: join(outdir, 'console.js') });
copyFileSync(join(root, 'console/index.html'), join(outdir, 'index.html'));
console.log(`console.js: ${(statSync(join(outdir, 'console.js')).size / 1024).toFixed(1)} KB`);

#!/usr/bin/env node
// Thin launcher: the CLI is compiled from src/cli/main.ts by `npm run build` (run on install).
import { main } from '../dist/src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));

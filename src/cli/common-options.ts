import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { readEnv, unknownVariables, type RuntimeSettings } from '../config/env.js';
import { LaerlingError } from '../errors.js';
import type { CliIo } from './cli-io.js';

const COMMON = {
  'data-dir': { type: 'string' },
  bot: { type: 'string' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

/** Parse a command's args plus the options every command takes (--data-dir, --bot). */
export function parseCommand<const O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O, io: CliIo) {
  const parsed = parseArgs({ args, options: { ...COMMON, ...options }, allowPositionals: true, strict: true });
  const settings: RuntimeSettings = readEnv(io.env);
  for (const name of unknownVariables(io.env)) io.stderr(`laerling: ignoring ${name}, which Lærling does not read (a typo? README lists the variables)\n`);
  const values = parsed.values as Record<string, unknown>;
  const dataDir = resolve((values['data-dir'] as string | undefined) ?? settings.dataDir ?? './data');
  checkDataDir(dataDir, values['data-dir'] !== undefined ? '--data-dir' : settings.dataDir !== undefined ? 'LAERLING_DATA_DIR' : 'data dir');
  return { values: parsed.values, positionals: parsed.positionals, dataDir, botId: values.bot as string | undefined, settings };
}

// A missing data dir is fine (it is created, or the demo bot runs); a file in its place would
// otherwise surface as a raw ENOTDIR or EEXIST from whichever command touches it first.
function checkDataDir(dataDir: string, from: string): void {
  let isDirectory: boolean | undefined;
  try {
    isDirectory = statSync(dataDir, { throwIfNoEntry: false })?.isDirectory();
  } catch (err) {
    // ENOTDIR: a file somewhere along the path.
    if ((err as NodeJS.ErrnoException).code !== 'ENOTDIR') throw new LaerlingError('INVALID_INPUT', `${from} ${dataDir}: ${(err as Error).message}`);
    isDirectory = false;
  }
  if (isDirectory === false) throw new LaerlingError('INVALID_INPUT', `${from} ${dataDir}: not a directory`);
  // Every command writes there (the database, indexes): say so now rather than as a raw EACCES.
  let existing = dataDir;
  while (isDirectory === undefined && dirname(existing) !== existing && statSync(existing, { throwIfNoEntry: false }) === undefined) existing = dirname(existing);
  try {
    accessSync(existing, constants.W_OK);
  } catch {
    throw new LaerlingError('INVALID_INPUT', `${from} ${dataDir}: not writable by this user (${existing === dataDir ? 'the directory' : existing})`);
  }
}

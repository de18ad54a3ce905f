import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { readEnv, type RuntimeSettings } from '../config/env.js';
import type { CliIo } from './cli-io.js';

const COMMON = {
  'data-dir': { type: 'string' },
  bot: { type: 'string' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

/** Parse a command's args plus the options every command takes (--data-dir, --bot). */
export function parseCommand<const O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O, io: CliIo) {
  const parsed = parseArgs({ args, options: { ...COMMON, ...options }, allowPositionals: true, strict: true });
  const settings: RuntimeSettings = readEnv(io.env);
  const values = parsed.values as Record<string, unknown>;
  const dataDir = resolve((values['data-dir'] as string | undefined) ?? settings.dataDir ?? './data');
  return { values: parsed.values, positionals: parsed.positionals, dataDir, botId: values.bot as string | undefined, settings };
}

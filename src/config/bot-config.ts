import { readFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { LaerlingError } from '../errors.js';
import { formatZodError } from './format-zod-error.js';
import { packageRoot } from './package-root.js';

const sourceSchema = z.object({
  url: z.url({ protocol: /^https?$/ }),
  include: z.array(z.string()).optional(),
  exclude: z.array(z.string()).optional(),
  maxPages: z.number().int().min(1).max(100_000).optional(),
});

/** One bot: a client site/brand with its own sources and index. */
export const botSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lowercase letters, digits and dashes, at most 40'),
  name: z.string().trim().min(1),
  defaultLanguage: z.enum(['nb', 'en']).default('nb'),
  /** Markdown and Q&A files indexed with the crawled pages; relative paths are relative to the config file. */
  knowledgeDir: z.string().optional(),
  /** Base URL for knowledge/ pages whose front matter gives a path rather than a full URL. */
  siteUrl: z.url({ protocol: /^https?$/ }).default('https://example.invalid/'),
  sources: z.array(sourceSchema).default([]),
  /** Confidence below which the bot abstains and offers a person; unset means the tuned default. */
  answerThreshold: z.number().min(0).max(1).optional(),
});

export const configFileSchema = z.object({ bots: z.array(botSchema).min(1) }).superRefine((config, ctx) => {
  const seen = new Set<string>();
  config.bots.forEach((bot, i) => {
    if (seen.has(bot.id)) ctx.addIssue({ code: 'custom', path: ['bots', i, 'id'], message: `duplicate bot id "${bot.id}"` });
    seen.add(bot.id);
  });
});

export type BotConfig = z.infer<typeof botSchema>;
export type ConfigFile = z.infer<typeof configFileSchema>;

/** The bot that runs when no config file exists: the bundled Fjordmobil demo on knowledge/. */
export function demoBot(): BotConfig {
  return botSchema.parse({
    id: 'demo',
    name: 'Fjordmobil',
    knowledgeDir: join(packageRoot(), 'knowledge'),
    siteUrl: 'https://fjordmobil.example/',
  });
}

/** Load `<dataDir>/config.json` if present (validated; errors name the field), else the demo bot. */
export async function loadConfig(dataDir: string): Promise<ConfigFile> {
  const file = join(dataDir, 'config.json');
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { bots: [demoBot()] };
    throw err;
  }
  return parseConfig(raw, file);
}

/** Validate config JSON text; `file` is used in error messages and to resolve relative paths. */
export function parseConfig(raw: string, file: string): ConfigFile {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    throw new LaerlingError('INVALID_CONFIG', `${file}: not valid JSON (${(err as Error).message})`);
  }
  const parsed = configFileSchema.safeParse(json);
  if (!parsed.success) throw new LaerlingError('INVALID_CONFIG', `${file}: ${formatZodError(parsed.error)}`);
  const base = resolve(file, '..');
  return {
    bots: parsed.data.bots.map((bot) => ({
      ...bot,
      knowledgeDir: bot.knowledgeDir && !isAbsolute(bot.knowledgeDir) ? join(base, bot.knowledgeDir) : bot.knowledgeDir,
    })),
  };
}

/** Pick a bot by id, or the first one. */
export function selectBot(config: ConfigFile, id?: string): BotConfig {
  const bot = id ? config.bots.find((b) => b.id === id) : config.bots[0];
  if (!bot) throw new LaerlingError('INVALID_INPUT', `No bot with id "${id}" (have: ${config.bots.map((b) => b.id).join(', ')})`);
  return bot;
}

/** Where a bot's files live under the data dir. */
export function botDir(dataDir: string, botId: string): string {
  return join(dataDir, 'bots', botId);
}

import { readFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { LaerlingError } from '../errors.js';
import { openingHoursSchema } from '../handoff/opening-hours.js';
import { DEFAULT_SENSITIVE_TOPICS, sensitiveTopicSchema } from '../handoff/sensitive-topics.js';
import { langSchema, themeSchema } from '../protocol/widget-api.js';
import { demoOpeningHours } from './demo-hours.js';
import { formatZodError } from './format-zod-error.js';
import { packageRoot } from './package-root.js';

/** Days between scheduled re-crawls of a site, from the config file or the knowledge console. */
export const recrawlDaysSchema = z.number().int().min(1).max(365);

// Config objects are strict: an unknown field is almost always a typo ("retentionDay"), and
// dropping it would silently keep the default.
const sourceSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/ }),
  include: z.array(z.string()).optional(),
  exclude: z.array(z.string()).optional(),
  maxPages: z.number().int().min(1).max(100_000).optional(),
  /** Days between scheduled re-crawls; the bot re-crawls all its sources when the soonest is due. */
  recrawlDays: recrawlDaysSchema.default(7),
});

/** One bot: a client site/brand with its own sources and index. */
export const botSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lowercase letters, digits and dashes, at most 40'),
  name: z.string().trim().min(1),
  defaultLanguage: z._default(langSchema, 'nb'),
  languages: z.array(langSchema).min(1).default(['nb', 'en']),
  /** The public key in the widget's script tag (`data-bot`); defaults to the bot id. */
  widgetKey: z.string().regex(/^[A-Za-z0-9_-]{3,64}$/, 'letters, digits, _ and -, 3 to 64').optional(),
  /**
   * Origins whose pages may embed the widget (CORS). Unset: the origins of siteUrl and the
   * sources. The server's own origin (the demo page) never needs listing.
   */
  allowedOrigins: z.array(z.url({ protocol: /^https?$/ }).transform((u) => new URL(u).origin)).optional(),
  openingHours: openingHoursSchema.default(openingHoursSchema.parse({})),
  resolution: z
    .strictObject({
      goal: z.number().min(0.5).max(1).default(0.9),
      minSample: z.number().int().min(1).default(100),
      windowDays: z.number().int().min(1).max(365).default(30),
    })
    .default({ goal: 0.9, minSample: 100, windowDays: 30 }),
  greeting: z
    .strictObject({ nb: z.string().trim().min(1).max(500), en: z.string().trim().min(1).max(500) })
    .default({
      nb: 'Hei! Jeg er en chatbot i opplæring. Spør meg om hva som helst — og du kan alltid be om å snakke med et menneske.',
      en: "Hi! I'm a chatbot in training. Ask me anything — and you can always ask to talk to a person.",
    }),
  // Strict here only: the widget parses the same theme from /config and must tolerate new fields.
  theme: z._default(z.strictObject(themeSchema.shape), { color: '#0b5cad' }),
  /** Questions on these topics go straight to a person (e.g. complaints, cancellations). */
  sensitiveTopics: z.array(sensitiveTopicSchema).default([]),
  /** Markdown and Q&A files indexed with the crawled pages; relative paths are relative to the config file. */
  knowledgeDir: z.string().optional(),
  /** Base URL for knowledge/ pages whose front matter gives a path rather than a full URL. */
  siteUrl: z.url({ protocol: /^https?$/ }).default('https://example.invalid/'),
  sources: z.array(sourceSchema).default([]),
  /** Confidence below which the bot abstains and offers a person; unset means the tuned default. */
  answerThreshold: z.number().min(0).max(1).optional(),
  /** Days transcripts are kept for agents before the retention job deletes them (≥ the resolution window). */
  retentionDays: z.number().int().min(1).max(3650).default(90),
});

export const configFileSchema = z.strictObject({ bots: z.array(botSchema).min(1) }).superRefine((config, ctx) => {
  const ids = new Set<string>();
  // The widget routes find a bot by its key and the bots table keeps keys unique: a shared key
  // would crash `serve` at start, so it is refused here with both places named.
  const keys = new Map<string, number>();
  config.bots.forEach((bot, i) => {
    if (!bot.languages.includes(bot.defaultLanguage)) {
      ctx.addIssue({ code: 'custom', path: ['bots', i, 'defaultLanguage'], message: `"${bot.defaultLanguage}" is not one of the bot's languages (${bot.languages.join(', ')})` });
    }
    if (ids.has(bot.id)) {
      ctx.addIssue({ code: 'custom', path: ['bots', i, 'id'], message: `duplicate bot id "${bot.id}"` });
      return;
    }
    ids.add(bot.id);
    const key = widgetKeyOf(bot);
    const first = keys.get(key);
    if (first !== undefined) {
      const unset = bot.widgetKey === undefined ? ', which is the bot id as widgetKey is unset' : '';
      ctx.addIssue({ code: 'custom', path: ['bots', i, 'widgetKey'], message: `duplicate of bots[${first}] (widget key "${key}"${unset})` });
    }
    keys.set(key, i);
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
    theme: { color: '#0f6e5a', name: 'Fjordmobil' },
    sensitiveTopics: DEFAULT_SENSITIVE_TOPICS,
    openingHours: demoOpeningHours(new Date()),
  });
}

/** Load `<dataDir>/config.json` if present (validated; errors name the field), else the demo bot. */
export async function loadConfig(dataDir: string): Promise<ConfigFile> {
  const file = join(dataDir, 'config.json');
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { bots: [demoBot()] };
    if (code === 'ENOTDIR') throw new LaerlingError('INVALID_CONFIG', `${dataDir}: not a directory`);
    throw new LaerlingError('INVALID_CONFIG', `Cannot read ${file}: ${(err as Error).message}`);
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

/** The bot's widget key. */
export function widgetKeyOf(bot: BotConfig): string {
  return bot.widgetKey ?? bot.id;
}

/** Origins allowed to call the bot's widget API from a browser. */
export function allowedOriginsOf(bot: BotConfig): string[] {
  if (bot.allowedOrigins) return bot.allowedOrigins;
  return [...new Set([bot.siteUrl, ...bot.sources.map((s) => s.url)].map((u) => new URL(u).origin))];
}

/** Where a bot's files live under the data dir. */
export function botDir(dataDir: string, botId: string): string {
  return join(dataDir, 'bots', botId);
}

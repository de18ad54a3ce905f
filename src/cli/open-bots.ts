import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { loadConfig } from '../config/bot-config.js';
import type { RuntimeSettings } from '../config/env.js';
import { createChatModel } from '../answer/create-chat-model.js';
import type { BotRuntime, ChatDeps } from '../conversations/chat-deps.js';
import { llmHandoffNotes } from '../handoff/llm-handoff-notes.js';
import { openDatabase } from '../storage/open-database.js';
import type { Database } from '../storage/schema.js';
import { syncBots } from '../storage/sync-bots.js';
import { openAnswerer } from './open-answerer.js';

/** The database file under the data dir. */
export const databaseFile = (dataDir: string) => join(dataDir, 'laerling.db');

/** Open the database and every configured bot's answerer: what `serve` runs on (`now`: the app's clock, default the real one). */
export async function openBots(opts: { dataDir: string; settings: RuntimeSettings; log?: (line: string) => void; now?: () => Date }): Promise<{
  db: Kysely<Database>;
  bots: Map<string, BotRuntime>;
  handoffNotes?: ChatDeps['handoffNotes'];
}> {
  const config = await loadConfig(opts.dataDir);
  const bots = new Map<string, BotRuntime>();
  for (const bot of config.bots) {
    const answerer = await openAnswerer({ ...opts, botId: bot.id });
    bots.set(bot.id, {
      config: answerer.bot,
      ask: (q, opts) => answerer.ask(q, undefined, opts),
      suggest: (q) => answerer.suggest(q),
      knowledge: answerer.knowledge,
    });
  }
  const db = await openDatabase(databaseFile(opts.dataDir));
  await syncBots(db, config.bots, opts.now?.() ?? new Date());
  const model = opts.settings.llm ? createChatModel(opts.settings.llm) : undefined;
  return { db, bots, ...(model ? { handoffNotes: (turns, lang) => llmHandoffNotes(model, turns, lang) } : {}) };
}

import type { Kysely } from 'kysely';
import { type BotConfig, widgetKeyOf } from '../config/bot-config.js';
import type { Database } from './schema.js';

/** Make the bots table match the config file (config is the source of truth; rows anchor foreign keys). */
export async function syncBots(db: Kysely<Database>, bots: readonly BotConfig[], now: Date): Promise<void> {
  const at = now.toISOString();
  for (const bot of bots) {
    await db
      .insertInto('bots')
      .values({ id: bot.id, name: bot.name, widget_key: widgetKeyOf(bot), graduated: 0, created_at: at, updated_at: at })
      .onConflict((oc) => oc.column('id').doUpdateSet({ name: bot.name, widget_key: widgetKeyOf(bot), updated_at: at }))
      .execute();
  }
}

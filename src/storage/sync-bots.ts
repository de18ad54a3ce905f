import type { Kysely } from 'kysely';
import { type BotConfig, widgetKeyOf } from '../config/bot-config.js';
import type { Database } from './schema.js';

/**
 * Make the bots table match the config file (config is the source of truth; rows anchor foreign
 * keys). Rows of bots no longer configured stay for their conversations, but give up a widget key
 * a configured bot now uses: a bot renamed in the config keeps its key, so its embed codes work.
 */
export async function syncBots(db: Kysely<Database>, bots: readonly BotConfig[], now: Date): Promise<void> {
  const at = now.toISOString();
  const wanted = new Map(bots.map((bot) => [widgetKeyOf(bot), bot.id]));
  await db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom('bots').select(['id', 'widget_key']).execute();
    for (const row of rows) {
      const claimant = wanted.get(row.widget_key);
      if (claimant === undefined || claimant === row.id) continue;
      // "~" is not allowed in a configured key, so the parked key can never be asked for or collide;
      // the row's id makes it unique. A configured row gets its own key back in the upsert below.
      await trx.updateTable('bots').set({ widget_key: `~${row.id}`, updated_at: at }).where('id', '=', row.id).execute();
    }
    for (const bot of bots) {
      await trx
        .insertInto('bots')
        .values({ id: bot.id, name: bot.name, widget_key: widgetKeyOf(bot), graduated: 0, created_at: at, updated_at: at })
        .onConflict((oc) => oc.column('id').doUpdateSet({ name: bot.name, widget_key: widgetKeyOf(bot), updated_at: at }))
        .execute();
    }
  });
}

import type { Kysely } from 'kysely';

/** Whether a bot has graduated (badge off): needed for the hysteresis that brings the badge back below goal − 0.05. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('bots').addColumn('graduated', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

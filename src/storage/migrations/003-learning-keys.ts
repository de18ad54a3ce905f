import type { Kysely } from 'kysely';

/**
 * Learned phrasings from conversations wait until enough distinct conversations confirm them:
 * `key` groups near-identical questions for one page, `active` marks those that were indexed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('learned_phrasings').addColumn('key', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('learned_phrasings').addColumn('active', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createIndex('learned_phrasings_key').on('learned_phrasings').columns(['bot_id', 'url', 'key']).execute();
}

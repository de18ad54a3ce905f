import type { Kysely } from 'kysely';

/** The customer's timezone, so promises outside opening hours read in their own clock time. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('conversations').addColumn('timezone', 'text').execute();
}

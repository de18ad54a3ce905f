import type { Kysely } from 'kysely';

/**
 * A pseudonym of the network a conversation was started from, so that learning can tell visitors
 * apart by something a client cannot simply make up (its browser id, it can).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('conversations').addColumn('client_net', 'text').execute();
}

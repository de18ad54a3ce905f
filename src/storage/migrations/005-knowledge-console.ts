import { type Kysely, sql } from 'kysely';

/**
 * What the learning loop and the knowledge console keep: each conversation's settled outcome,
 * negative pairs, follow-up marks on low ratings, owner-added sources and crawl runs.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('conversations').addColumn('outcome', 'text').execute();
  await db.schema.alterTable('conversations').addColumn('outcome_at', 'text').execute();
  await db.schema.alterTable('ratings').addColumn('followed_up_at', 'text').execute();
  await db.schema.alterTable('ratings').addColumn('followed_up_by', 'integer').execute();
  await db.schema.alterTable('knowledge_suggestions').addColumn('qa_id', 'text').execute();
  await db.schema.alterTable('knowledge_suggestions').addColumn('decided_by', 'integer').execute();

  await db.schema
    .createTable('negative_pairs')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('bot_id', 'text', (c) => c.notNull().references('bots.id'))
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.references('conversations.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('negative_pairs_bot').on('negative_pairs').columns(['bot_id', 'url']).execute();

  await db.schema
    .createTable('sources')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('bot_id', 'text', (c) => c.notNull().references('bots.id'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('recrawl_days', 'integer', (c) => c.notNull().defaultTo(7))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('sources_bot_url', ['bot_id', 'url'])
    .execute();

  await db.schema
    .createTable('crawl_runs')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('bot_id', 'text', (c) => c.notNull().references('bots.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('running', 'done', 'failed')`))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('trigger', 'text', (c) => c.notNull())
    /** JSON: new, changed, removed, failed pages and the error if the run failed. */
    .addColumn('report', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
}

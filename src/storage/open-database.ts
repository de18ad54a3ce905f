import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, type Migration, type MigrationProvider, Migrator, SqliteDialect } from 'kysely';
import { LaerlingError } from '../errors.js';
import * as initial from './migrations/001-initial.js';
import * as customerTimezone from './migrations/002-customer-timezone.js';
import * as learningKeys from './migrations/003-learning-keys.js';
import * as badgeState from './migrations/004-badge-state.js';
import * as knowledgeConsole from './migrations/005-knowledge-console.js';
import * as visitorNetwork from './migrations/006-visitor-network.js';
import type { Database } from './schema.js';

/** Versioned migrations, in order. Add new ones at the end; never edit a released one. */
const MIGRATIONS: Record<string, Migration> = {
  '001-initial': initial,
  '002-customer-timezone': customerTimezone,
  '003-learning-keys': learningKeys,
  '004-badge-state': badgeState,
  '005-knowledge-console': knowledgeConsole,
  '006-visitor-network': visitorNetwork,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Open (creating if needed) the SQLite database at `file` and bring its schema up to date. */
export async function openDatabase(file: string): Promise<Kysely<Database>> {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  // synchronous stays FULL (the default): a message is on disk before we acknowledge it.
  // WAL lets readers (SSE resumes, dashboards) run while a message is being written; the busy
  // timeout makes a second process (e.g. `laerling user add` beside `serve`) wait, not fail.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    await db.destroy();
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new LaerlingError('STORAGE_FAILED', `Database migration ${failed} failed: ${(error as Error).message}`);
  }
  return db;
}

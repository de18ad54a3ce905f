import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { botSchema } from '../../src/config/bot-config.js';
import { openDatabase } from '../../src/storage/open-database.js';
import type { Database } from '../../src/storage/schema.js';
import { syncBots } from '../../src/storage/sync-bots.js';

const NOW = new Date('2026-11-27T10:00:00Z');
const bot = (id: string, widgetKey?: string) => botSchema.parse({ id, name: id.toUpperCase(), ...(widgetKey ? { widgetKey } : {}) });

let dir: string;
let db: Kysely<Database>;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'laerling-sync-'));
  db = await openDatabase(join(dir, 'laerling.db'));
});
afterEach(async () => {
  await db.destroy();
  await rm(dir, { recursive: true, force: true });
});

const rows = () => db.selectFrom('bots').select(['id', 'widget_key']).orderBy('id').execute();

describe('syncBots', () => {
  it('gives a renamed bot the widget key its old row held, so embed codes keep working', async () => {
    await syncBots(db, [bot('shop')], NOW);
    await syncBots(db, [bot('shop-no', 'shop')], NOW);
    const after = await rows();
    expect(after.find((r) => r.id === 'shop-no')?.widget_key).toBe('shop');
    // The old row stays (its conversations point at it) but no longer holds a usable key.
    expect(after.find((r) => r.id === 'shop')?.widget_key).not.toBe('shop');
  });

  it('lets two configured bots swap widget keys', async () => {
    await syncBots(db, [bot('a', 'key-a'), bot('b', 'key-b')], NOW);
    await syncBots(db, [bot('a', 'key-b'), bot('b', 'key-a')], NOW);
    expect(await rows()).toEqual([
      { id: 'a', widget_key: 'key-b' },
      { id: 'b', widget_key: 'key-a' },
    ]);
  });
});

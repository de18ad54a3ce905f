import { describe, expect, it } from 'vitest';
import { botSources, dueForRecrawl } from '../../src/knowledge/crawl-runs.js';
import { chatApp } from '../fixtures/chat-app.js';

const DAY = 86_400_000;

describe('scheduled re-crawls', () => {
  it("uses a config-file source's own recrawlDays", async () => {
    const t = await chatApp({ bot: { sources: [{ url: 'http://127.0.0.1:9/', recrawlDays: 2 }] } });
    const deps = { db: t.db, bots: t.bots };
    expect(await botSources(t.db, t.bots.get('test')!.config)).toEqual([{ id: null, url: 'http://127.0.0.1:9/', recrawlDays: 2, fromConfig: true }]);
    const built = Date.parse(t.bots.get('test')!.knowledge.extra.builtAt);
    expect(await dueForRecrawl(deps, new Date(built + 1 * DAY))).toEqual([]);
    expect(await dueForRecrawl(deps, new Date(built + 2 * DAY))).toEqual(['test']);
  });

  it('is due when the soonest-due source is, config-file or added', async () => {
    const t = await chatApp({ bot: { sources: [{ url: 'http://127.0.0.1:9/', recrawlDays: 30 }] } });
    const deps = { db: t.db, bots: t.bots };
    const built = Date.parse(t.bots.get('test')!.knowledge.extra.builtAt);
    expect(await dueForRecrawl(deps, new Date(built + 8 * DAY))).toEqual([]);
    await t.db.insertInto('sources').values({ bot_id: 'test', url: 'http://127.0.0.1:10/', recrawl_days: 3, created_at: t.clock.now.toISOString() }).execute();
    expect(await dueForRecrawl(deps, new Date(built + 2 * DAY))).toEqual([]);
    expect(await dueForRecrawl(deps, new Date(built + 3 * DAY))).toEqual(['test']);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { loadConfig, selectBot } from '../../src/config/bot-config.js';
import { BotKnowledge } from '../../src/knowledge/bot-knowledge.js';
import { OfflineEmbeddings } from '../../src/retrieval/offline-embeddings.js';
import { dueForRecrawl, failInterruptedCrawls } from '../../src/knowledge/crawl-runs.js';
import { JOB_INTERVALS, runJobs, startJobs } from '../../src/learning/background-jobs.js';
import { agentClient, chatApp, widgetClient } from '../fixtures/chat-app.js';

const DAY = 86_400_000;

describe('background jobs', () => {
  it('re-crawls a bot whose sites are due (weekly by default) and records the scheduled run', async () => {
    const t = await chatApp();
    const deps = { db: t.db, bots: t.bots, hub: t.hub, now: () => t.clock.now };
    expect(await dueForRecrawl(deps, t.clock.now)).toEqual([]);
    await t.db.insertInto('sources').values({ bot_id: 'test', url: 'http://127.0.0.1:9/', recrawl_days: 7, created_at: t.clock.now.toISOString() }).execute();
    const built = Date.parse(t.bots.get('test')!.knowledge.extra.builtAt);
    expect(await dueForRecrawl(deps, new Date(built + 6 * DAY))).toEqual([]);
    t.clock.now = new Date(built + 7 * DAY + 1);
    expect(await dueForRecrawl(deps, t.clock.now)).toEqual(['test']);

    const log: string[] = [];
    await runJobs(deps, { allowPrivateNetwork: false }, { hourly: true }, (l) => log.push(l));
    const run = await t.db.selectFrom('crawl_runs').selectAll().executeTakeFirstOrThrow();
    expect(run).toMatchObject({ trigger: 'schedule', status: 'done' });
    expect(JSON.parse(run.report).failed[0].code).toBe('PRIVATE_NETWORK');
    expect(log).toContain('Scheduled re-crawl of bot "test".');
    // Just crawled: not due again.
    expect(await dueForRecrawl(deps, t.clock.now)).toEqual([]);
  });

  it('lets an owner edit a pending suggestion, then reject it; decided ones cannot change', async () => {
    const t = await chatApp();
    await t.db.insertInto('knowledge_suggestions').values({ bot_id: 'test', conversation_id: null, question: 'q?', answer: 'a.', status: 'pending', created_by: null, created_at: t.clock.now.toISOString(), decided_at: null, qa_id: null, decided_by: null }).execute();
    const owner = await agentClient(t, 'owner@test.example', 'owner');
    const [s] = (await owner.call('GET', '/api/knowledge/bots/test/suggestions')).body.suggestions;
    expect((await owner.call('PUT', `/api/knowledge/bots/test/suggestions/${s.id}`, { question: 'Bedre spørsmål?' })).status).toBe(200);
    expect((await owner.call('POST', `/api/knowledge/bots/test/suggestions/${s.id}/reject`)).status).toBe(200);
    const after = (await owner.call('GET', '/api/knowledge/bots/test/suggestions')).body.suggestions[0];
    expect(after).toMatchObject({ question: 'Bedre spørsmål?', status: 'rejected' });
    expect((await owner.call('PUT', `/api/knowledge/bots/test/suggestions/${s.id}`, { question: 'x' })).status).toBe(409);
    expect((await owner.call('POST', `/api/knowledge/bots/test/suggestions/${s.id}/approve`, {})).status).toBe(409);
  });

  it('picks up, every minute, phrasings that `laerling learn` added in another process', async () => {
    const t = await chatApp();
    const deps = { db: t.db, bots: t.bots, hub: t.hub, now: () => t.clock.now };
    const served = () => t.bots.get('test')!.knowledge.index.learnedPhrasings().map((l) => l.question);
    const cli = await BotKnowledge.open(selectBot(await loadConfig(t.dataDir)), t.dataDir, new OfflineEmbeddings());
    await cli.learn([{ question: 'mobilen ber om en åttesifret kode', url: 'https://test.example/mobil/puk' }], { save: true });
    expect(served()).toEqual([]);
    await runJobs(deps, { allowPrivateNetwork: false }, { hourly: false }, () => undefined);
    expect(served()).toEqual(['mobilen ber om en åttesifret kode']);
  });

  it('runs the hourly jobs once soon after start, so a server restarted often still purges', async () => {
    const t = await chatApp({ bot: { retentionDays: 90 } });
    const w = widgetClient(t);
    await w.start();
    await w.send('hei', 'x');
    t.clock.now = new Date(t.clock.now.getTime() + 91 * DAY);
    const deps = { db: t.db, bots: t.bots, hub: t.hub, now: () => t.clock.now };
    const conversations = async () => (await t.db.selectFrom('conversations').select('id').execute()).length;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    let stop = () => {};
    try {
      const purged = new Promise<string>((resolve) => {
        stop = startJobs(deps, { allowPrivateNetwork: false }, (line) => line.startsWith('Retention:') && resolve(line));
      });
      await vi.advanceTimersByTimeAsync(JOB_INTERVALS.firstRunMs - 1);
      expect(await conversations()).toBe(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(await purged).toMatch(/deleted 1 conversation/);
      expect(await conversations()).toBe(0);
      expect(JOB_INTERVALS.firstRunMs).toBeLessThan(JOB_INTERVALS.outcomesMs);
    } finally {
      stop();
      vi.useRealTimers();
    }
  });

  it('marks crawl runs a restart cut off as failed', async () => {
    const t = await chatApp();
    await t.db.insertInto('crawl_runs').values({ bot_id: 'test', status: 'running', started_at: t.clock.now.toISOString(), finished_at: null, trigger: 'user:1', report: '{}' }).execute();
    expect(await failInterruptedCrawls({ db: t.db, now: () => t.clock.now })).toBe(1);
    const run = await t.db.selectFrom('crawl_runs').selectAll().executeTakeFirstOrThrow();
    expect(run.status).toBe('failed');
    expect(JSON.parse(run.report).error).toMatch(/restart/);
  });
});

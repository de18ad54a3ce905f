import { describe, expect, it } from 'vitest';
import { phrasingKey } from '../../src/learning/learn-from-conversations.js';
import { listLearnedItems } from '../../src/learning/learned-items.js';
import { readLearned } from '../../src/knowledge/learned-store.js';
import { chatApp, widgetClient, type ChatApp } from '../fixtures/chat-app.js';
import { join } from 'node:path';

describe('learning from confirmed answers', () => {
  it('keys near-identical questions together', () => {
    expect(phrasingKey('Hvor finner jeg PUK-koden?')).toBe(phrasingKey('puk koden, hvor finner jeg den'));
    expect(phrasingKey('Hvor finner jeg PUK-koden?')).not.toBe(phrasingKey('Hvor finner jeg fakturaen?'));
  });

  it('indexes a phrasing only after two distinct conversations confirm it, with personal data redacted', async () => {
    const t = await chatApp();
    const question = 'Hvor finner jeg PUK-koden til mobilen min? Ring 912 34 567';
    const confirm = async () => {
      const w = widgetClient(t);
      await w.start();
      const res = await w.send(question, 'q');
      const reply = res.body.reply;
      if (reply.outcome !== 'answer' || reply.sources[0].url !== 'https://test.example/mobil/puk') return null;
      expect((await w.call('POST', '/feedback', { seq: reply.seq, helpful: true })).status).toBe(200);
      return w;
    };
    const first = await confirm();
    expect(first).not.toBeNull();
    // The same visitor confirming twice is still one conversation.
    const again = await first!.call('GET', '/messages');
    const seq = again.body.messages.find((m: { role: string }) => m.role === 'bot').seq;
    await first!.call('POST', '/feedback', { seq, helpful: true });
    let rows = await t.db.selectFrom('learned_phrasings').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ active: 0, url: 'https://test.example/mobil/puk', question: 'Hvor finner jeg PUK-koden til mobilen min? Ring [telefon]' });
    expect(await readLearned(join(t.dataDir, 'bots', 'test'))).toEqual([]);

    await confirm();
    rows = await t.db.selectFrom('learned_phrasings').selectAll().execute();
    expect(rows.map((r) => r.active)).toEqual([1, 1]);
    const learned = await readLearned(join(t.dataDir, 'bots', 'test'));
    expect(learned.map((l) => l.question)).toEqual(['Hvor finner jeg PUK-koden til mobilen min? Ring [telefon]']);
  });

  it('ignores confirmations of abstentions', async () => {
    const t = await chatApp();
    const w = widgetClient(t);
    await w.start();
    const res = await w.send('hvordan dyrker jeg tomater', 'x');
    expect(res.body.reply.outcome).toBe('abstain');
    await w.call('POST', '/feedback', { seq: res.body.reply.seq, helpful: true });
    expect(await t.db.selectFrom('learned_phrasings').selectAll().execute()).toEqual([]);
  });

  it('records "did not help" as a negative pair that lowers the page for similar questions once two conversations agree', async () => {
    const t = await chatApp();
    const index = () => t.bots.get('test')!.knowledge.index;
    const question = 'Hvor finner jeg PUK-koden?';
    const before = (await index().search(question))[0]!;
    const reject = async () => {
      const w = widgetClient(t);
      await w.start();
      const reply = (await w.send(question, 'q')).body.reply;
      expect(reply.outcome).toBe('answer');
      expect((await w.call('POST', '/feedback', { seq: reply.seq, helpful: false })).status).toBe(200);
      return reply.sources[0].url as string;
    };
    const url = await reject();
    expect(url).toBe(before.url);
    expect(await readLearned(join(t.dataDir, 'bots', 'test'), 'negative')).toEqual([]);
    expect((await index().search(question))[0]!.score).toBe(before.score);

    await reject();
    expect((await readLearned(join(t.dataDir, 'bots', 'test'), 'negative')).map((n) => n.url)).toEqual([url]);
    const after = await index().search('hvor finner jeg puk koden');
    const demoted = after.find((p) => p.url === url);
    expect(demoted === undefined || demoted.score < before.score * 0.7).toBe(true);
    expect(await t.db.selectFrom('negative_pairs').select('url').execute()).toHaveLength(2);
  });

  it('takes a visitor who changes their mind at their latest word', async () => {
    const visit = async (t: ChatApp, verdicts: boolean[]) => {
      const w = widgetClient(t);
      await w.start();
      const reply = (await w.send('Hvor finner jeg PUK-koden?', 'q')).body.reply;
      for (const helpful of verdicts) expect((await w.call('POST', '/feedback', { seq: reply.seq, helpful })).status).toBe(200);
    };
    // "Yes" then "no" withdraws the confirmation: a second visitor's "yes" is still the only one.
    const t = await chatApp();
    await visit(t, [true, false]);
    await visit(t, [true]);
    expect(await readLearned(join(t.dataDir, 'bots', 'test'))).toEqual([]);
    expect((await t.db.selectFrom('learned_phrasings').select('active').execute()).map((r) => r.active)).toEqual([0]);
    // "No" then "yes" withdraws the rejection: another visitor's "no" does not demote the page.
    const u = await chatApp();
    await visit(u, [false, true]);
    await visit(u, [false]);
    expect(await readLearned(join(u.dataDir, 'bots', 'test'), 'negative')).toEqual([]);
    expect(await u.db.selectFrom('negative_pairs').select('conversation_id').execute()).toHaveLength(1);
  });

  it('counts one browser opening two chats as one visitor', async () => {
    const t = await chatApp();
    const confirm = async (browserId: string) => {
      const w = widgetClient(t);
      await w.start({ pageUrl: 'https://test.example/mobil', lang: 'nb', browserId });
      const reply = (await w.send('Hvor finner jeg PUK-koden?', 'q')).body.reply;
      await w.call('POST', '/feedback', { seq: reply.seq, helpful: true });
    };
    await confirm('browser-aaaaaaaaaaaa');
    await confirm('browser-aaaaaaaaaaaa');
    expect((await t.db.selectFrom('learned_phrasings').select('active').execute()).map((r) => r.active)).toEqual([0, 0]);
    await confirm('browser-bbbbbbbbbbbb');
    expect((await t.db.selectFrom('learned_phrasings').select('active').execute()).map((r) => r.active)).toEqual([1, 1, 1]);
  });

  it('counts conversations from one network as one visitor, whatever browser ids they send', async () => {
    // The review's attack: one client, no browser id or made-up ones, several conversations.
    const verdicts = async (t: ChatApp, address: string, helpful: boolean, browserId?: string) => {
      const w = widgetClient(t, { 'x-forwarded-for': address });
      await w.start({ pageUrl: 'https://test.example/mobil', lang: 'nb', ...(browserId ? { browserId } : {}) });
      const reply = (await w.send('Hvor finner jeg PUK-koden?', 'q')).body.reply;
      expect(reply.outcome).toBe('answer');
      await w.call('POST', '/feedback', { seq: reply.seq, helpful });
    };
    const active = async (t: ChatApp) => (await t.db.selectFrom('learned_phrasings').select('active').execute()).map((r) => r.active);
    const t = await chatApp({ trustProxy: 1 });
    await verdicts(t, '203.0.113.7', true);
    await verdicts(t, '203.0.113.7', true, 'made-up-id-000001');
    expect(await active(t)).toEqual([0, 0]);
    // The owner's list says so too: one confirmation, waiting for a second.
    expect((await listLearnedItems(t, 'test')).waiting.map((w) => w.confirmations)).toEqual([1]);
    for (const id of ['made-up-id-000002', 'made-up-id-000003', undefined]) await verdicts(t, '198.51.100.1', false, id);
    expect(await readLearned(join(t.dataDir, 'bots', 'test'), 'negative')).toEqual([]);
    await verdicts(t, '198.51.100.2', true, 'another-browser-01');
    expect(await active(t)).toEqual([1, 1, 1]);

    // Addresses in one IPv6 /64 are one household; another /64 is another visitor.
    const u = await chatApp({ trustProxy: 1 });
    await verdicts(u, '2001:db8:0:1::5', true);
    await verdicts(u, '2001:db8:0:1:ffff::9', true);
    expect(await active(u)).toEqual([0, 0]);
    await verdicts(u, '2001:db8:0:2::5', true);
    expect(await active(u)).toEqual([1, 1, 1]);
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendLearned, readLearned } from '../../src/knowledge/learned-store.js';
import { settleOutcomes } from '../../src/learning/settle-outcomes.js';
import { DEFAULT_RETENTION_DAYS, purgeExpiredConversations } from '../../src/privacy/retention.js';
import { agentClient, chatApp, widgetClient, type ChatApp } from '../fixtures/chat-app.js';

const MINUTE = 60_000;

async function confirmedPuk(t: ChatApp, text = 'Hvor finner jeg PUK-koden?') {
  const w = widgetClient(t);
  await w.start();
  const reply = (await w.send(text, 'q')).body.reply;
  expect(reply.outcome).toBe('answer');
  await w.call('POST', '/feedback', { seq: reply.seq, helpful: true });
  return w;
}

describe('erasing a customer', () => {
  it('erases by conversation token through the admin API: rows, learned phrasings and index entries', async () => {
    const t = await chatApp();
    await confirmedPuk(t);
    const second = await confirmedPuk(t, 'hvor finner jeg puk koden min');
    const dir = join(t.dataDir, 'bots', 'test');
    // Two similar confirmations: both wordings are kept (the index holds one of near-duplicates).
    expect((await readLearned(dir)).map((l) => l.question).sort()).toEqual(['Hvor finner jeg PUK-koden?', 'hvor finner jeg puk koden min']);

    const owner = await agentClient(t, 'owner@test.example', 'owner');
    expect((await owner.call('POST', '/api/admin/erase', { token: second.token })).status).toBe(403);
    const admin = await agentClient(t, 'admin@test.example', 'admin');
    expect((await admin.call('POST', '/api/admin/erase', { nope: 1 })).status).toBe(422);
    const res = await admin.call('POST', '/api/admin/erase', { token: second.token });
    expect(res.body).toMatchObject({ conversations: 1, learned: 1 });
    expect((await readLearned(dir)).map((l) => l.question)).toEqual(['Hvor finner jeg PUK-koden?']);
    expect(t.bots.get('test')!.knowledge.index.learnedPhrasings().map((l) => l.question)).toEqual(['Hvor finner jeg PUK-koden?']);
    expect(await t.db.selectFrom('conversations').select('id').execute()).toHaveLength(1);
    expect(await t.db.selectFrom('learned_phrasings').select('id').execute()).toHaveLength(1);
    expect((await second.call('GET', '/messages')).status).toBe(404);
    const audit = await t.db.selectFrom('audit_events').select(['action', 'details']).where('action', '=', 'customer.erase').executeTakeFirstOrThrow();
    expect(audit.details).not.toContain(second.token);
  });

  it('erases by e-mail: the contact address or the address typed in a message', async () => {
    const t = await chatApp();
    const a = widgetClient(t);
    await a.start();
    await a.send('Hei, jeg heter Kari, kari.nordmann@example.com, hvor er fakturaen?', 'm');
    const b = widgetClient(t);
    await b.start();
    await b.send('noe helt annet', 'm');
    const admin = await agentClient(t, 'admin@test.example', 'admin');
    const res = await admin.call('POST', '/api/admin/erase', { email: 'Kari.Nordmann@example.com' });
    expect(res.body.conversations).toBe(1);
    expect((await a.call('GET', '/messages')).status).toBe(404);
    expect((await b.call('GET', '/messages')).status).toBe(200);
    // Or only in the comment of a rating.
    await b.call('POST', '/rating', { score: 1, comment: 'Send svar til ola@example.com' });
    expect((await admin.call('POST', '/api/admin/erase', { email: 'ola@example.com' })).body.conversations).toBe(1);
    expect(await t.db.selectFrom('ratings').selectAll().execute()).toEqual([]);
  });

  it('erases by e-mail only where the whole address appears, not inside a longer one', async () => {
    const t = await chatApp();
    const say = async (text: string) => {
      const w = widgetClient(t);
      await w.start();
      await w.send(text, 'm');
      return w;
    };
    const longerLocal = await say('min e-post er kari.ola@nordmann.no, hvor er fakturaen?');
    const longerDomain = await say('jeg er ola@nordmann.no.com og lurer på roaming');
    const owner = await say('Skriv til OLA@nordmann.no. Takk!');
    const underscore = await say('svar til ola_n@nordmann.no');
    const admin = await agentClient(t, 'admin@test.example', 'admin');
    expect((await admin.call('POST', '/api/admin/erase', { email: 'ola@nordmann.no' })).body.conversations).toBe(1);
    expect((await owner.call('GET', '/messages')).status).toBe(404);
    expect((await longerLocal.call('GET', '/messages')).status).toBe(200);
    expect((await longerDomain.call('GET', '/messages')).status).toBe(200);
    // "_" is a LIKE wildcard: escaped, it must still find the literal address.
    expect((await admin.call('POST', '/api/admin/erase', { email: 'ola_n@nordmann.no' })).body.conversations).toBe(1);
    expect((await underscore.call('GET', '/messages')).status).toBe(404);
  });
});

describe('erasing what was learned without a conversation', () => {
  it('removes stored phrasings that name the address, as `laerling learn` kept them before redacting', async () => {
    const t = await chatApp();
    const dir = join(t.dataDir, 'bots', 'test');
    const url = 'https://test.example/mobil/puk';
    const learnedAt = t.clock.now.toISOString();
    // Written straight to the files: learning redacts now, but older files can still hold addresses.
    await appendLearned(dir, [
      { question: 'jeg heter ola@nordmann.no, hvor er PUK', url, learnedAt },
      { question: 'kari.ola@nordmann.no spør om PUK', url, learnedAt },
    ]);
    await appendLearned(dir, [{ question: 'OLA@nordmann.no fant ikke PUK', url, learnedAt }], 'negative');
    const admin = await agentClient(t, 'admin@test.example', 'admin');
    const res = await admin.call('POST', '/api/admin/erase', { email: 'ola@nordmann.no' });
    expect(res.body).toMatchObject({ conversations: 0, learned: 1, negative: 1 });
    expect((await readLearned(dir)).map((l) => l.question)).toEqual(['kari.ola@nordmann.no spør om PUK']);
    expect(await readLearned(dir, 'negative')).toEqual([]);
  });
});

describe('retention and outcomes jobs', () => {
  it('deletes transcripts past the retention period and keeps newer ones', async () => {
    const t = await chatApp({ bot: { retentionDays: 90 } });
    const start = t.clock.now;
    const old = widgetClient(t);
    await old.start();
    await old.send('hei', 'x');
    t.clock.now = new Date(start.getTime() + 2 * 86_400_000);
    const recent = widgetClient(t);
    await recent.start();
    await recent.send('hei', 'x');
    t.clock.now = new Date(start.getTime() + 91 * 86_400_000);
    const deps = { db: t.db, bots: t.bots, now: () => t.clock.now };
    expect(await purgeExpiredConversations(deps)).toBe(1);
    expect((await old.call('GET', '/messages')).status).toBe(404);
    expect((await recent.call('GET', '/messages')).status).toBe(200);
  });

  it('deletes the transcripts of a bot no longer configured after the default period', async () => {
    const t = await chatApp({ bot: { retentionDays: 400 } });
    const start = t.clock.now;
    const w = widgetClient(t);
    await w.start();
    await w.send('hei', 'x');
    // The config no longer has the bot: its 400 days went with it, the default applies.
    const removed = { db: t.db, bots: new Map(), now: () => t.clock.now };
    t.clock.now = new Date(start.getTime() + (DEFAULT_RETENTION_DAYS - 1) * 86_400_000);
    expect(await purgeExpiredConversations(removed)).toBe(0);
    t.clock.now = new Date(start.getTime() + (DEFAULT_RETENTION_DAYS + 1) * 86_400_000);
    expect(await purgeExpiredConversations({ ...removed, bots: t.bots })).toBe(0);
    expect(await purgeExpiredConversations(removed)).toBe(1);
    expect((await w.call('GET', '/messages')).status).toBe(404);
    const audit = await t.db.selectFrom('audit_events').select(['target']).where('action', '=', 'conversations.purge').executeTakeFirstOrThrow();
    expect(audit.target).toBe('test');
  });

  it('marks an answered conversation as an assumed resolution after 30 minutes of silence', async () => {
    const t = await chatApp();
    const w = widgetClient(t);
    await w.start();
    expect((await w.send('Hvor finner jeg PUK-koden?', 'q')).body.reply.outcome).toBe('answer');
    const deps = { db: t.db, bots: t.bots, now: () => t.clock.now };
    const outcome = async () => (await t.db.selectFrom('conversations').select('outcome').executeTakeFirstOrThrow()).outcome;
    const start = t.clock.now;
    t.clock.now = new Date(start.getTime() + 29 * MINUTE);
    expect(await settleOutcomes(deps)).toBe(0);
    expect(await outcome()).toBeNull();
    t.clock.now = new Date(start.getTime() + 30 * MINUTE);
    expect(await settleOutcomes(deps)).toBe(1);
    expect(await outcome()).toBe('assumed');
    // A later rating of 8 turns it into a confirmed resolution.
    await w.call('POST', '/rating', { score: 8 });
    expect(await settleOutcomes(deps)).toBe(1);
    expect(await outcome()).toBe('confirmed');
  });
});

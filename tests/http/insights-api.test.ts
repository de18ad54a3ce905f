import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { quietIo } from '../../evals/lib/quiet-io.js';
import { agentClient, chatApp, widgetClient, type ChatApp } from '../fixtures/chat-app.js';

/** A conversation with one question; `helpful` gives feedback on the answer. */
async function conversation(t: ChatApp, question: string, helpful?: boolean) {
  const w = widgetClient(t);
  await w.start();
  const reply = (await w.send(question, 'q')).body.reply;
  if (helpful !== undefined) await w.call('POST', '/feedback', { seq: reply.seq, helpful });
  return { w, reply };
}

describe('insights for content owners', () => {
  it('groups abstained and handed-off questions into gaps', async () => {
    const t = await chatApp();
    await conversation(t, 'Kan jeg ta med hunden i butikken?');
    await conversation(t, 'Er hunder lov i butikken deres?');
    await conversation(t, 'Selger dere gavekort?');
    const owner = await agentClient(t, 'owner@test.example', 'owner');
    const gaps = (await owner.call('GET', '/api/knowledge/bots/test/gaps')).body;
    expect(gaps.questions).toBe(3);
    expect(gaps.groups[0]).toMatchObject({ count: 2, handedOff: 0 });
    expect(gaps.groups[0].examples).toHaveLength(2);

    // Groups are reused until the gaps change: a new one shows at once.
    await conversation(t, 'Kan hunden være med inn i butikken?');
    const again = (await owner.call('GET', '/api/knowledge/bots/test/gaps')).body;
    expect(again.questions).toBe(4);
    expect(again.groups[0]).toMatchObject({ count: 3 });
  });

  it('marks a gap the owner has filled since as answered now, below the open ones', async () => {
    const t = await chatApp();
    for (const q of ['Selger dere gavekort?', 'Kan jeg kjøpe gavekort hos dere?']) await conversation(t, q);
    await conversation(t, 'Kan jeg ta med hunden i butikken?');
    const owner = await agentClient(t, 'owner@test.example', 'owner');
    const before = (await owner.call('GET', '/api/knowledge/bots/test/gaps')).body;
    expect(before.groups.map((g: { count: number; answeredNow: unknown }) => [g.count, g.answeredNow])).toEqual([[2, null], [1, null]]);

    const qa = await owner.call('POST', '/api/knowledge/bots/test/qa', { question: 'Selger dere gavekort?', alternatives: ['Kan jeg kjøpe gavekort?'], answer: 'Ja, gavekort fra 100 kr i alle butikkene.' });
    expect(qa.status).toBe(201);
    const after = (await owner.call('GET', '/api/knowledge/bots/test/gaps')).body;
    // The larger group is filled now, so the open one comes first.
    expect(after.groups.map((g: { label: string }) => g.label)).toEqual([before.groups[1].label, before.groups[0].label]);
    expect(after.groups[0].answeredNow).toBeNull();
    expect(after.groups[1].answeredNow).toMatchObject({ title: 'Selger dere gavekort?' });
    expect(after.groups[1].answeredNow.confidence).toBeGreaterThan(0.5);
  });

  it("shows the page the bot found closest for an open gap; the owner's \"this page answers it\" fills the gap", async () => {
    const t = await chatApp();
    const questions = ['What does it cost to use the phone on a cruise ship?', 'price for mobile use on a cruise ship?'];
    for (const q of questions) expect((await conversation(t, q)).reply.outcome).toBe('abstain');
    const owner = await agentClient(t, 'owner@test.example', 'owner');
    const before = (await owner.call('GET', '/api/knowledge/bots/test/gaps')).body;
    expect(before.groups).toHaveLength(1);
    expect(before.groups[0].answeredNow).toBeNull();
    expect(before.groups[0].closest).toMatchObject({ url: 'https://test.example/mobil/roaming', title: 'Roaming i utlandet' });

    for (const question of before.groups[0].examples) expect((await owner.call('POST', '/api/knowledge/bots/test/learned', { question, url: before.groups[0].closest.url })).status).toBe(201);
    const after = (await owner.call('GET', '/api/knowledge/bots/test/gaps')).body;
    expect(after.groups[0]).toMatchObject({ closest: null, answeredNow: { url: 'https://test.example/mobil/roaming' } });
  });

  it('counts a gap as handed off when the customer went on to ask for a person', async () => {
    const t = await chatApp();
    const { w, reply } = await conversation(t, 'Selger dere gavekort?');
    expect(reply.outcome).toBe('abstain');
    await w.send('Jeg vil snakke med et menneske', 'p');
    await conversation(t, 'Kan jeg kjøpe gavekort hos dere?');
    const owner = await agentClient(t, 'owner@test.example', 'owner');
    const gaps = (await owner.call('GET', '/api/knowledge/bots/test/gaps')).body;
    // The request for a person is not a gap itself.
    expect(gaps.questions).toBe(2);
    expect(gaps.groups).toHaveLength(1);
    expect(gaps.groups[0]).toMatchObject({ count: 2, handedOff: 1 });
  });

  it('says in the playground when the bot would hand the question to a person instead of answering', async () => {
    const t = await chatApp({ bot: { sensitiveTopics: [{ name: 'complaints', keywords: ['klage'] }] } });
    const owner = await agentClient(t, 'owner@test.example', 'owner');
    const ask = async (question: string) => (await owner.call('POST', '/api/knowledge/bots/test/playground', { question })).body;
    expect((await ask('jeg vil klage på fakturaen')).handoff).toEqual({ reason: 'sensitive-topic', detail: 'complaints' });
    expect((await ask('hvor finner jeg puk koden')).handoff).toBeNull();
  });

  it('shows the same resolution numbers in the dashboard, the badge API and `laerling stats`, plus CSAT, low ratings and topics', async () => {
    // Two hours ago, so every conversation is decided now for the CLI, which uses the real clock.
    const t = await chatApp({ now: new Date(Date.now() - 2 * 3_600_000), bot: { resolution: { goal: 0.9, minSample: 2, windowDays: 30 } } });
    await conversation(t, 'Hvor finner jeg PUK-koden?', true);
    await conversation(t, 'Hva koster roaming utenfor EU?', true);
    const unhappy = await conversation(t, 'Når forfaller fakturaen? Ring meg på 912 34 567', false);
    await unhappy.w.call('POST', '/rating', { score: 3, comment: 'Fikk ikke svar' });
    t.clock.now = new Date();

    const owner = await agentClient(t, 'owner@test.example', 'owner');
    const metrics = (await owner.call('GET', '/api/knowledge/bots/test/metrics')).body;
    expect(metrics.resolution).toMatchObject({ confirmed: 2, assumed: 0, notResolved: 1, sample: 3 });
    expect(metrics.daily.reduce((s: number, d: { conversations: number }) => s + d.conversations, 0)).toBe(3);
    expect(metrics.csat).toMatchObject({ count: 1, mean: 3 });
    expect(metrics.csat.distribution[3]).toBe(1);
    expect(metrics.topics.map((x: { url: string }) => x.url)).toContain('https://test.example/mobil/puk');
    expect(metrics.lowRatings[0]).toMatchObject({ score: 3, comment: 'Fikk ikke svar', followedUpAt: null });
    expect(metrics.lowRatings[0].transcript[0]).toMatchObject({ role: 'customer', text: 'Når forfaller fakturaen? Ring meg på [telefon]' });

    const badge = (await widgetClient(t).call('GET', '/badge')).body;
    expect(badge.rate).toBe(metrics.resolution.rate);
    const io = quietIo();
    expect(await main(['stats', '--json', '--data-dir', t.dataDir], io)).toBe(0);
    const stats = JSON.parse(io.out.join(''));
    expect(stats[0].resolution).toEqual(metrics.resolution);
    expect(stats[0].badge.rate).toBe(badge.rate);

    const id = metrics.lowRatings[0].conversationId;
    expect((await owner.call('POST', `/api/knowledge/bots/test/ratings/${id}/followed-up`)).status).toBe(200);
    expect((await owner.call('GET', '/api/knowledge/bots/test/metrics')).body.lowRatings[0].followedUpAt).not.toBeNull();
  });
});

import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readEnv } from '../../src/config/env.js';
import { FAKE_BASE_URL, fakeChatCompletions, type ChatRequestBody } from '../answer/fake-openai-chat.js';
import { chatApp, readEvents, widgetClient } from '../fixtures/chat-app.js';

// Only the model's HTTP API is faked; the app, store and stream are real.
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const settings = readEnv({ LAERLING_LLM_MODEL: 'test-model', LAERLING_LLM_BASE_URL: FAKE_BASE_URL, LAERLING_LLM_API_KEY: 'k' });

describe('widget with an LLM configured', () => {
  it('streams the reply as delta events, then stores the final message', async () => {
    let release!: () => void;
    const gate = new Promise((r) => (release = () => r(undefined)));
    server.use(fakeChatCompletions(() => ({ tokens: ['Du finner PUK-koden', ' på Min side [1].'], afterFirst: gate })));
    const t = await chatApp({ settings });
    const w = widgetClient(t);
    await w.start();
    const stream = await t.app.request('/api/widget/test/events', { headers: { authorization: `Bearer ${w.token}` } });
    const events = readEvents(stream, (ev) => ev.some((e) => e.event === 'message' && (e.data as { role: string }).role === 'bot'));
    await new Promise((r) => setTimeout(r, 30));
    const sent = w.send('Hvor finner jeg PUK-koden?', 'llm1');
    await new Promise((r) => setTimeout(r, 100));
    release();
    const res = await sent;
    expect(res.body.reply).toMatchObject({ outcome: 'answer', clientId: 'llm1' });
    const got = await events;
    const deltas = got.filter((e) => e.event === 'delta');
    expect(deltas[0]!.data).toEqual({ clientId: 'llm1', text: 'Du finner PUK-koden' });
    const order = got.map((e) => e.event);
    expect(order.indexOf('delta')).toBeLessThan(order.lastIndexOf('message'));
  });

  it('replaces a streamed draft that turns into the system prompt with an abstention', async () => {
    server.use(
      fakeChatCompletions((body) => {
        const words = body.messages[0]?.content.split(/\s+/) ?? [];
        return { tokens: ['Du finner PUK-koden på Min side [1]. ', ...words.map((w, i) => ((i + 1) % 6 === 0 ? `${w} [1] ` : `${w} `))] };
      }),
    );
    const t = await chatApp({ settings });
    const w = widgetClient(t);
    await w.start();
    const stream = await t.app.request('/api/widget/test/events', { headers: { authorization: `Bearer ${w.token}` } });
    const events = readEvents(stream, (ev) => ev.some((e) => e.event === 'message' && (e.data as { role: string }).role === 'bot'));
    await new Promise((r) => setTimeout(r, 30));
    const res = await w.send('Hvor finner jeg PUK-koden?', 'echo1');
    expect(res.body.reply).toMatchObject({ outcome: 'abstain', clientId: 'echo1' });
    expect(res.body.reply.text).not.toMatch(/passages|Rules/i);
    const got = await events;
    const drafts = got.filter((e) => e.event === 'delta').map((e) => (e.data as { text: string }).text);
    expect(drafts.at(-1)).toMatch(/^Du finner PUK-koden på Min side \[1\]\./);
    expect(drafts.at(-1)!.length).toBeLessThan(90);
    const reply = got.find((e) => e.event === 'message' && (e.data as { role: string }).role === 'bot');
    expect(reply?.data).toMatchObject({ clientId: 'echo1', outcome: 'abstain', text: res.body.reply.text });
  });

  it('hands off at once with the offline notes, then lets the model’s summary and mood replace them', async () => {
    let release!: () => void;
    const held = new Promise((r) => (release = () => r(undefined)));
    const requests: ChatRequestBody[] = [];
    server.use(
      fakeChatCompletions((body) => {
        const system = JSON.stringify(body.messages[0]);
        if (system.includes('take over a chat')) return { tokens: ['{"summary": "Kunden er sint fordi PUK-koden mangler.",', ' "mood": "frustrated"}'], afterFirst: held };
        return { tokens: ['Du finner PUK-koden på Min side [1].'] };
      }, requests),
    );
    const t = await chatApp({ settings });
    const queue: unknown[] = [];
    t.hub.subscribe('queue:test', (e) => queue.push(e.data));
    const w = widgetClient(t);
    await w.start();
    await w.send('Hvor finner jeg PUK-koden?', 'a');
    // The model is still writing its notes: the customer is queued all the same.
    const res = await w.call('POST', '/handoff', {});
    expect(res.body.state.status).toBe('queued');
    const notes = () => t.db.selectFrom('handoffs').select(['summary', 'mood']).executeTakeFirstOrThrow();
    expect(await notes()).toEqual({ summary: expect.stringMatching(/PUK-koden/), mood: 'calm' });
    const published = queue.length;
    release();
    await t.settle();
    expect(await notes()).toEqual({ summary: 'Kunden er sint fordi PUK-koden mangler.', mood: 'frustrated' });
    // The agents' consoles hear of the new notes.
    expect(queue.slice(published)).toEqual([{ conversationId: expect.any(String) }]);
    expect(requests).toHaveLength(2);
  });

  it('keeps the offline notes when the model’s are not the JSON asked for', async () => {
    server.use(
      fakeChatCompletions((body) =>
        JSON.stringify(body.messages[0]).includes('take over a chat') ? { tokens: ['I cannot do JSON today'] } : { tokens: ['Du finner PUK-koden på Min side [1].'] },
      ),
    );
    const t = await chatApp({ settings });
    const w = widgetClient(t);
    await w.start();
    await w.send('Hvor finner jeg PUK-koden?', 'a');
    await w.call('POST', '/handoff', {});
    const offline = await t.db.selectFrom('handoffs').select(['summary', 'mood']).executeTakeFirstOrThrow();
    await t.settle();
    expect(await t.db.selectFrom('handoffs').select(['summary', 'mood']).executeTakeFirstOrThrow()).toEqual(offline);
  });

  it('does not ask the model for notes when the customer has written nothing', async () => {
    const requests: ChatRequestBody[] = [];
    server.use(fakeChatCompletions(() => ({ tokens: ['{"summary": "Noe oppdiktet.", "mood": "frustrated"}'] }), requests));
    const t = await chatApp({ settings });
    const v = widgetClient(t);
    await v.start();
    await v.call('POST', '/handoff', {});
    await t.settle();
    expect(requests).toHaveLength(0);
    const row = await t.db.selectFrom('handoffs').select(['summary', 'mood']).executeTakeFirstOrThrow();
    expect(row).toEqual({ summary: 'Kunden har ikke stilt noe spørsmål ennå.', mood: 'calm' });
  });
});

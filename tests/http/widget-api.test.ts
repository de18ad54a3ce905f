import { beforeEach, describe, expect, it } from 'vitest';
import {
  historyResultSchema, sendMessageResultSchema, startConversationResultSchema, widgetConfigSchema,
} from '../../src/protocol/widget-api.js';
import { chatApp, readEvents, widgetClient, type ChatApp } from '../fixtures/chat-app.js';

let t: ChatApp;
beforeEach(async () => {
  t = await chatApp({ bot: { allowedOrigins: ['https://shop.test.example'] }, limits: { messagesPerConversation: { max: 5, windowMs: 60_000 } } });
});

describe('widget API: conversations and messages', () => {
  it('serves the widget config with greeting, theme and an honest badge', async () => {
    const res = await widgetClient(t).call('GET', '/config');
    expect(res.status).toBe(200);
    const config = widgetConfigSchema.parse(res.body);
    expect(config.botName).toBe('Test');
    expect(config.badge).toMatchObject({ inTraining: true, rate: null, sample: 0, minSample: 100 });
    expect(config.badge.text).toMatch(/måler fortsatt \(0 av 100/);
  });

  it('starts a conversation and answers a question with sources, stored with sequence numbers', async () => {
    const w = widgetClient(t);
    const started = await w.start();
    expect(started.status).toBe(201);
    expect(startConversationResultSchema.parse(started.body).state.status).toBe('bot');
    const res = await w.send('hvor finner jeg puk koden', 'c1');
    expect(res.status).toBe(200);
    const body = sendMessageResultSchema.parse(res.body);
    expect(body.message).toMatchObject({ seq: 1, role: 'customer', clientId: 'c1' });
    expect(body.reply).toMatchObject({ seq: 2, role: 'bot', outcome: 'answer' });
    expect(body.reply!.sources![0]!.url).toBe('https://test.example/mobil/puk');
    const history = historyResultSchema.parse((await w.call('GET', '/messages?after=1')).body);
    expect(history.messages.map((m) => m.seq)).toEqual([2]);
  });

  it('is idempotent by client id: a retried send stores and answers once', async () => {
    const w = widgetClient(t);
    await w.start();
    const first = await w.send('hvor finner jeg puk koden', 'same-id');
    const again = await w.send('hvor finner jeg puk koden', 'same-id');
    expect(again.body.message.seq).toBe(first.body.message.seq);
    expect(again.body.reply.seq).toBe(first.body.reply.seq);
    const [a, b] = await Promise.all([w.send('når forfaller fakturaen', 'race'), w.send('når forfaller fakturaen', 'race')]);
    expect(a.body.message.seq).toBe(b.body.message.seq);
    const all = (await w.call('GET', '/messages')).body.messages as Array<{ seq: number }>;
    expect(all.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
  });

  it('lets a token read only its own conversation', async () => {
    const mine = widgetClient(t);
    await mine.start();
    await mine.send('hvor finner jeg puk koden', 'a');
    const other = widgetClient(t);
    await other.start();
    expect((await other.call('GET', '/messages')).body.messages).toEqual([]);
    other.token = 'not-a-real-token';
    const res = await other.call('GET', '/messages');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    expect((await widgetClient(t).call('GET', '/messages')).status).toBe(404);
    const wrongKey = await t.app.request('/api/widget/nope/config');
    expect(wrongKey.status).toBe(404);
  });

  it('validates: malformed JSON 400, too long 422 naming the field, oversized body 413', async () => {
    const w = widgetClient(t);
    await w.start();
    const bad = await w.call('POST', '/messages', '{"clientId": "x", ');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('BAD_JSON');
    const long = await w.send('x'.repeat(2001), 'long');
    expect(long.status).toBe(422);
    expect(long.body.error.message).toMatch(/^text:/);
    const huge = await w.call('POST', '/messages', JSON.stringify({ clientId: 'h', text: 'y'.repeat(20_000) }));
    expect(huge.status).toBe(413);
    const noId = await w.call('POST', '/messages', { text: 'hei' });
    expect(noId.status).toBe(422);
    expect(noId.body.error.message).toMatch(/clientId/);
  });

  it('rate-limits messages per conversation with 429 and Retry-After', async () => {
    const w = widgetClient(t);
    await w.start();
    for (let i = 0; i < 5; i++) expect((await w.send(`spørsmål ${i}`, `r${i}`)).status).toBe(200);
    const limited = await w.send('ett til', 'r5');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    expect((await w.send('ett til', 'r5')).status).toBe(200);
  });

  it('rate-limits per IP across conversations', async () => {
    const strict = await chatApp({ limits: { perIp: { max: 3, windowMs: 60_000 } } });
    const w = widgetClient(strict);
    for (let i = 0; i < 3; i++) expect((await w.call('GET', '/badge')).status).toBe(200);
    const res = await w.call('GET', '/badge');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBeTruthy();
  });
});

describe('widget API: CORS', () => {
  it('answers preflights only for the bot’s allowed origins and refuses other origins', async () => {
    const ok = await t.app.request('/api/widget/test/messages', {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.test.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
    });
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://shop.test.example');
    const evil = await t.app.request('/api/widget/test/messages', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const post = await widgetClient(t, { origin: 'https://evil.example' }).start();
    expect(post.status).toBe(403);
    const allowed = await widgetClient(t, { origin: 'https://shop.test.example' }).start();
    expect(allowed.status).toBe(201);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://shop.test.example');
  });
});

describe('widget API: event stream', () => {
  it('streams messages with their seq as id and resumes after Last-Event-ID with no gaps or duplicates', async () => {
    const w = widgetClient(t);
    await w.start();
    await w.send('hvor finner jeg puk koden', 'a');
    await w.send('hva koster roaming utenfor EU', 'b');
    const events = async (lastId: string) => {
      const res = await t.app.request(`/api/widget/test/events`, { headers: { authorization: `Bearer ${w.token}`, 'last-event-id': lastId } });
      expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
      return readEvents(res, (ev) => ev.filter((e) => e.event === 'message').length >= 4 - Number(lastId), 1500);
    };
    const all = await events('0');
    expect(all.filter((e) => e.event === 'message').map((e) => e.id)).toEqual(['1', '2', '3', '4']);
    const resumed = await events('2');
    expect(resumed.filter((e) => e.event === 'message').map((e) => e.id)).toEqual(['3', '4']);
  });

  it('sends the current state after the backlog on every (re)connect: state events are not replayed', async () => {
    const w = widgetClient(t);
    await w.start();
    await w.send('hvor finner jeg puk koden', 'a');
    await w.call('POST', '/handoff', {});
    const res = await t.app.request('/api/widget/test/events', { headers: { authorization: `Bearer ${w.token}`, 'last-event-id': '2' } });
    const got = await readEvents(res, (ev) => ev.some((e) => e.event === 'state'));
    expect(got.map((e) => e.event)).toEqual(['message', 'state']);
    expect(got[1]!.data).toMatchObject({ status: 'queued', queue: { position: 1 } });
  });

  it('delivers new messages live and cleans up its listener on disconnect', async () => {
    const w = widgetClient(t);
    const started = await w.start();
    const res = await t.app.request('/api/widget/test/events', { headers: { authorization: `Bearer ${w.token}` } });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    // Not buffered by nginx in front of us.
    expect(res.headers.get('x-accel-buffering')).toBe('no');
    const live = readEvents(res, (ev) => ev.filter((e) => e.event === 'message').length >= 2);
    await new Promise((r) => setTimeout(r, 50));
    await w.send('hvor finner jeg puk koden', 'live');
    const got = await live;
    expect(got.filter((e) => e.event === 'message').map((e) => (e.data as { role: string }).role)).toEqual(['customer', 'bot']);
    await new Promise((r) => setTimeout(r, 50));
    expect(t.hub.listenerCount()).toBe(0);
    expect(started.status).toBe(201);
  });
});

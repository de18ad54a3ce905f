import { beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { askOutputSchema } from '../../src/cli/ask-output.js';
import { ASK_PER_IP } from '../../src/http/create-app.js';
import { chatApp } from '../fixtures/chat-app.js';

let app: Hono;

beforeAll(async () => {
  app = (await chatApp()).app;
});

const post = (body: string) => app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe('HTTP app', () => {
  it('serves the demo page with the bot name and no inline answer HTML', async () => {
    const res = await app.request('/');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<title>Test · Lærling</title>');
    expect(html).toContain('<script src="/widget.js" data-bot="test" async></script>');
    // Answers are inserted with textContent only: untrusted text never becomes markup.
    expect(html).not.toMatch(/innerHTML/);
  });

  it('answers a question with sources', async () => {
    const res = await post(JSON.stringify({ question: 'hvor finner jeg puk koden' }));
    expect(res.status).toBe(200);
    const body = askOutputSchema.parse(await res.json());
    expect(body.outcome).toBe('answer');
    expect(body.sources[0]?.url).toBe('https://test.example/mobil/puk');
  });

  it('rejects malformed JSON with 400 and invalid input with 422, naming the field', async () => {
    const bad = await post('{ nope');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'BAD_JSON' } });
    const empty = await post(JSON.stringify({ question: '   ' }));
    expect(empty.status).toBe(422);
    expect((await empty.json()).error.message).toMatch(/^question:/);
    const long = await post(JSON.stringify({ question: 'x'.repeat(2001) }));
    expect(long.status).toBe(422);
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await app.request('/nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('limits the open ask endpoint per client address, with Retry-After', async () => {
    const own = (await chatApp()).app;
    const ask = () => own.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: 'puk' }) });
    for (let i = 0; i < ASK_PER_IP.max; i++) expect((await ask()).status).toBe(200);
    const limited = await ask();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

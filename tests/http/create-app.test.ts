import { beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { askOutputSchema } from '../../src/cli/ask-output.js';
import { ASK_PER_IP, MAX_API_BODY_BYTES } from '../../src/http/create-app.js';
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

  it('refuses an oversized body on every API route with 413 before reading it, streamed or not', async () => {
    const big = JSON.stringify({ email: 'a@b.example', password: 'x'.repeat(MAX_API_BODY_BYTES) });
    for (const path of ['/api/auth/login', '/api/ask', '/api/knowledge/qa']) {
      const res = await app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
      expect(res.status, path).toBe(413);
      expect(await res.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    }
    // Chunked: no content-length to judge by, so the limit counts the stream.
    const body = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 5; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(MAX_API_BODY_BYTES / 4)));
        controller.close();
      },
    });
    const streamed = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it('sends /console/ (a typed trailing slash) to the console', async () => {
    const res = await app.request('/console/');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/console');
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

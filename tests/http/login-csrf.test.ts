import { upsertUser } from '../../src/auth/users.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatApp, widgetClient, type ChatApp } from '../fixtures/chat-app.js';

let t: ChatApp;
beforeAll(async () => {
  t = await chatApp();
  await upsertUser(t.db, { email: 'mallory@test.example', name: 'Mallory', role: 'agent', password: 'correct horse battery' }, t.clock.now);
});
afterAll(async () => t.db.destroy());

const credentials = JSON.stringify({ email: 'mallory@test.example', password: 'correct horse battery' });
const login = (headers: Record<string, string>, body = credentials) => t.app.request('/api/auth/login', { method: 'POST', headers, body });

describe('login CSRF', () => {
  it('refuses a JSON body a cross-site form can send (text/plain, form-encoded) with a 415, and sets no cookie', async () => {
    for (const type of ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await login({ 'content-type': type });
      expect(res.status, type).toBe(415);
      expect(res.headers.get('set-cookie')).toBeNull();
      expect((await res.json()).error).toEqual({ code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send the request body as JSON with Content-Type: application/json' });
    }
    expect((await login({})).status).toBe(415);
    expect((await login({ 'content-type': 'Application/JSON; charset=utf-8' })).status).toBe(200);
  });

  it('refuses sign-in from another origin, and accepts its own (also behind a proxy that ends TLS)', async () => {
    const json = { 'content-type': 'application/json' };
    const evil = await login({ ...json, origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    expect(evil.headers.get('set-cookie')).toBeNull();
    expect((await evil.json()).error.message).toMatch(/only from this server's own pages/);
    expect((await login({ ...json, origin: 'null' })).status).toBe(403);
    expect((await login({ ...json, origin: 'http://localhost.evil.example' })).status).toBe(403);
    expect((await login({ ...json, origin: 'http://localhost' })).status).toBe(200);
    expect((await login({ ...json })).status).toBe(200); // no Origin: curl, scripts, old browsers
    expect((await login({ ...json, origin: 'https://chat.example.com', host: 'chat.example.com' })).status).toBe(200);
    expect((await login({ ...json, origin: 'https://chat.example.com', 'x-forwarded-host': 'chat.example.com' })).status).toBe(200);
    expect((await login({ ...json, origin: 'https://chat.example.com:8443', 'x-forwarded-host': 'chat.example.com' })).status).toBe(403);
  });
});

describe('JSON bodies', () => {
  it('every JSON route wants application/json; an empty body needs no type', async () => {
    const w = widgetClient(t);
    await w.start();
    const plain = await w.call('POST', '/messages', { clientId: 'c1', text: 'hei' }, { 'content-type': 'text/plain' });
    expect(plain.status).toBe(415);
    expect(plain.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const ask = await t.app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"question":"puk"}' });
    expect(ask.status).toBe(415);
    const empty = await t.app.request(`/api/widget/${t.key}/handoff`, { method: 'POST', headers: { authorization: `Bearer ${w.token}` } });
    expect(empty.status).toBe(200);
    expect((await w.call('POST', '/messages', '{"clientId":', {})).status).toBe(400);
  });
});

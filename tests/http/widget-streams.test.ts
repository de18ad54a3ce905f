import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_WIDGET_LIMITS } from '../../src/http/widget-routes.js';
import { chatApp, widgetClient, type ChatApp } from '../fixtures/chat-app.js';

let t: ChatApp | undefined;
const open: Response[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((res) => res.body?.cancel()));
  await t?.db.destroy();
  t = undefined;
});

const stream = async (app: ChatApp, token: string, address?: string) => {
  const res = await app.app.request(`/api/widget/${app.key}/events`, { headers: { authorization: `Bearer ${token}`, ...(address ? { 'x-forwarded-for': address } : {}) } });
  if (res.status === 200) open.push(res);
  return res;
};

describe('open event streams', () => {
  it(`allow ${DEFAULT_WIDGET_LIMITS.openStreams.perConversation} per conversation (a customer's tabs), a 429 beyond, and a slot again when one closes`, async () => {
    t = await chatApp();
    const w = widgetClient(t);
    await w.start();
    for (let i = 0; i < 5; i++) expect((await stream(t, w.token)).status).toBe(200);
    const refused = await stream(t, w.token);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('30');
    expect((await refused.json()).error).toEqual({ code: 'RATE_LIMITED', message: 'This conversation already has 5 open event streams; close a tab or try again shortly' });
    // Another conversation from the same address is not affected.
    const other = widgetClient(t);
    await other.start();
    expect((await stream(t, other.token)).status).toBe(200);
    await open.shift()!.body!.cancel();
    await new Promise((r) => setTimeout(r, 10));
    expect((await stream(t, w.token)).status).toBe(200);
  });

  it(`allow ${DEFAULT_WIDGET_LIMITS.openStreams.perAddress} per client address (LAERLING_TRUST_PROXY's address when set)`, async () => {
    t = await chatApp({ trustProxy: 1 });
    const tokens: string[] = [];
    for (let i = 0; i < 11; i++) {
      const w = widgetClient(t, { 'x-forwarded-for': '203.0.113.7' });
      await w.start();
      tokens.push(w.token);
    }
    for (let i = 0; i < 50; i++) expect((await stream(t, tokens[Math.floor(i / 5)]!, '203.0.113.7')).status).toBe(200);
    const refused = await stream(t, tokens[10]!, '203.0.113.7');
    expect(refused.status).toBe(429);
    expect((await refused.json()).error.message).toBe('Your address already has 50 open event streams; try again shortly');
    // The same conversation from another address (the customer's phone on another network) still gets one.
    expect((await stream(t, tokens[10]!, '198.51.100.2')).status).toBe(200);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startLiveServer, type LiveServer } from './harness.js';

let live: LiveServer;
beforeAll(async () => {
  live = await startLiveServer({ agents: [{ email: 'kari@fjordmobil.example', name: 'Kari' }] });
});
afterAll(async () => {
  await live?.close();
});

/** A customer who asked one question and pressed "talk to a person", straight through the widget API. */
async function waitingCustomer(question: string): Promise<void> {
  const api = `${live.url}/api/widget/demo`;
  const post = async (path: string, body: unknown, token?: string) => {
    const res = await fetch(api + path, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
    return (await res.json()) as { token: string };
  };
  const { token } = await post('/conversations', { lang: 'nb' });
  await post('/messages', { clientId: `c${Date.now()}${Math.random().toString(36).slice(2)}`, text: question }, token);
  await post('/handoff', {}, token);
}

async function signIn(page: Page): Promise<void> {
  await page.goto(live.url + '/console');
  await page.getByLabel('E-mail').fill('kari@fjordmobil.example');
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('queue').waitFor();
}

/** Count DOM changes inside live regions (aria-live, status, log, alert) from now on. */
async function watchLiveRegions(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { liveChanges: number };
    w.liveChanges = 0;
    const live = (n: Node | null) => (n instanceof Element ? n : n?.parentElement)?.closest('[aria-live]:not([aria-live=off]), [role=status], [role=log], [role=alert]');
    new MutationObserver((records) => {
      for (const r of records) if (live(r.target)) w.liveChanges++;
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

describe('agent console accessibility (real Chromium)', () => {
  it('A-1: waiting times tick outside any live region; only a new chat is announced, briefly', async () => {
    await waitingCustomer('Selger dere gavekort?');
    const context = await live.browser.newContext();
    const page = await context.newPage();
    await signIn(page);
    await page.getByTestId('queue-item').first().waitFor();
    await watchLiveRegions(page);
    // Ticking waiting times and queue refreshes are not news.
    await page.waitForTimeout(2500);
    expect(await page.evaluate(() => (window as unknown as { liveChanges: number }).liveChanges)).toBe(0);
    await waitingCustomer('Har dere fasttelefon?');
    const status = page.getByTestId('queue-status');
    await expect.poll(() => status.textContent()).toBe('New chat waiting: Fjordmobil (NB)');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await page.getByTestId('queue-item').count()).toBe(2);
    await context.close();
  }, 60_000);

  it('A-2: the transcript only grows, and says who wrote each message', async () => {
    await waitingCustomer('Hvordan finner jeg PUK-koden?');
    const context = await live.browser.newContext();
    const page = await context.newPage();
    await signIn(page);
    await page.getByTestId('queue-item').first().getByTestId('claim').click();
    const transcript = page.locator('[data-testid=chat]:not([hidden])').getByTestId('transcript');
    await transcript.locator('[data-role=bot]').first().waitFor();
    // A mark on the elements shown: a rebuilt transcript would lose it.
    const count = await transcript.locator('[data-seq]').evaluateAll((els) => els.map((e) => e.setAttribute('data-kept', '')).length);
    const chat = page.locator('[data-testid=chat]:not([hidden])');
    await chat.getByTestId('reply').fill('Hei, dette ser jeg på.');
    await chat.getByTestId('send').click();
    await transcript.locator('[data-role=agent]').waitFor();
    expect(await transcript.locator('[data-kept]').count()).toBe(count);
    const spoken = (role: string) => transcript.locator(`[data-role=${role}]`).first().getByTestId('speaker').textContent();
    expect(await spoken('customer')).toBe('Customer: ');
    expect(await spoken('bot')).toBe('Bot: ');
    expect(await spoken('agent')).toBe('You: ');
    // The visible name is not read twice.
    expect(await transcript.locator('[data-role=agent] [aria-hidden=true]').textContent()).toBe('Kari');
    await context.close();
  }, 60_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AGENT_AND_OWNER, signInToConsole, startLiveServer, type LiveServer } from './harness.js';

let live: LiveServer;
beforeAll(async () => {
  live = await startLiveServer({ agents: AGENT_AND_OWNER });
});
afterAll(async () => {
  await live?.close();
});

/** A customer who asked one question and pressed "talk to a person", straight through the widget API; returns the state after. */
async function waitingCustomer(question: string): Promise<{ queue?: { staffed: boolean } }> {
  const api = `${live.url}/api/widget/demo`;
  const post = async (path: string, body: unknown, token?: string) => {
    const res = await fetch(api + path, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
    return (await res.json()) as { token: string; state: { queue?: { staffed: boolean } } };
  };
  const { token } = await post('/conversations', { lang: 'nb' });
  await post('/messages', { clientId: `c${Date.now()}${Math.random().toString(36).slice(2)}`, text: question }, token);
  return (await post('/handoff', {}, token)).state;
}

async function signIn(page: Page, email = 'kari@fjordmobil.example'): Promise<void> {
  await signInToConsole(page, live.url, email);
  await page.getByTestId(email.startsWith('kari') ? 'queue' : 'section-metrics').waitFor();
}

/** The focused element's data-testid (or tag name); "body" when the focus was lost. */
const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName.toLowerCase() ?? 'none');

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
    await chat.getByTestId('close').click();
    await expect.poll(() => page.getByTestId('chat').count()).toBe(0);
    await context.close();
  }, 60_000);

  it('A-4: signing in, claiming and closing a chat each leave the focus somewhere useful', async () => {
    await waitingCustomer('Kan jeg betale med Vipps?');
    const context = await live.browser.newContext();
    const page = await context.newPage();
    await signIn(page);
    await expect.poll(() => focused(page)).toBe('queue-heading');
    await page.getByTestId('queue-item').first().getByTestId('claim').focus();
    await page.keyboard.press('Enter');
    const chat = page.locator('[data-testid=chat]:not([hidden])');
    await chat.waitFor();
    await expect.poll(() => focused(page)).toBe('reply');
    expect(await chat.getByTestId('reply').evaluate((el) => el === document.activeElement)).toBe(true);
    await chat.getByTestId('close').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('chat').count()).toBe(0);
    await expect.poll(() => focused(page)).toBe('queue-heading');
    await context.close();
  }, 60_000);

  it('A-4: in the knowledge console, "Write an answer" and "Edit" put the focus in the form they open', async () => {
    await waitingCustomer('Har dere rabatt for studenter?');
    const context = await live.browser.newContext();
    const page = await context.newPage();
    await signIn(page, 'ola@fjordmobil.example');
    await expect.poll(() => focused(page)).toBe('section-metrics');
    await page.getByTestId('section-gaps').click();
    await page.getByTestId('gap').first().getByRole('button', { name: 'Write an answer' }).press('Enter');
    await expect.poll(() => focused(page)).toBe('qa-question');
    expect(await page.getByTestId('qa-question').first().inputValue()).not.toBe('');
    await page.getByTestId('qa-answer').first().fill('Ja, studenter får 20 % rabatt.');
    await page.getByTestId('qa-save').first().click();
    const edit = page.getByTestId('qa-list').getByRole('button', { name: 'Edit' }).first();
    await edit.press('Enter');
    await expect.poll(() => focused(page)).toBe('qa-question');
    expect(await page.locator('[data-testid=qa-question]:focus').evaluate((el) => (el as HTMLInputElement).closest('.card')?.querySelector('h3')?.textContent)).toBe('Edit Q&A item');
    await context.close();
  }, 60_000);

  it('A-5: focus rings have a dark inner ring', async () => {
    const context = await live.browser.newContext();
    const page = await context.newPage();
    await page.goto(live.url + '/console');
    await page.getByLabel('Password').press('Tab');
    const ring = await page.evaluate(() => {
      const el = document.activeElement!;
      return { text: el.textContent, outline: getComputedStyle(el).outlineColor, shadow: getComputedStyle(el).boxShadow };
    });
    expect(ring).toEqual({ text: 'Sign in', outline: 'rgb(242, 182, 0)', shadow: 'rgb(27, 31, 36) 0px 0px 0px 2px' });
    await context.close();
  }, 60_000);

  it('A-9: knowledge sections are not read out whole; a short status line says which one loaded', async () => {
    const context = await live.browser.newContext();
    const page = await context.newPage();
    await signIn(page, 'ola@fjordmobil.example');
    const inLiveRegion = () => page.locator('.knowledge').evaluate((el) => !!el.closest('[aria-live]:not([aria-live=off]), [role=status], [role=log], [role=alert]'));
    await page.getByTestId('section-qa').click();
    await expect.poll(() => page.getByTestId('section-status').textContent()).toBe('Q&A loaded');
    expect(await inLiveRegion()).toBe(false);
    expect(await page.getByTestId('section-status').getAttribute('role')).toBe('status');
    await page.getByTestId('section-pages').click();
    await expect.poll(() => page.getByTestId('section-status').textContent()).toBe('Pages loaded');
    await context.close();
  }, 60_000);

  it('A-10: metrics give the chart as a table and the CSAT counts as text', async () => {
    const context = await live.browser.newContext();
    const page = await context.newPage();
    await signIn(page, 'ola@fjordmobil.example');
    const daily = page.getByTestId('daily-table');
    await daily.waitFor({ state: 'attached' });
    expect(await daily.evaluate((el) => el.closest('details') !== null)).toBe(true);
    expect(await daily.locator('thead th').allTextContents()).toEqual(['Day', 'Conversations', 'Confirmed', 'Assumed', 'Not resolved', 'Rate']);
    expect(await daily.locator('tbody tr').count()).toBeGreaterThan(0);
    const bars = page.getByTestId('csat-bar');
    expect(await bars.count()).toBe(11);
    expect(await bars.nth(8).innerText()).toMatch(/^\d+\s+8/);
    expect(await bars.nth(8).locator('.sr').textContent()).toMatch(/^8: \d+ ratings?$/);
    await context.close();
  }, 60_000);

  it('A-8: on a 768 px tablet the columns stack and the transcript gets the width', async () => {
    await waitingCustomer('Hvordan bytter jeg abonnement?');
    const context = await live.browser.newContext({ viewport: { width: 768, height: 1024 } });
    const page = await context.newPage();
    await signIn(page);
    await page.getByTestId('queue-item').first().getByTestId('claim').click();
    const chat = page.locator('[data-testid=chat]:not([hidden])');
    await chat.getByTestId('transcript').locator('[data-role=customer]').first().waitFor();
    expect((await chat.getByTestId('transcript').boundingBox())!.width).toBeGreaterThan(600);
    expect((await chat.getByTestId('reply').boundingBox())!.width).toBeGreaterThan(600);
    // Nothing sticks out sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await chat.getByTestId('close').click();
    await expect.poll(() => page.getByTestId('chat').count()).toBe(0);
    await context.close();
  }, 60_000);

  it('the Sources URL field and the Playground question have real labels, not only placeholders', async () => {
    const context = await live.browser.newContext();
    const page = await context.newPage();
    await signIn(page, 'ola@fjordmobil.example');
    await page.getByTestId('section-sources').click();
    expect(await page.getByLabel('Site to add').getAttribute('data-testid')).toBe('source-url');
    await page.getByTestId('section-playground').click();
    expect(await page.getByLabel('Question', { exact: true }).getAttribute('data-testid')).toBe('playground-question');
    await context.close();
  }, 60_000);
});

describe('agent console session', () => {
  it('an ended session leaves the queue: the agent no longer counts as online, and the sign-in form is not redrawn under their typing', async () => {
    const context = await live.browser.newContext();
    const page = await context.newPage();
    await signIn(page);
    await expect.poll(async () => (await waitingCustomer('Har dere fiber på hytta?')).queue?.staffed).toBe(true);
    // A password reset or `laerling user disable` ends every session of the user.
    await live.db.deleteFrom('sessions').execute();
    await waitingCustomer('Kan jeg bytte nummer?'); // the queue event makes the console ask, and hear 401
    await page.getByText('Your session has ended. Please sign in again.').waitFor();
    await page.getByLabel('E-mail').fill('kari@fjordmobil.example');
    await expect.poll(async () => (await waitingCustomer('Hva koster roaming?')).queue?.staffed).toBe(false);
    await page.waitForTimeout(500);
    expect(await page.getByLabel('E-mail').inputValue()).toBe('kari@fjordmobil.example');
    await context.close();
  }, 60_000);
});

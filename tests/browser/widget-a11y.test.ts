import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CONSOLE_PASSWORD, startLiveServer, type LiveServer } from './harness.js';

let live: LiveServer;
beforeAll(async () => {
  live = await startLiveServer({ agents: [{ email: 'kari@fjordmobil.example', name: 'Kari' }] });
});
afterAll(async () => {
  await live?.close();
});

const PHONE = { width: 375, height: 667 };
const widget = (page: Page) => page.locator('laerling-chat');

async function ask(page: Page, text: string) {
  await widget(page).getByTestId('input').fill(text);
  await widget(page).getByTestId('input').press('Enter');
}

/** The agent, straight through the API: claims the newest waiting chat and closes it, so the customer is asked for a rating. */
async function agentClaimsAndCloses(): Promise<void> {
  const login = await fetch(`${live.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'kari@fjordmobil.example', password: CONSOLE_PASSWORD }) });
  const headers = { 'content-type': 'application/json', cookie: login.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
  const queue = (await (await fetch(`${live.url}/api/agent/queue`, { headers })).json()) as { waiting: Array<{ handoffId: number; conversationId: string }> };
  const item = queue.waiting.at(-1)!; // the newest: earlier tests leave chats waiting
  await fetch(`${live.url}/api/agent/handoffs/${item.handoffId}/claim`, { method: 'POST', headers, body: '{}' });
  await fetch(`${live.url}/api/agent/conversations/${item.conversationId}/close`, { method: 'POST', headers, body: JSON.stringify({ teach: false }) });
}

/** A customer with an answer, then in the queue with nobody signed in (so asked for an e-mail). */
async function customerInQueue(page: Page): Promise<void> {
  await page.goto(live.url + '/');
  await widget(page).getByTestId('launcher').click();
  await ask(page, 'Hvordan finner jeg PUK-koden?');
  await widget(page).getByTestId('feedback').first().waitFor();
  await widget(page).getByTestId('person').click();
  await widget(page).getByTestId('email').waitFor();
}

/** Where the focus is: outside the widget, on the launcher, or inside the panel (and on what). */
const focusAt = (page: Page) =>
  page.evaluate(() => {
    const host = document.querySelector('laerling-chat')!;
    if (document.activeElement !== host) return 'page';
    const el = host.shadowRoot!.activeElement;
    if (!el) return 'page';
    if (el.getAttribute('data-testid') === 'launcher') return 'launcher';
    return el.closest('[data-testid=panel]') ? `panel:${el.getAttribute('data-testid') ?? el.tagName.toLowerCase()}` : 'other';
  });

describe('widget accessibility (real Chromium, real key presses)', () => {
  it('A-3: full screen on a phone, the open panel keeps the focus; Escape closes it and returns to the launcher', async () => {
    const context = await live.browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(live.url + '/');
    await widget(page).getByTestId('launcher').click();
    await ask(page, 'Hvordan finner jeg PUK-koden?');
    await widget(page).locator('[data-role=bot]').first().waitFor();
    expect(await widget(page).getByTestId('panel').getAttribute('aria-modal')).toBe('true');
    // The launcher is under the panel: not shown, so not in the Tab order either.
    expect(await widget(page).getByTestId('launcher').isVisible()).toBe(false);
    const seen = new Set<string>();
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      seen.add(await focusAt(page));
    }
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Shift+Tab');
      seen.add(await focusAt(page));
    }
    expect([...seen].filter((s) => !s.startsWith('panel:'))).toEqual([]);
    expect(seen.has('panel:close') && seen.has('panel:send')).toBe(true);
    await page.keyboard.press('Escape');
    expect(await focusAt(page)).toBe('launcher');
    expect(await widget(page).getByTestId('launcher').getAttribute('aria-expanded')).toBe('false');
    await context.close();
  }, 60_000);

  it('A-4: feedback, a saved e-mail and a sent rating each hand the focus to what replaced them', async () => {
    const context = await live.browser.newContext();
    const page = await context.newPage();
    await customerInQueue(page);
    await widget(page).getByTestId('feedback').first().getByRole('button', { name: 'Ja' }).press('Enter');
    expect(await focusAt(page)).toBe('panel:feedback-thanks');
    await widget(page).getByTestId('email').fill('kunde@example.com');
    await widget(page).getByTestId('email').press('Enter');
    await expect.poll(() => focusAt(page)).toBe('panel:queue');
    expect(await widget(page).getByTestId('queue').textContent()).toMatch(/nummer 1 i køen/);
    await agentClaimsAndCloses();
    const rating = widget(page).getByTestId('rating');
    await rating.waitFor();
    await rating.locator('[data-score="9"]').click();
    await rating.getByRole('button', { name: 'Send vurdering' }).press('Enter');
    await expect.poll(() => focusAt(page)).toBe('panel:rated');
    await context.close();
  }, 60_000);

  it('A-5: focus rings have a dark inner ring, the launcher\'s too', async () => {
    const context = await live.browser.newContext();
    const page = await context.newPage();
    await page.goto(live.url + '/');
    await widget(page).getByTestId('launcher').click();
    await widget(page).getByTestId('input').press('Shift+Tab');
    const ring = () =>
      page.evaluate(() => {
        const el = document.querySelector('laerling-chat')!.shadowRoot!.activeElement!;
        const style = getComputedStyle(el);
        return { testid: el.getAttribute('data-testid'), outline: style.outlineColor, shadow: style.boxShadow };
      });
    expect(await ring()).toEqual({ testid: 'person', outline: 'rgb(242, 182, 0)', shadow: 'rgb(27, 31, 36) 0px 0px 0px 2px' });
    await page.keyboard.press('Escape');
    expect(await ring()).toEqual({ testid: 'launcher', outline: 'rgb(242, 182, 0)', shadow: 'rgb(27, 31, 36) 0px 0px 0px 2px' });
    await context.close();
  }, 60_000);

  it('A-6: a wrong e-mail address keeps the field wide, with the error below it as its description', async () => {
    const context = await live.browser.newContext();
    const page = await context.newPage();
    await customerInQueue(page);
    const email = widget(page).getByTestId('email');
    const before = (await email.boundingBox())!.width;
    await email.fill('ikke-en-adresse');
    await email.press('Enter');
    const error = widget(page).getByTestId('email-error');
    await expect.poll(() => error.textContent()).toBe('Skriv en gyldig e-postadresse.');
    expect((await email.boundingBox())!.width).toBeGreaterThanOrEqual(before - 1);
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(await email.getAttribute('aria-describedby')).toBe(await error.getAttribute('id'));
    await context.close();
  }, 60_000);

  it('A-7: the 0–10 rating is one radio group: one Tab stop, arrow keys choose, named by the visible question', async () => {
    const context = await live.browser.newContext();
    const page = await context.newPage();
    await customerInQueue(page);
    await agentClaimsAndCloses();
    const rating = widget(page).getByTestId('rating');
    await rating.waitFor();
    const group = rating.getByRole('radiogroup');
    expect(await group.getAttribute('aria-label')).toBeNull();
    expect(await widget(page).locator(`[id="${await group.getAttribute('aria-labelledby')}"]`).textContent()).toMatch(/^Hvor fornøyd er du/);
    const focusedScore = () => page.evaluate(() => document.querySelector('laerling-chat')!.shadowRoot!.activeElement?.getAttribute('data-score') ?? null);
    await rating.locator('textarea').focus();
    await page.keyboard.press('Shift+Tab');
    expect(await focusedScore()).toBe('0');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    expect(await focusedScore()).toBe('3');
    expect(await rating.locator('[aria-checked=true]').getAttribute('data-score')).toBe('3');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('End');
    expect(await focusedScore()).toBe('10');
    // One Tab stop: out of the group at once, either way, and back to the chosen score.
    await page.keyboard.press('Tab');
    expect(await focusAt(page)).toBe('panel:textarea');
    await page.keyboard.press('Shift+Tab');
    expect(await focusedScore()).toBe('10');
    await page.keyboard.press('Shift+Tab');
    expect(await focusedScore()).toBeNull();
    await rating.getByRole('button', { name: 'Send vurdering' }).click();
    await widget(page).getByTestId('rated').waitFor();
    await context.close();
  }, 60_000);

  it('text follows the reader\'s font size setting, not the page\'s root size', async () => {
    const context = await live.browser.newContext();
    const page = await context.newPage();
    await page.goto(live.url + '/');
    await widget(page).getByTestId('launcher').click();
    const size = () => widget(page).getByTestId('greeting').evaluate((el) => getComputedStyle(el).fontSize);
    expect(await size()).toBe('15px');
    // A site that shrinks its root (Bootstrap 3 sets 10px) leaves the widget as it was.
    await page.evaluate(() => void (document.documentElement.style.fontSize = '10px'));
    expect(await size()).toBe('15px');
    // The reader's setting (Chromium: Settings › Appearance › Font size) scales it.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 24 } });
    await page.reload();
    await widget(page).getByTestId('greeting').waitFor();
    expect(await size()).toBe('22.5px');
    await context.close();
  }, 60_000);
});

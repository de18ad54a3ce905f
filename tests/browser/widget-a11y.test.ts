import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startLiveServer, type LiveServer } from './harness.js';

let live: LiveServer;
beforeAll(async () => {
  live = await startLiveServer();
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
});

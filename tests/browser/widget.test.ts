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

const widget = (page: Page) => page.locator('laerling-chat');

async function ask(page: Page, text: string) {
  await widget(page).getByTestId('input').fill(text);
  await widget(page).getByTestId('input').press('Enter');
}

describe('widget on the demo page (real Chromium)', () => {
  it('answers with a source link, renders untrusted text as text, and survives a reload', async () => {
    const context = await live.browser.newContext();
    const page = await context.newPage();
    await page.goto(live.url + '/');
    const launcher = widget(page).getByTestId('launcher');
    await launcher.click();
    await expect.poll(() => launcher.getAttribute('aria-expanded')).toBe('true');
    expect(await widget(page).getByTestId('badge').textContent()).toMatch(/I opplæring · måler fortsatt \(0 av 100/);
    await ask(page, 'Hvordan får jeg eSIM på smartklokka?');
    const answer = widget(page).locator('[data-role=bot]').first();
    await answer.waitFor();
    const link = answer.locator('[data-testid=sources] a').first();
    expect(await link.getAttribute('href')).toMatch(/^https:\/\/fjordmobil\.example\//);
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');

    let alerted = false;
    page.on('dialog', (d) => {
      alerted = true;
      void d.dismiss();
    });
    const xss = '<img src=x onerror="alert(1)"> og [klikk](javascript:alert(2)) javascript:alert(3)';
    await ask(page, xss);
    // .last() is the earlier question until the new one renders: wait for the text, not the element.
    const mine = widget(page).locator('[data-role=customer]').last();
    await expect.poll(() => mine.textContent()).toContain('<img src=x onerror="alert(1)">');
    expect(await widget(page).locator('img[src=x]').count()).toBe(0);
    expect(await widget(page).locator('a[href^="javascript:"]').count()).toBe(0);
    expect(alerted).toBe(false);

    const before = await widget(page).locator('[data-testid=message]').count();
    await page.reload();
    await widget(page).locator('[data-testid=message]').nth(before - 1).waitFor();
    expect(await widget(page).locator('[data-testid=message]').count()).toBe(before);
    expect(await widget(page).getByTestId('launcher').getAttribute('aria-expanded')).toBe('true');
    await widget(page).getByTestId('input').press('Escape');
    expect(await widget(page).getByTestId('launcher').getAttribute('aria-expanded')).toBe('false');
    // Focus goes back to the launcher, inside the shadow root.
    expect(await page.evaluate(() => document.querySelector('laerling-chat')!.shadowRoot!.activeElement?.getAttribute('data-testid'))).toBe('launcher');
    await context.close();
  }, 60_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { BotRuntime } from '../../src/conversations/chat-deps.js';
import { startLiveServer, type LiveServer } from './harness.js';

// The demo bot has no chat model: this one streams its answers as a model would, citing the
// first linked source as [n], after a pause for the first token. Each test sets the pace it needs.
const pace = { firstMs: 100, wordMs: 5 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const likeAChatModel =
  (ask: BotRuntime['ask']): BotRuntime['ask'] =>
  async (question, opts) => {
    const { onToken, ...rest } = opts ?? {};
    const result = await ask(question, rest);
    const n = result.sources.findIndex((s) => !s.noPage) + 1;
    if (result.outcome !== 'answer' || !n) return result;
    const answer = `${result.answer} [${n}]`;
    await sleep(pace.firstMs);
    for (const word of answer.split(/(?<= )/)) {
      await sleep(pace.wordMs);
      onToken?.(word);
    }
    return { ...result, answer };
  };

let live: LiveServer;
beforeAll(async () => {
  live = await startLiveServer({ ask: likeAChatModel });
});
afterAll(async () => {
  await live?.close();
});

const PHONE = { width: 375, height: 667 };
const QUESTIONS = ['Hvordan får jeg eSIM på smartklokka?', 'Hvordan finner jeg PUK-koden?', 'Hvordan bytter jeg abonnement?', 'Når kommer fakturaen?', 'Hvordan sperrer jeg SIM-kortet?'];

const widget = (page: Page) => page.locator('laerling-chat');
const streamed = (page: Page) => widget(page).getByTestId('streaming');
const answers = (page: Page) => widget(page).locator('[data-testid=message][data-role=bot]');
const streamedLength = async (page: Page) => (await streamed(page).first().textContent())?.length ?? 0;
const logScroll = (page: Page) => widget(page).getByTestId('log').evaluate((el) => ({ top: el.scrollTop, height: el.scrollHeight, view: el.clientHeight }));
const atEnd = async (page: Page) => {
  const s = await logScroll(page);
  return s.height - s.top - s.view < 4;
};

async function open(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(live.url + '/');
  await widget(page).getByTestId('launcher').click();
  return page;
}
async function ask(page: Page, text: string) {
  await widget(page).getByTestId('input').fill(text);
  await widget(page).getByTestId('input').press('Enter');
}
async function askAndWait(page: Page, text: string) {
  const before = await answers(page).count();
  await ask(page, text);
  await answers(page).nth(before).waitFor();
}

describe('the widget with a bot that streams its answers (real Chromium)', () => {
  it('shows the bot at work until its answer streams in, and numbers the sources its [n] cite', async () => {
    Object.assign(pace, { firstMs: 800, wordMs: 40 });
    const context = await live.browser.newContext();
    const page = await open(context);
    const working = widget(page).getByTestId('bot-typing');
    await ask(page, QUESTIONS[0]!);
    await expect.poll(() => working.textContent()).toMatch(/skriver/);
    await streamed(page).first().waitFor();
    expect(await working.textContent()).toBe('');
    await answers(page).first().waitFor();
    expect(await working.textContent()).toBe('');
    expect(await answers(page).first().textContent()).toMatch(/\[1\]/);
    expect(await answers(page).first().locator('[data-testid=sources] li').first().textContent()).toMatch(/^\[1\]\s*\S/);
    await context.close();
  });

  it('leaves no pending copy of the question after a reload or a second tab mid-answer', async () => {
    Object.assign(pace, { firstMs: 200, wordMs: 60 });
    const context = await live.browser.newContext();
    const page = await open(context);
    await ask(page, QUESTIONS[0]!);
    await streamed(page).first().waitFor();
    await page.reload();
    await answers(page).first().waitFor();
    expect(await widget(page).locator('[data-role=customer]').count()).toBe(1);
    expect(await widget(page).getByTestId('pending').count()).toBe(0);

    await ask(page, QUESTIONS[1]!);
    await streamed(page).first().waitFor();
    const second = await context.newPage();
    await second.goto(live.url + '/');
    await answers(second).nth(1).waitFor();
    for (const tab of [page, second]) {
      await answers(tab).nth(1).waitFor();
      expect(await widget(tab).locator('[data-role=customer]').count()).toBe(2);
      expect(await widget(tab).getByTestId('pending').count()).toBe(0);
    }
    await context.close();
  });

  it('follows a growing answer while the reader is at the end, and stays put once they scroll up', async () => {
    Object.assign(pace, { firstMs: 50, wordMs: 5 });
    const context = await live.browser.newContext({ viewport: PHONE });
    const page = await open(context);
    for (const q of QUESTIONS.slice(0, 3)) await askAndWait(page, q);
    Object.assign(pace, { firstMs: 50, wordMs: 80 });
    await ask(page, QUESTIONS[3]!);
    await expect.poll(() => streamedLength(page), { timeout: 5000 }).toBeGreaterThan(60);
    expect(await atEnd(page)).toBe(true);

    await widget(page).getByTestId('log').evaluate((el) => (el.scrollTop = 0));
    const seen = await streamedLength(page);
    await expect.poll(() => streamedLength(page), { timeout: 5000 }).toBeGreaterThan(seen + 20);
    expect((await logScroll(page)).top).toBe(0);
    await answers(page).nth(3).waitFor();
    expect((await logScroll(page)).top).toBe(0);
    await context.close();
  });

  it('opens a reloaded chat at its latest messages', async () => {
    Object.assign(pace, { firstMs: 0, wordMs: 0 });
    const context = await live.browser.newContext({ viewport: PHONE });
    const page = await open(context);
    for (const q of QUESTIONS) await askAndWait(page, q);
    await page.reload();
    await answers(page).nth(QUESTIONS.length - 1).waitFor();
    const s = await logScroll(page);
    expect(s.height).toBeGreaterThan(s.view);
    await expect.poll(() => atEnd(page)).toBe(true);
    await context.close();
  });

  it('keeps keyboard focus in the chat when "Talk to a person" hides itself', async () => {
    const context = await live.browser.newContext();
    const page = await open(context);
    await widget(page).getByTestId('person').focus();
    await widget(page).getByTestId('person').press('Enter');
    await widget(page).getByTestId('queue').waitFor();
    expect(await widget(page).getByTestId('person').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.querySelector('laerling-chat')!.shadowRoot!.activeElement?.getAttribute('data-testid'))).toBe('input');
    await context.close();
  });
});

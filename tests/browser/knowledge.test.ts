import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { AGENT_AND_OWNER, signInToConsole, startLiveServer, type LiveServer } from './harness.js';

let live: LiveServer;
beforeAll(async () => {
  live = await startLiveServer({ agents: AGENT_AND_OWNER });
});
afterAll(async () => {
  await live?.close();
});

const QUESTION = 'Sponser dere det lokale fotballaget?';
const ANSWER = 'Ja, vi støtter barne- og ungdomsfotball i hele landet gjennom Fjordmobil-fondet.';
const widget = (page: Page) => page.locator('laerling-chat');

async function customerAsks(browser: Browser, url: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url + '/');
  await widget(page).getByTestId('launcher').click();
  await widget(page).getByTestId('input').fill(QUESTION);
  await widget(page).getByTestId('input').press('Enter');
  const reply = widget(page).locator('[data-role=bot]').first();
  await reply.waitFor();
  return { context, page, reply };
}

async function signIn(browser: Browser, url: string, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInToConsole(page, url, email);
  return { context, page };
}

describe('the learning loop in real Chromium', () => {
  it('an agent teaches an answer, an owner approves it in the knowledge console, and the widget then answers it', async () => {
    const first = await customerAsks(live.browser, live.url);
    expect(await first.reply.getAttribute('data-outcome')).toBe('abstain');
    await widget(first.page).getByTestId('person').click();

    const agent = await signIn(live.browser, live.url, 'kari@fjordmobil.example');
    await agent.page.getByTestId('queue-item').first().getByTestId('claim').click();
    const chat = agent.page.locator('[data-testid=chat]:not([hidden])');
    await chat.getByTestId('reply').fill(ANSWER);
    await chat.getByTestId('send').click();
    await widget(first.page).locator('[data-role=agent]').first().waitFor();
    await chat.getByTestId('teach').check();
    const closes: string[] = [];
    agent.page.on('request', (r) => {
      if (r.method() === 'POST' && /\/api\/agent\/conversations\/[^/]+\/(close|release)$/.test(r.url())) closes.push(new URL(r.url()).pathname);
    });
    // A second close would be refused (the chat is closed) after the first had already taught the bot.
    await chat.getByTestId('close').dblclick();
    await widget(first.page).getByTestId('rating').waitFor();
    await expect.poll(() => agent.page.getByTestId('chat').count()).toBe(0);
    expect(closes).toEqual([expect.stringMatching(/\/close$/)]);

    const owner = await signIn(live.browser, live.url, 'ola@fjordmobil.example');
    await owner.page.getByTestId('section-suggestions').click();
    const card = owner.page.getByTestId('suggestion').first();
    await card.waitFor();
    expect(await card.getByTestId('qa-question').inputValue()).toBe(QUESTION);
    expect(await card.getByTestId('qa-answer').inputValue()).toBe(ANSWER);
    await card.getByTestId('qa-alternatives').fill('Støtter dere idrettslag?');
    await card.getByTestId('qa-save').click();
    // Approving rebuilds the index: a Reject meanwhile would race it.
    await card.getByRole('button', { name: 'Saving…' }).waitFor();
    expect(await card.getByRole('button', { name: 'Reject' }).isDisabled()).toBe(true);
    await owner.page.getByText('Nothing to review.').waitFor();
    // The approved card is gone with the focus; it lands on the open section, not the page top.
    await expect.poll(() => owner.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('section-suggestions');
    await owner.page.getByTestId('section-qa').click();
    await owner.page.getByTestId('qa-list').getByText(QUESTION).waitFor();
    await owner.page.getByText(/\d+ more from knowledge files/).waitFor();

    const second = await customerAsks(live.browser, live.url);
    expect(await second.reply.getAttribute('data-outcome')).toBe('answer');
    expect(await second.reply.textContent()).toContain('Fjordmobil-fondet');
    // The item has no page of its own: the customer gets no source link to a page that does not exist.
    expect(await second.reply.locator('[data-testid=sources]').count()).toBe(0);
    expect(await second.reply.locator('a[href*="/svar/"]').count()).toBe(0);
    // An agent taking the chat over sees the source as a Q&A item, not as a link.
    await widget(second.page).getByTestId('person').click();
    await agent.page.getByTestId('queue-item').first().getByTestId('claim').click();
    const source = agent.page.locator('[data-testid=chat]:not([hidden])').locator('[data-role=bot]').getByTestId('qa-source').first();
    await source.waitFor();
    expect(await source.textContent()).toBe(`Q&A item: ${QUESTION}`);
    expect(await agent.page.locator('[data-testid=chat]:not([hidden]) a[href*="/svar/"]').count()).toBe(0);

    // The playground shows why.
    await owner.page.getByTestId('section-playground').click();
    await owner.page.getByTestId('playground-question').fill('støtter dere idrettslag');
    await owner.page.getByTestId('playground-question').press('Enter');
    await expect.poll(() => owner.page.getByTestId('playground-result').textContent()).toMatch(/Answers · confidence \d\.\d\d/);
    for (const c of [first.context, second.context, agent.context, owner.context]) await c.close();
  }, 120_000);

  it('groups unanswered questions as gaps, and "write an answer" pre-fills a Q&A item the widget then answers', async () => {
    const asks = ['Har dere ledige stillinger?', 'Finnes det ledige stillinger hos dere?'];
    for (const q of asks) {
      const context = await live.browser.newContext();
      const page = await context.newPage();
      await page.goto(live.url + '/');
      await widget(page).getByTestId('launcher').click();
      await widget(page).getByTestId('input').fill(q);
      await widget(page).getByTestId('input').press('Enter');
      const reply = widget(page).locator('[data-role=bot]').first();
      await reply.waitFor();
      expect(await reply.getAttribute('data-outcome')).toBe('abstain');
      await context.close();
    }
    const owner = await signIn(live.browser, live.url, 'ola@fjordmobil.example');
    await owner.page.getByTestId('section-gaps').click();
    const gap = owner.page.getByTestId('gap').filter({ hasText: 'ledige stillinger' }).first();
    await gap.waitFor();
    expect(await gap.textContent()).toMatch(/2×/);
    await gap.getByRole('button', { name: 'Write an answer' }).click();
    const question = owner.page.getByTestId('qa-question').first();
    await expect.poll(() => question.inputValue()).toMatch(/ledige stillinger/);
    expect(await owner.page.getByTestId('qa-alternatives').first().inputValue()).toMatch(/ledige stillinger/);
    await owner.page.getByTestId('qa-answer').first().fill('Ledige stillinger lyser vi ut på fjordmobil.example/jobb, og du kan alltid sende en åpen søknad.');
    await owner.page.getByTestId('qa-save').first().click();
    await owner.page.getByTestId('qa-list').getByText(/ledige stillinger/).first().waitFor();

    const context = await live.browser.newContext();
    const page = await context.newPage();
    await page.goto(live.url + '/');
    await widget(page).getByTestId('launcher').click();
    await widget(page).getByTestId('input').fill('ledige stillinger?');
    await widget(page).getByTestId('input').press('Enter');
    const reply = widget(page).locator('[data-role=bot]').first();
    await reply.waitFor();
    expect(await reply.textContent()).toContain('åpen søknad');
    await context.close();
    await owner.context.close();
  }, 120_000);

  it('shows the closest page for a gap; "this page answers them" teaches it, and the widget then answers from that page', async () => {
    const asked = 'the little card in my phone is broken';
    const ask = async () => {
      const context = await live.browser.newContext();
      const page = await context.newPage();
      await page.goto(live.url + '/');
      await widget(page).getByTestId('launcher').click();
      await widget(page).getByTestId('input').fill(asked);
      await widget(page).getByTestId('input').press('Enter');
      const reply = widget(page).locator('[data-role=bot]').first();
      await reply.waitFor();
      const result = { outcome: await reply.getAttribute('data-outcome'), links: await reply.locator('a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href)) };
      await context.close();
      return result;
    };
    expect((await ask()).outcome).toBe('abstain');
    const owner = await signIn(live.browser, live.url, 'ola@fjordmobil.example');
    await owner.page.getByTestId('section-gaps').click();
    const gap = owner.page.getByTestId('gap').filter({ hasText: asked }).first();
    const closest = gap.getByTestId('closest');
    await closest.waitFor();
    const page = await closest.locator('a').getAttribute('href');
    await closest.getByTestId('teach-closest').click();
    await gap.getByTestId('answered-now').waitFor();
    const after = await ask();
    expect(after.outcome).toBe('answer');
    expect(after.links).toContain(page);
    await owner.context.close();
  }, 120_000);

  it('an owner links a Q&A item to a page on the site, and the widget cites that page', async () => {
    const owner = await signIn(live.browser, live.url, 'ola@fjordmobil.example');
    await owner.page.getByTestId('section-qa').click();
    const form = owner.page.locator('form.qa-form').first();
    await form.getByTestId('qa-question').fill('Selger dere gavekort?');
    await form.getByTestId('qa-answer').fill('Ja, gavekort på mobiler og tilbehør kjøper du i nettbutikken.');
    await form.getByTestId('qa-url').fill('https://evil.example/gavekort');
    await form.getByTestId('qa-save').click();
    await expect.poll(() => owner.page.locator('.notice').first().textContent()).toMatch(/^url: .*not a page of fjordmobil\.example/);
    await form.getByTestId('qa-url').fill('/mobil/ny-telefon');
    await form.getByTestId('qa-save').click();
    const row = owner.page.getByTestId('qa-list').locator('tr', { hasText: 'Selger dere gavekort?' });
    await row.waitFor();
    expect(await owner.page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
    expect(await row.getByTestId('qa-page').locator('a').getAttribute('href')).toBe('https://fjordmobil.example/mobil/ny-telefon');

    const context = await live.browser.newContext();
    const page = await context.newPage();
    await page.goto(live.url + '/');
    await widget(page).getByTestId('launcher').click();
    await widget(page).getByTestId('input').fill('selger dere gavekort');
    await widget(page).getByTestId('input').press('Enter');
    const reply = widget(page).locator('[data-role=bot]').first();
    await reply.waitFor();
    expect(await reply.textContent()).toContain('gavekort på mobiler');
    expect(await reply.locator('[data-testid=sources] a').first().getAttribute('href')).toBe('https://fjordmobil.example/mobil/ny-telefon');
    await context.close();
    await owner.context.close();
  }, 120_000);

  it('a double-clicked save is sent once: one Q&A item, one site, and the button says "Saving…" meanwhile', async () => {
    const owner = await signIn(live.browser, live.url, 'ola@fjordmobil.example');
    const posts: string[] = [];
    owner.page.on('request', (r) => {
      if (r.method() === 'POST' && /\/api\/knowledge\/bots\/demo\/(qa|sources)$/.test(r.url())) posts.push(new URL(r.url()).pathname);
    });
    await owner.page.getByTestId('section-qa').click();
    const form = owner.page.locator('form.qa-form').first();
    await form.getByTestId('qa-question').fill('Har dere studentrabatt?');
    await form.getByTestId('qa-answer').fill('Ja, studenter får 20 prosent rabatt på abonnementet med gyldig studentbevis.');
    await form.getByTestId('qa-save').dblclick();
    // Saving rebuilds the index (about a second): the button is busy meanwhile, then free again.
    await form.getByRole('button', { name: 'Saving…' }).waitFor();
    expect(await form.getByTestId('qa-save').isDisabled()).toBe(true);
    await form.getByRole('button', { name: 'Add Q&A item' }).waitFor();
    expect(await form.getByTestId('qa-save').isEnabled()).toBe(true);
    await owner.page.getByTestId('section-sources').click();
    await owner.page.getByTestId('section-qa').click();
    await owner.page.getByTestId('qa-list').waitFor();
    expect(await owner.page.getByTestId('qa-list').locator('tr', { hasText: 'Har dere studentrabatt?' }).count()).toBe(1);

    await owner.page.getByTestId('section-sources').click();
    await owner.page.getByTestId('source-url').fill('https://www.fjordmobil.example/hjelp/');
    await owner.page.getByRole('button', { name: 'Add site' }).dblclick();
    await owner.page.getByTestId('sources').getByText('https://www.fjordmobil.example/hjelp/').waitFor();
    await owner.page.getByRole('button', { name: 'Add site' }).waitFor();
    // A second add would have been refused as a duplicate, in the notice.
    expect(await owner.page.locator('.notice').first().textContent()).toBe('');
    expect(posts).toEqual(['/api/knowledge/bots/demo/qa', '/api/knowledge/bots/demo/sources']);
    await owner.context.close();
  }, 120_000);

  it('the badge by the bot picker follows new conversations, as Metrics and the badge API do', async () => {
    const owner = await signIn(live.browser, live.url, 'ola@fjordmobil.example');
    const badge = owner.page.getByTestId('owner-badge');
    const sample = async () => Number(/\((\d+) of \d+ conversations\)/.exec((await badge.textContent()) ?? '')?.[1]);
    await expect.poll(() => badge.textContent()).toMatch(/^In training/);
    const before = await sample();
    // A chat handed off to a person: decided at once (not resolved).
    const customer = await customerAsks(live.browser, live.url);
    await widget(customer.page).getByTestId('person').click();
    await expect
      .poll(async () => {
        await owner.page.getByTestId('section-gaps').click();
        await owner.page.getByTestId('section-metrics').click();
        await owner.page.getByTestId('resolution').waitFor();
        return sample();
      }, { timeout: 15_000 })
      .toBe(before + 1);
    const api = await owner.page.evaluate(async () => ((await (await fetch('/api/widget/demo/badge')).json()) as { sample: number }).sample);
    expect(api).toBe(before + 1);
    expect(await owner.page.getByTestId('resolution').textContent()).toContain(`${before + 1} conversation`);
    await customer.context.close();
    await owner.context.close();
  }, 120_000);
});

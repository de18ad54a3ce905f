import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { signInToConsole, startLiveServer, type LiveServer } from './harness.js';

let live: LiveServer;
beforeAll(async () => {
  live = await startLiveServer({ agents: [{ email: 'kari@fjordmobil.example', name: 'Kari' }] });
});
afterAll(async () => {
  await live?.close();
});

const widget = (page: Page) => page.locator('laerling-chat');
const texts = async (l: Locator) => (await l.allTextContents()).map((t) => t.trim());

async function ask(page: Page, text: string) {
  await widget(page).getByTestId('input').fill(text);
  await widget(page).getByTestId('input').press('Enter');
}

describe('handoff from widget to agent console (real Chromium, two browser contexts)', () => {
  it('customer asks, asks for a person; agent claims, sees everything, replies live, closes; customer rates', async () => {
    const customerContext = await live.browser.newContext();
    const customer = await customerContext.newPage();
    await customer.goto(live.url + '/');
    await widget(customer).getByTestId('launcher').click();
    await ask(customer, 'Hva koster det å bruke mobilen i USA?');
    await widget(customer).locator('[data-role=bot]').first().waitFor();
    await widget(customer).getByTestId('person').click();
    await expect.poll(() => widget(customer).getByTestId('queue').textContent()).toMatch(/Du er nummer 1 i køen/);
    // In the queue (and later with the agent) there is no second offer of a person.
    expect(await widget(customer).getByTestId('person').isVisible()).toBe(false);
    // Nobody is signed in yet: no wait is promised, and the customer may leave an e-mail instead.
    expect(await widget(customer).getByTestId('queue').textContent()).toMatch(/Ingen rådgivere er pålogget/);
    await widget(customer).getByTestId('email').fill('kunde@example.com');
    await widget(customer).getByTestId('email').press('Enter');
    await expect.poll(() => widget(customer).getByTestId('queue').textContent()).not.toMatch(/Ingen rådgivere/);

    const agentContext = await live.browser.newContext();
    const agent = await agentContext.newPage();
    await signInToConsole(agent, live.url, 'kari@fjordmobil.example');
    const item = agent.getByTestId('queue-item').first();
    await item.waitFor();
    expect(await item.textContent()).toMatch(/Pressed "talk to a person"/);
    await expect.poll(() => agent.title()).toBe('(1) Lærling console');
    await item.getByTestId('claim').click();

    const chat = agent.locator('[data-testid=chat]:not([hidden])');
    await chat.getByTestId('transcript').locator('[data-role=bot]').first().waitFor();
    expect(await chat.getByTestId('transcript').textContent()).toMatch(/USA/);
    expect(await chat.getByTestId('transcript').locator('[data-role=bot]').first().textContent()).toMatch(/confidence \d\.\d\d/);
    expect(await chat.getByTestId('reason').textContent()).toMatch(/talk to a person/);
    expect(await chat.getByTestId('summary').textContent()).toMatch(/USA/);
    expect(await chat.getByTestId('reply-by-email').getAttribute('href')).toMatch(/^mailto:kunde@example\.com\?subject=Re%3A%20Hva%20koster/);
    await chat.getByTestId('suggestion').waitFor();
    await chat.getByTestId('insert').click();
    expect((await chat.getByTestId('reply').inputValue()).length).toBeGreaterThan(10);
    await chat.getByTestId('reply').fill('Hei! I USA koster data 49 kr per dag. <img src=x onerror=alert(1)>');
    await chat.getByTestId('send').click();

    // Live on the customer's side, as text.
    const agentMessage = widget(customer).locator('[data-role=agent]').first();
    await agentMessage.waitFor();
    expect(await agentMessage.textContent()).toContain('<img src=x onerror=alert(1)>');
    expect(await widget(customer).locator('img[src=x]').count()).toBe(0);
    expect(await widget(customer).getByTestId('with-agent').textContent()).toMatch(/Kari/);

    // Customer typing shows in the console.
    await widget(customer).getByTestId('input').pressSequentially('takk', { delay: 20 });
    await expect.poll(() => chat.getByTestId('customer-typing').textContent()).toMatch(/typing/);
    await widget(customer).getByTestId('input').fill('');

    // A dropped connection: the agent writes while the customer is offline; nothing is lost or doubled.
    await customerContext.setOffline(true);
    live.dropConnections();
    await ask(customer, 'Er det samme pris i Canada?');
    await chat.getByTestId('reply').waitFor();
    await chat.getByTestId('reply').fill('Canada har samme pris.');
    await chat.getByTestId('send').click();
    await chat.getByTestId('transcript').getByText('Canada har samme pris.').waitFor();
    await customerContext.setOffline(false);
    await widget(customer).locator('[data-role=agent]').nth(1).waitFor({ timeout: 20_000 });
    await widget(customer).locator('[data-role=customer]').nth(1).waitFor({ timeout: 20_000 });
    await chat.getByTestId('transcript').getByText('Er det samme pris i Canada?').waitFor();
    const seqs = await widget(customer).locator('[data-testid=message]').evaluateAll((els) => els.map((e) => e.getAttribute('data-seq')));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(await texts(widget(customer).locator('[data-role=customer]'))).toHaveLength(2);
    expect(await widget(customer).getByTestId('pending').count()).toBe(0);

    // Close with "teach the bot"; the customer is asked for a rating and gives 8.
    await chat.getByTestId('teach').check();
    await chat.getByTestId('close').click();
    const rating = widget(customer).getByTestId('rating');
    await rating.waitFor();
    await rating.locator('[data-score="8"]').click();
    await rating.getByRole('button', { name: 'Send vurdering' }).click();
    await widget(customer).getByTestId('rated').waitFor();
    // Closed: a new question may need a person again.
    expect(await widget(customer).getByTestId('person').isVisible()).toBe(true);
    const stored = await live.db.selectFrom('ratings').select('score').executeTakeFirstOrThrow();
    expect(stored.score).toBe(8);
    const suggestion = await live.db.selectFrom('knowledge_suggestions').selectAll().executeTakeFirstOrThrow();
    expect(suggestion.question).toMatch(/USA/);
    expect(suggestion.answer).toMatch(/49 kr/);

    // A reload keeps the whole conversation.
    const count = await widget(customer).locator('[data-testid=message]').count();
    await customer.reload();
    await widget(customer).locator('[data-testid=message]').nth(count - 1).waitFor();
    expect(await widget(customer).locator('[data-testid=message]').count()).toBe(count);
    await customerContext.close();
    await agentContext.close();
  }, 120_000);

  it('shows one chat at a time when an agent has several open, also after a reload', async () => {
    for (const question of ['Selger dere gavekort?', 'Har dere fasttelefon?']) {
      const customer = await (await live.browser.newContext()).newPage();
      await customer.goto(live.url + '/');
      await widget(customer).getByTestId('launcher').click();
      await ask(customer, question);
      await widget(customer).locator('[data-role=bot]').first().waitFor();
      await widget(customer).getByTestId('person').click();
      await expect.poll(() => widget(customer).getByTestId('queue').textContent()).toMatch(/i køen/);
    }
    const agent = await (await live.browser.newContext()).newPage();
    await signInToConsole(agent, live.url, 'kari@fjordmobil.example');
    for (let i = 0; i < 2; i++) {
      await agent.getByTestId('queue-item').first().getByTestId('claim').click();
      await expect.poll(() => agent.getByRole('tab').count()).toBe(i + 1);
    }
    const visibleChats = () => agent.getByTestId('chat').evaluateAll((els) => els.filter((e) => e.getBoundingClientRect().height > 0).length);
    expect(await visibleChats()).toBe(1);
    await agent.reload();
    await expect.poll(() => agent.getByRole('tab').count()).toBe(2);
    expect(await visibleChats()).toBe(1);
    await agent.getByRole('tab').nth(1).click();
    expect(await visibleChats()).toBe(1);
    expect(await agent.locator('[data-testid=chat]:not([hidden])').getByTestId('transcript').textContent()).toMatch(/fasttelefon|gavekort/);
  });
});

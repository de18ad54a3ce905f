import { describe, expect, it } from 'vitest';
import { GAPS_PER_NETWORK, gapQuestions } from '../../src/learning/gap-questions.js';
import { chatApp, widgetClient, type ChatApp } from '../fixtures/chat-app.js';

const unanswerable = (i: number) => `hvordan dyrker jeg tomater sort ${i} på balkongen`;

// One question per conversation: after two abstentions in a row the bot hands over.
async function ask(t: ChatApp, address: string, question: string): Promise<void> {
  const w = widgetClient(t, { 'x-forwarded-for': address });
  await w.start();
  expect((await w.send(question, 'q')).body.reply?.outcome).toBe('abstain');
}

describe('gapQuestions', () => {
  it("keeps one network's latest few gaps, so a script cannot fill the owner's view", async () => {
    const t = await chatApp({ trustProxy: 1 });
    const flood = Array.from({ length: GAPS_PER_NETWORK + 5 }, (_, i) => unanswerable(i));
    for (const question of flood) {
      await ask(t, '203.0.113.9', question);
      t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    }
    await ask(t, '198.51.100.4', 'hvordan dyrker jeg agurk i drivhus');
    const gaps = await gapQuestions(t.db, 'test', new Date(0));
    expect(gaps).toHaveLength(GAPS_PER_NETWORK + 1);
    expect(gaps.map((g) => g.text)).toContain('hvordan dyrker jeg agurk i drivhus');
    // The latest of the flood are kept: the earliest five are the ones left out.
    for (const early of flood.slice(0, 5)) expect(gaps.map((g) => g.text)).not.toContain(early);
  });
});

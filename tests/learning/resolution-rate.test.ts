import { describe, expect, it } from 'vitest';
import { classifyConversation, resolutionStats, type ConversationFacts } from '../../src/learning/resolution-rate.js';
import { chatApp, widgetClient, type ChatApp } from '../fixtures/chat-app.js';

const base: ConversationFacts = { customerQuestions: 1, handedOff: false, anyHelpful: false, anyNotHelpful: false, rating: null, lastBotOutcome: 'answer', lastActivity: 0 };
const MIN = 60_000;

describe('classifyConversation (PRODUCT.md definitions)', () => {
  it('confirms on "helped" or a rating ≥ 7 without a handoff', () => {
    expect(classifyConversation({ ...base, anyHelpful: true }, 1)).toBe('confirmed');
    expect(classifyConversation({ ...base, rating: 7 }, 1)).toBe('confirmed');
    expect(classifyConversation({ ...base, rating: 6 }, 1)).toBe('not-resolved');
    expect(classifyConversation({ ...base, anyHelpful: true, handedOff: true }, 1)).toBe('not-resolved');
  });
  it('assumes after 30 minutes of silence after an answer, never after an abstention or negative feedback', () => {
    expect(classifyConversation(base, 29 * MIN)).toBe('pending');
    expect(classifyConversation(base, 30 * MIN)).toBe('assumed');
    expect(classifyConversation({ ...base, lastBotOutcome: 'abstain' }, 30 * MIN)).toBe('not-resolved');
    expect(classifyConversation({ ...base, anyNotHelpful: true }, 30 * MIN)).toBe('not-resolved');
  });
  it('counts a rating ≤ 6 as negative feedback: not resolved, even after "that helped"', () => {
    expect(classifyConversation({ ...base, rating: 3 }, 30 * MIN)).toBe('not-resolved');
    expect(classifyConversation({ ...base, rating: 6, anyHelpful: true }, 1)).toBe('not-resolved');
    expect(classifyConversation({ ...base, rating: 0, lastBotOutcome: 'abstain' }, 1)).toBe('not-resolved');
  });
  it('ignores conversations without a customer question', () => {
    expect(classifyConversation({ ...base, customerQuestions: 0 }, 60 * MIN)).toBeNull();
  });
});

/** One answered question with the customer's verdicts on that answer, in order. */
async function answeredWithVerdicts(t: ChatApp, verdicts: boolean[]) {
  const w = widgetClient(t);
  await w.start();
  const reply = (await w.send('Hvor finner jeg PUK-koden?', 'q')).body.reply;
  expect(reply.outcome).toBe('answer');
  for (const helpful of verdicts) expect((await w.call('POST', '/feedback', { seq: reply.seq, helpful })).status).toBe(200);
}

describe('resolutionStats from stored events', () => {
  it('counts the latest verdict on an answer: "yes" then "no" is not confirmed, "no" then "yes" is', async () => {
    const t = await chatApp();
    await answeredWithVerdicts(t, [true, false]);
    expect(await resolutionStats(t.db, 'test', t.clock.now, 30)).toMatchObject({ confirmed: 0, notResolved: 1 });
    await answeredWithVerdicts(t, [false, true]);
    expect(await resolutionStats(t.db, 'test', t.clock.now, 30)).toMatchObject({ confirmed: 1, notResolved: 1, sample: 2 });
  });

  it('does not assume a resolution of an answered chat rated low, and a later rating replaces it', async () => {
    const t = await chatApp();
    const w = widgetClient(t);
    await w.start();
    expect((await w.send('Hvor finner jeg PUK-koden?', 'q')).body.reply.outcome).toBe('answer');
    expect((await w.call('POST', '/rating', { score: 3, comment: 'Fikk ikke svar' })).status).toBe(200);
    const quiet = new Date(t.clock.now.getTime() + 31 * MIN);
    expect(await resolutionStats(t.db, 'test', quiet, 30)).toMatchObject({ confirmed: 0, assumed: 0, notResolved: 1 });
    expect((await w.call('POST', '/rating', { score: 9 })).status).toBe(200);
    expect(await resolutionStats(t.db, 'test', quiet, 30)).toMatchObject({ confirmed: 1, notResolved: 0 });
  });
});

import { describe, expect, it } from 'vitest';
import { gapQuestions } from '../../src/learning/gap-questions.js';
import { MESSAGES } from '../../src/answer/messages.js';
import { chatApp, widgetClient } from '../fixtures/chat-app.js';

describe('follow-up questions in a chat', () => {
  it('answers "hva koster det?" about the question before it, and learns it with that question', async () => {
    const t = await chatApp();
    const w = widgetClient(t);
    await w.start();
    const first = (await w.send('Kan jeg surfe med mobilen utenfor EU?', 'q1')).body.reply;
    expect(first).toMatchObject({ outcome: 'answer', sources: [{ url: 'https://test.example/mobil/roaming' }] });
    expect((await w.send('Tusen takk!', 'q2')).body.reply.outcome).toBeUndefined();
    const next = (await w.send('hva koster det?', 'q3')).body.reply;
    expect(next).toMatchObject({ outcome: 'answer', sources: [{ url: 'https://test.example/mobil/roaming' }] });
    expect(next.text).toContain('49 kroner');
    // The widget sees the reply, not what the bot searched.
    expect(next.asked).toBeUndefined();

    expect((await w.call('POST', '/feedback', { seq: next.seq, helpful: true })).status).toBe(200);
    const learned = await t.db.selectFrom('learned_phrasings').select(['question', 'url']).orderBy('id').execute();
    expect(learned.map((l) => l.question)).toContain('Kan jeg surfe med mobilen utenfor EU? hva koster det?');
    expect(learned.map((l) => l.question)).not.toContain('hva koster det?');
  });

  it('quotes what the follow-up asks from the pages its topic found: "og på cruiseskip?" gets the cruise sentence', async () => {
    const t = await chatApp();
    const w = widgetClient(t);
    await w.start();
    expect((await w.send('Kan jeg surfe med mobilen utenfor EU?', 'q1')).body.reply.text).toContain('49 kroner');
    const next = (await w.send('og på cruiseskip?', 'q2')).body.reply;
    expect(next).toMatchObject({ outcome: 'answer', sources: [{ url: 'https://test.example/mobil/roaming' }] });
    expect(next.text).toMatch(/^På fly og cruiseskip gjelder egne satellittpriser/);
  });

  it('asks what a follow-up is about when it opens the chat, and a gap after a topic keeps that topic', async () => {
    const t = await chatApp();
    const w = widgetClient(t);
    await w.start();
    expect((await w.send('hva koster det?', 'q1')).body.reply).toMatchObject({ outcome: 'abstain', text: MESSAGES.nb.unclear });

    const u = widgetClient(t);
    await u.start();
    expect((await u.send('Kan jeg ta med hunden i butikken?', 'q1')).body.reply.outcome).toBe('abstain');
    expect((await u.send('hva koster det?', 'q2')).body.reply.outcome).toBe('abstain');
    const gaps = (await gapQuestions(t.db, 'test', new Date(0))).map((g) => g.text);
    expect(gaps).toContain('Kan jeg ta med hunden i butikken? hva koster det?');
  });

  it('answers the unclear follow-up once told what it is about; asking is no abstention towards a handoff', async () => {
    const t = await chatApp();
    const w = widgetClient(t);
    await w.start();
    expect((await w.send('hva koster det?', 'q1')).body.reply.text).toBe(MESSAGES.nb.unclear);
    const told = (await w.send('data utenfor EU', 'q2')).body;
    expect(told.reply).toMatchObject({ outcome: 'answer', sources: [{ url: 'https://test.example/mobil/roaming' }] });
    expect(told.reply.text).toContain('49 kroner');

    const u = widgetClient(t);
    await u.start();
    expect((await u.send('er det gratis?', 'q1')).body.reply.text).toBe(MESSAGES.nb.unclear);
    expect((await u.send('hvordan dyrker jeg tomater på balkongen', 'q2')).body.state.status).toBe('bot');
  });

  it('abstains on a continuation no page names ("og i Japan?"), instead of answering the topic again', async () => {
    const t = await chatApp();
    const w = widgetClient(t);
    await w.start();
    expect((await w.send('Kan jeg surfe med mobilen utenfor EU?', 'q1')).body.reply.outcome).toBe('answer');
    expect((await w.send('og i Japan?', 'q2')).body.reply.outcome).toBe('abstain');
  });
});

import { describe, expect, it } from 'vitest';
import { ownerMetrics } from '../../src/learning/owner-metrics.js';
import { chatApp, TUESDAY_MORNING, widgetClient, type ChatApp } from '../fixtures/chat-app.js';

const DAY = 86_400_000;

async function askAt(t: ChatApp, at: Date) {
  t.clock.now = at;
  const w = widgetClient(t);
  await w.start();
  expect((await w.send('Hvor finner jeg PUK-koden?', 'q')).body.reply.outcome).toBe('answer');
}

describe('ownerMetrics daily chart', () => {
  it('covers exactly the window the headline counts, partial first day included, in days of the bot\'s timezone', async () => {
    const t = await chatApp();
    await askAt(t, new Date(TUESDAY_MORNING.getTime() - 29.95 * DAY));
    // 00:30 on Tuesday in Oslo, still Monday in UTC.
    await askAt(t, new Date('2026-11-23T23:30:00Z'));
    await askAt(t, TUESDAY_MORNING);

    const m = await ownerMetrics(t.db, 'test', TUESDAY_MORNING, { windowDays: 30, timeZone: 'Europe/Oslo' });
    expect(m.resolution).toMatchObject({ sample: 2, pending: 1 });
    const sum = (key: 'conversations' | 'sample' | 'pending') => m.daily.reduce((s, d) => s + d[key], 0);
    expect([sum('conversations'), sum('sample'), sum('pending')]).toEqual([3, 2, 1]);
    expect(m.daily).toHaveLength(31);
    expect(m.daily[0]).toMatchObject({ date: '2026-10-25', conversations: 1 });
    expect(m.daily.at(-1)).toMatchObject({ date: '2026-11-24', conversations: 2 });
    expect(new Set(m.daily.map((d) => d.date)).size).toBe(31);
  });
});

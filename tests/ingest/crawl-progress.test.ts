import { describe, expect, it } from 'vitest';
import { createProgressLine, type CrawlProgress } from '../../src/ingest/crawl-progress.js';

const snapshot = (indexed: number): CrawlProgress => ({
  indexed,
  unchanged: 0,
  skipped: 1,
  failed: 2,
  queued: 3,
  inFlight: 1,
  elapsedMs: 2000,
  pagesPerSecond: indexed / 2,
});

function fakeOut(isTTY: boolean) {
  const written: string[] = [];
  return { out: { isTTY, write: (text: string) => written.push(text) }, written };
}

describe('createProgressLine', () => {
  it('redraws one line with \\r on a TTY and ends it when done', () => {
    const { out, written } = fakeOut(true);
    let now = 0;
    const line = createProgressLine(out, { now: () => now });
    line.update(snapshot(1));
    now = 500;
    line.update(snapshot(4));
    line.done();
    expect(written[0]).toBe('\rcrawl: 1 done (0 unchanged), 4 queued, 1 skipped, 2 failed, 0.5 pages/s\x1b[K');
    expect(written[1]).toMatch(/^\rcrawl: 4 done/);
    expect(written.at(-1)).toBe('\n');
    expect(written.join('')).not.toMatch(/\n.*\n/s);
  });

  it('prints whole lines every few seconds when not on a TTY, and the final state at the end', () => {
    const { out, written } = fakeOut(false);
    let now = 0;
    const line = createProgressLine(out, { now: () => now, logEveryMs: 5000 });
    line.update(snapshot(1));
    now = 1000;
    line.update(snapshot(2));
    now = 6000;
    line.update(snapshot(3));
    line.update(snapshot(4));
    line.done();
    expect(written.map((w) => w.match(/crawl: (\d+) done/)?.[1])).toEqual(['1', '3', '4']);
    expect(written.every((w) => w.endsWith('\n') && !w.includes('\r'))).toBe(true);
  });
});

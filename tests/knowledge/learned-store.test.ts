import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appendLearned, readLearned, removeLearned } from '../../src/knowledge/learned-store.js';

const pair = (question: string) => ({ question, url: 'https://t.no/a', learnedAt: '2026-11-26T10:00:00.000Z' });

describe('learned-store', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('keeps a line appended while a removal is rewriting the file', async () => {
    dir = await mkdtemp(join(tmpdir(), 'laerling-learned-'));
    await appendLearned(dir, [pair('one'), pair('two')]);
    let appending: Promise<number> | undefined;
    // The drop callback runs after the removal read the file and before it renames the new one
    // into place: the moment a concurrent writer (`laerling learn` beside `serve`) would be lost.
    const removed = await removeLearned(dir, (item) => {
      appending ??= appendLearned(dir!, [pair('three')]);
      return item.question === 'one';
    });
    await appending;
    expect(removed).toBe(1);
    expect((await readLearned(dir)).map((i) => i.question)).toEqual(['two', 'three']);
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LaerlingError } from '../../src/errors.js';
import { VectorIndex } from '../../src/retrieval/vector-index.js';

const unit = (v: number[]) => {
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
};

describe('VectorIndex', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('returns cosine similarities (1 − distance), best first', () => {
    const index = VectorIndex.create(3);
    index.add(0, unit([1, 0, 0]));
    index.add(1, unit([0, 1, 0]));
    index.add(2, unit([-1, 0, 0]));
    index.add(3, unit([1, 1, 0]));
    const found = index.search(unit([1, 0, 0]), 4);
    expect(found.map((m) => m.label)).toEqual([0, 3, 1, 2]);
    expect(found[0]!.similarity).toBeCloseTo(1, 5);
    expect(found[1]!.similarity).toBeCloseTo(Math.SQRT1_2, 5);
    expect(found[2]!.similarity).toBeCloseTo(0, 5);
    expect(found[3]!.similarity).toBeCloseTo(-1, 5);
  });

  it('handles k larger than the index, and an empty index', () => {
    const index = VectorIndex.create(2);
    expect(index.search([1, 0], 5)).toEqual([]);
    index.add(7, [1, 0]);
    expect(index.search([1, 0], 5).map((m) => m.label)).toEqual([7]);
  });

  it('grows past its initial capacity and can return more neighbours than ef', () => {
    const index = VectorIndex.create(4, { ef: 10, capacity: 1 });
    for (let i = 0; i < 200; i++) index.add(i, unit([Math.cos(i), Math.sin(i), 1, i / 200]));
    expect(index.size).toBe(200);
    expect(index.search(unit([1, 0, 1, 0]), 150)).toHaveLength(150);
    expect(index.getEf()).toBe(10);
  });

  it('keeps ef and results across save and load', async () => {
    dir = await mkdtemp(join(tmpdir(), 'vec-'));
    const index = VectorIndex.create(3, { ef: 33 });
    [[1, 0, 0], [0, 1, 0], [0.5, 0.5, 0.7]].forEach((v, i) => index.add(i, unit(v)));
    await index.save(join(dir, 'v.hnsw'));
    const loaded = await VectorIndex.load(join(dir, 'v.hnsw'), 3, { ef: 33 });
    expect(loaded.getEf()).toBe(33);
    expect(loaded.search(unit([1, 0.2, 0]), 3)).toEqual(index.search(unit([1, 0.2, 0]), 3));
  });

  it('accepts vectors after saving and loading an empty index', async () => {
    // A bot with no learned phrasings yet saves an empty phrasing index; the first `learn` adds to it.
    dir = await mkdtemp(join(tmpdir(), 'vec-'));
    await VectorIndex.create(3).save(join(dir, 'empty.hnsw'));
    const loaded = await VectorIndex.load(join(dir, 'empty.hnsw'), 3);
    loaded.add(0, unit([1, 0, 0]));
    expect(loaded.search(unit([1, 0, 0]), 1)[0]?.label).toBe(0);
  });

  it('reports an unreadable file as INDEX_CORRUPT', async () => {
    dir = await mkdtemp(join(tmpdir(), 'vec-'));
    await writeFile(join(dir, 'bad.hnsw'), 'not an index');
    await expect(VectorIndex.load(join(dir, 'bad.hnsw'), 3)).rejects.toMatchObject({ code: 'INDEX_CORRUPT' });
    await expect(VectorIndex.load(join(dir, 'missing.hnsw'), 3)).rejects.toBeInstanceOf(LaerlingError);
  });
});

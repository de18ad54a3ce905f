import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Chunk } from '../../src/ingest/types.js';
import { indexDir, loadCurrent, writeIndex } from '../../src/retrieval/index-store.js';
import { KnowledgeIndex } from '../../src/retrieval/knowledge-index.js';
import { OfflineEmbeddings } from '../../src/retrieval/offline-embeddings.js';

const chunk = (url: string, title: string, text: string): Chunk => ({ id: url, url, title, headingPath: [title], text, lang: 'nb', kind: 'page' });
const build = (chunks: Chunk[]) => KnowledgeIndex.build({ chunks, embeddings: new OfflineEmbeddings() });
const generations = async (botDir: string) => (await readdir(indexDir(botDir))).filter((n) => n.startsWith('gen-')).sort();

describe('index-store', () => {
  let botDir: string;
  beforeEach(async () => {
    botDir = await mkdtemp(join(tmpdir(), 'bot-'));
  });
  afterEach(async () => {
    await rm(botDir, { recursive: true, force: true });
  });

  it('reports INDEX_MISSING before anything was written', async () => {
    await expect(loadCurrent(botDir, new OfflineEmbeddings())).rejects.toMatchObject({ code: 'INDEX_MISSING' });
  });

  it('swaps generations, keeps extra beside its index, and keeps only the previous generation', async () => {
    const first = await writeIndex(botDir, await build([chunk('https://a.no/1', 'Faktura', 'betale faktura')]), { pages: [{ url: 'https://a.no/1', etag: '"1"' }] });
    const second = await writeIndex(botDir, await build([chunk('https://a.no/2', 'Roaming', 'mobil i utlandet')]), { pages: [{ url: 'https://a.no/2' }] });
    const live = await loadCurrent(botDir, new OfflineEmbeddings());
    expect(live.generation).toBe(second.generation);
    expect(live.index.pageUrls()).toEqual(['https://a.no/2']);
    expect(live.extra).toEqual({ pages: [{ url: 'https://a.no/2' }] });
    expect(await generations(botDir)).toEqual([first.generation, second.generation].sort());

    const third = await writeIndex(botDir, await build([chunk('https://a.no/3', 'PUK', 'puk kode')]));
    expect(await generations(botDir)).toEqual([second.generation, third.generation].sort());
    expect((await loadCurrent(botDir, new OfflineEmbeddings())).extra).toBeUndefined();
  });

  it('leaves the live index untouched when a build crashes half-way', async () => {
    const good = await writeIndex(botDir, await build([chunk('https://a.no/1', 'Faktura', 'betale faktura')]));
    const crashing = {
      async save(dir: string) {
        await writeFile(join(dir, 'manifest.json'), '{"half": true}');
        await writeFile(join(dir, 'chunks.json'), '[');
        throw new Error('disk full');
      },
    };
    await expect(writeIndex(botDir, crashing, { pages: [] })).rejects.toThrow('disk full');
    const live = await loadCurrent(botDir, new OfflineEmbeddings());
    expect(live.generation).toBe(good.generation);
    expect((await live.index.search('faktura'))[0]?.url).toBe('https://a.no/1');
    expect(await generations(botDir)).toEqual([good.generation]);
    expect((await readFile(join(indexDir(botDir), 'CURRENT'), 'utf8')).trim()).toBe(good.generation);
  });

  it('ignores a generation left behind by a killed process and cleans it up on the next write', async () => {
    await writeIndex(botDir, await build([chunk('https://a.no/1', 'Faktura', 'betale faktura')]));
    const orphan = join(indexDir(botDir), 'gen-1-dead');
    await mkdir(orphan);
    await writeFile(join(orphan, 'chunks.json'), '[');
    expect((await loadCurrent(botDir, new OfflineEmbeddings())).index.pageUrls()).toEqual(['https://a.no/1']);
    await writeIndex(botDir, await build([chunk('https://a.no/2', 'Roaming', 'utlandet')]));
    expect(await generations(botDir)).not.toContain('gen-1-dead');
  });

  it('falls back to the generation before a damaged live one, and says what to do when none loads', async () => {
    const first = await writeIndex(botDir, await build([chunk('https://a.no/1', 'Faktura', 'betale faktura')]));
    const second = await writeIndex(botDir, await build([chunk('https://a.no/2', 'Roaming', 'mobil i utlandet')]));
    await writeFile(join(indexDir(botDir), second.generation, 'lexical.json'), 'garbage');
    const live = await loadCurrent(botDir, new OfflineEmbeddings());
    expect(live.generation).toBe(first.generation);
    expect(live.index.pageUrls()).toEqual(['https://a.no/1']);
    expect(live.damaged).toContain(`index ${second.generation} is damaged`);

    await writeFile(join(indexDir(botDir), first.generation, 'chunks.json'), '[');
    const err = await loadCurrent(botDir, new OfflineEmbeddings()).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'INDEX_CORRUPT' });
    expect((err as Error).message).toContain(`remove ${indexDir(botDir)}`);
  });

  it('reports a damaged CURRENT pointer as INDEX_CORRUPT', async () => {
    await mkdir(indexDir(botDir), { recursive: true });
    await writeFile(join(indexDir(botDir), 'CURRENT'), '../../etc');
    await expect(loadCurrent(botDir, new OfflineEmbeddings())).rejects.toMatchObject({ code: 'INDEX_CORRUPT' });
  });
});

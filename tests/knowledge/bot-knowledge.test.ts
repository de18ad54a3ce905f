import { join } from 'node:path';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadConfig, selectBot } from '../../src/config/bot-config.js';
import { BotKnowledge, SAVE_EVERY } from '../../src/knowledge/bot-knowledge.js';
import { buildBotIndex, loadLiveIndex } from '../../src/knowledge/build-bot-index.js';
import { OfflineEmbeddings } from '../../src/retrieval/offline-embeddings.js';
import { tinyBotDataDir } from '../fixtures/tiny-bot.js';

/** Questions of the saved index generation, as a process opening it would load them before catching up. */
async function savedPhrasings(dataDir: string): Promise<string[]> {
  return (await loadLiveIndex(dataDir, 'test', new OfflineEmbeddings()))!.index.learnedPhrasings().map((l) => l.question);
}

async function open(dataDir: string) {
  const bot = selectBot(await loadConfig(dataDir));
  return BotKnowledge.open(bot, dataDir, new OfflineEmbeddings());
}

describe('BotKnowledge', () => {
  it('picks up edited knowledge files while running, and rebuilds only when they changed', async () => {
    const dataDir = await tinyBotDataDir();
    const knowledge = await open(dataDir);
    const built = knowledge.extra.builtAt;
    await knowledge.syncKnowledgeFiles();
    expect(knowledge.extra.builtAt).toBe(built);

    await writeFile(join(dataDir, 'kb', 'gavekort.md'), '---\ntitle: Gavekort\nurl: /gavekort\n---\n# Gavekort\n\nGavekort kjøper du i alle butikkene våre, fra 100 kroner.\n');
    await knowledge.syncKnowledgeFiles();
    expect((await knowledge.index.search('kjøpe gavekort'))[0]!.url).toBe('https://test.example/gavekort');
    const rebuilt = knowledge.extra.builtAt;
    await knowledge.syncKnowledgeFiles();
    expect(knowledge.extra.builtAt).toBe(rebuilt);
  });

  it('tells whoever opens the bot which knowledge files were left out, and keeps the rest', async () => {
    const dataDir = await tinyBotDataDir();
    await writeFile(join(dataDir, 'kb', 'broken.md'), '---\ntitle:\n---\nNo title.\n');
    // Without front matter a page has no url to link, so it is reported rather than given an invented one.
    await writeFile(join(dataDir, 'kb', 'nofm.md'), '# Gavekort\n\nGavekort kjøper du i alle butikkene.\n');
    const bot = selectBot(await loadConfig(dataDir));
    for (let run = 0; run < 2; run++) {
      // Built on the first open, loaded on the second: both say it.
      const lines: string[] = [];
      const knowledge = await BotKnowledge.open(bot, dataDir, new OfflineEmbeddings(), { log: (l) => lines.push(l) });
      expect(lines.filter((l) => l.includes('broken.md'))).toHaveLength(1);
      expect(lines.filter((l) => l.includes('nofm.md: no front matter'))).toHaveLength(1);
      expect(knowledge.extra.warnings).toEqual([expect.stringContaining('broken.md'), expect.stringContaining('nofm.md: no front matter')]);
      expect(knowledge.index.pageUrls()).not.toContain('https://test.example/nofm');
      expect((await knowledge.index.search('PUK-koden'))[0]!.url).toBe('https://test.example/mobil/puk');
    }
  });

  it('rebuilds a damaged live index from the generation before it, keeping what changed since', async () => {
    const dataDir = await tinyBotDataDir();
    const first = await open(dataDir);
    const item = { id: 'gavekort', question: 'Selger dere gavekort?', alternatives: [], answer: 'Ja, i alle butikkene.', createdBy: 'owner@test.example', createdAt: '2026-11-01T10:00:00Z', updatedAt: '2026-11-01T10:00:00Z' };
    await first.changeOwnerQa((items) => ({ items: [...items, item], result: undefined }));
    const botDirectory = join(dataDir, 'bots', 'test');
    const live = (await readFile(join(botDirectory, 'index', 'CURRENT'), 'utf8')).trim();
    await writeFile(join(botDirectory, 'index', live, 'lexical.json'), 'garbage');

    const lines: string[] = [];
    const bot = selectBot(await loadConfig(dataDir));
    const second = await BotKnowledge.open(bot, dataDir, new OfflineEmbeddings(), { log: (l) => lines.push(l) });
    expect(lines.join('\n')).toMatch(/is damaged .*rebuilding from the generation before it/);
    // The generation before did not have the owner's item; the rebuild reads it again.
    expect((await second.index.search('selger dere gavekort'))[0]!.url).toContain('gavekort');
    expect((await readFile(join(botDirectory, 'index', 'CURRENT'), 'utf8')).trim()).not.toBe(live);
  });

  it('keeps what was learned across a restart without rewriting the index for each phrasing', async () => {
    const dataDir = await tinyBotDataDir();
    const first = await open(dataDir);
    const generation = (await loadLiveIndex(dataDir, 'test', new OfflineEmbeddings()))!.extra.builtAt;
    await first.learn([{ question: 'mobilen ber om en åttesifret kode', url: 'https://test.example/mobil/puk' }]);
    expect(first.index.learnedPhrasings().map((l) => l.question)).toEqual(['mobilen ber om en åttesifret kode']);
    // No new generation was written ...
    expect(await savedPhrasings(dataDir)).toEqual([]);
    expect((await loadLiveIndex(dataDir, 'test', new OfflineEmbeddings()))!.extra.builtAt).toBe(generation);
    // ... yet a restarted process has it.
    const second = await open(dataDir);
    expect(second.index.learnedPhrasings().map((l) => l.question)).toEqual(['mobilen ber om en åttesifret kode']);
    expect((await second.index.search('ber om en åttesifret kode'))[0]!.url).toBe('https://test.example/mobil/puk');
  });

  it('rebuilds when learned.jsonl lacks a phrasing the index holds (a removal cut short)', async () => {
    const dataDir = await tinyBotDataDir();
    const k = await open(dataDir);
    await k.learn([{ question: 'åttesifret kode', url: 'https://test.example/mobil/puk' }], { save: true });
    expect(await savedPhrasings(dataDir)).toEqual(['åttesifret kode']);
    const file = join(dataDir, 'bots', 'test', 'learned.jsonl');
    await writeFile(file, '');
    const reopened = await open(dataDir);
    expect(reopened.index.learnedPhrasings()).toEqual([]);
    await appendFile(file, JSON.stringify({ question: 'reiser til Spania', url: 'https://test.example/mobil/roaming', learnedAt: 'x' }) + '\n');
    expect((await open(dataDir)).index.learnedPhrasings().map((l) => l.question)).toEqual(['reiser til Spania']);
  });

  it('saves a new generation every SAVE_EVERY learned phrasings, so replay on open stays short', async () => {
    const dataDir = await tinyBotDataDir();
    const k = await open(dataDir);
    const items = Array.from({ length: SAVE_EVERY - 1 }, (_, i) => ({ question: `spørsmål ${i} om koden`, url: 'https://test.example/mobil/puk' }));
    await k.learn(items);
    expect(await savedPhrasings(dataDir)).toHaveLength(0);
    await k.learn([{ question: 'det siste spørsmålet', url: 'https://test.example/mobil/puk' }]);
    expect(await savedPhrasings(dataDir)).toHaveLength(SAVE_EVERY);
  });

  it('stamps what it learns with its own clock, as a test or a replay sets it', async () => {
    const dataDir = await tinyBotDataDir();
    const at = new Date('2026-11-24T10:00:00Z');
    const knowledge = await BotKnowledge.open(selectBot(await loadConfig(dataDir)), dataDir, new OfflineEmbeddings(), { now: () => at });
    const puk = 'https://test.example/mobil/puk';
    await knowledge.learn([{ question: 'mobilen vil ha en åttesifret kode', url: puk }]);
    await knowledge.addNegatives([{ question: 'hvordan bytter jeg abonnement', url: puk }]);
    for (const file of ['learned.jsonl', 'negative.jsonl']) {
      const lines = (await readFile(join(dataDir, 'bots', 'test', file), 'utf8')).trim().split('\n');
      expect(lines.map((l) => JSON.parse(l).learnedAt)).toEqual([at.toISOString()]);
    }
  });

  it('catches up with what another process (laerling learn, laerling erase) did to learned.jsonl', async () => {
    const dataDir = await tinyBotDataDir();
    const serve = await open(dataDir);
    const puk = 'https://test.example/mobil/puk';
    await serve.learn([{ question: 'mobilen vil ha en åttesifret kode', url: puk }]);
    // A second process opens while serve has an unsaved phrasing, learns two and saves.
    const cli = await open(dataDir);
    await cli.learn([{ question: 'simkortet er låst etter tre forsøk', url: puk }, { question: 'hva er puk', url: puk }], { save: true });
    expect(await savedPhrasings(dataDir)).toHaveLength(3);
    // serve sees them by the next minute's job (or its next learn) ...
    await serve.syncLearned();
    expect(serve.index.learnedPhrasings()).toHaveLength(3);
    await serve.learn([{ question: 'glemt pin-koden', url: puk }]);
    // ... and a restart finds all four: lines are matched by content, not by position.
    const all = ['glemt pin-koden', 'hva er puk', 'mobilen vil ha en åttesifret kode', 'simkortet er låst etter tre forsøk'];
    expect((await open(dataDir)).index.learnedPhrasings().map((l) => l.question).sort()).toEqual(all);
    // Erased in the other process: serve forgets it too.
    await cli.removePairs('learned', (p) => p.question === 'hva er puk');
    await serve.syncLearned();
    expect(serve.index.learnedPhrasings().map((l) => l.question).sort()).toEqual(all.filter((q) => q !== 'hva er puk'));
  });

  it('loads the index another process saved (laerling crawl beside serve), then catches up its learned phrasings', async () => {
    const dataDir = await tinyBotDataDir();
    const serve = await open(dataDir);
    await serve.learn([{ question: 'mobilen vil ha en åttesifret kode', url: 'https://test.example/mobil/puk' }]);
    const gift = {
      url: 'https://shop.example/gift-cards', status: 200, etag: '"g"', fetchedAt: '2026-11-01T10:00:00Z',
      html: '<html lang="nb"><head><title>Gavekort</title></head><body><main><h1>Gavekort</h1><p>Gavekortet gjelder i tre år og kan brukes i alle butikkene.</p></main></body></html>',
    };
    const crawl = { pages: [gift], unchanged: [], notReached: [], skipped: [], failed: [], startedAt: '2026-11-01T10:00:00Z', finishedAt: '2026-11-01T10:01:00Z' };
    await buildBotIndex(serve.bot, dataDir, { embeddings: new OfflineEmbeddings() }, crawl);
    expect(serve.index.chunks.some((c) => c.url === gift.url)).toBe(false);
    await serve.syncLearned();
    expect((await serve.index.search('hvor lenge gjelder gavekortet'))[0]!.url).toBe(gift.url);
    expect(serve.extra.lastCrawlAt).toBe('2026-11-01T10:01:00Z');
    expect(serve.index.learnedPhrasings().map((l) => l.question)).toEqual(['mobilen vil ha en åttesifret kode']);
    // Its own saves are no news: the next look loads nothing.
    const live = serve.index;
    await serve.learn([{ question: 'hva er puk', url: 'https://test.example/mobil/puk' }], { save: true });
    await serve.syncLearned();
    expect(serve.index).toBe(live);
  });
});

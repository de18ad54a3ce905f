import { join } from 'node:path';
import { appendFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadConfig, selectBot } from '../../src/config/bot-config.js';
import { BotKnowledge, SAVE_EVERY } from '../../src/knowledge/bot-knowledge.js';
import { loadLiveIndex } from '../../src/knowledge/build-bot-index.js';
import { OfflineEmbeddings } from '../../src/retrieval/offline-embeddings.js';
import { tinyBotDataDir } from '../fixtures/tiny-bot.js';

async function open(dataDir: string) {
  const bot = selectBot(await loadConfig(dataDir));
  return BotKnowledge.open(bot, dataDir, new OfflineEmbeddings());
}

describe('BotKnowledge', () => {
  it('keeps what was learned across a restart without rewriting the index for each phrasing', async () => {
    const dataDir = await tinyBotDataDir();
    const first = await open(dataDir);
    const generation = (await loadLiveIndex(dataDir, 'test', new OfflineEmbeddings()))!.extra.builtAt;
    await first.learn([{ question: 'mobilen ber om en åttesifret kode', url: 'https://test.example/mobil/puk' }]);
    expect(first.index.learnedPhrasings().map((l) => l.question)).toEqual(['mobilen ber om en åttesifret kode']);
    // No new generation was written ...
    expect((await loadLiveIndex(dataDir, 'test', new OfflineEmbeddings()))!.extra.learnedCount).toBe(0);
    expect((await loadLiveIndex(dataDir, 'test', new OfflineEmbeddings()))!.extra.builtAt).toBe(generation);
    // ... yet a restarted process has it.
    const second = await open(dataDir);
    expect(second.index.learnedPhrasings().map((l) => l.question)).toEqual(['mobilen ber om en åttesifret kode']);
    expect((await second.index.search('ber om en åttesifret kode'))[0]!.url).toBe('https://test.example/mobil/puk');
  });

  it('rebuilds when learned.jsonl has fewer lines than the index holds (a removal cut short)', async () => {
    const dataDir = await tinyBotDataDir();
    const k = await open(dataDir);
    await k.learn([{ question: 'åttesifret kode', url: 'https://test.example/mobil/puk' }], { save: true });
    expect((await loadLiveIndex(dataDir, 'test', new OfflineEmbeddings()))!.extra.learnedCount).toBe(1);
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
    expect((await loadLiveIndex(dataDir, 'test', new OfflineEmbeddings()))!.extra.learnedCount).toBe(0);
    await k.learn([{ question: 'det siste spørsmålet', url: 'https://test.example/mobil/puk' }]);
    expect((await loadLiveIndex(dataDir, 'test', new OfflineEmbeddings()))!.extra.learnedCount).toBe(SAVE_EVERY);
  });
});

import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadConfig, selectBot } from '../../src/config/bot-config.js';
import { BotKnowledge } from '../../src/knowledge/bot-knowledge.js';
import { OfflineEmbeddings } from '../../src/retrieval/offline-embeddings.js';
import { tinyBotDataDir } from '../fixtures/tiny-bot.js';

const PERSONAL = 'jeg heter ola@nordmann.no tlf 912 34 567 hvor lenge gjelder gavekortet';
const REDACTED = 'jeg heter [e-post] tlf [telefon] hvor lenge gjelder gavekortet';

describe('BotKnowledge keeps no personal data in what it learns', () => {
  it('redacts learned phrasings and negative pairs in their files and in the index', async () => {
    const dataDir = await tinyBotDataDir();
    const knowledge = await BotKnowledge.open(selectBot(await loadConfig(dataDir)), dataDir, new OfflineEmbeddings());
    const url = 'https://test.example/faktura';
    await knowledge.learn([{ question: PERSONAL, url }], { save: true });
    await knowledge.addNegatives([{ question: PERSONAL, url }]);
    const botDirectory = join(dataDir, 'bots', 'test');
    for (const file of ['learned.jsonl', 'negative.jsonl']) {
      const text = await readFile(join(botDirectory, file), 'utf8');
      expect(text).toContain(REDACTED);
      expect(text).not.toMatch(/ola@|912 34 567/);
    }
    expect(knowledge.index.learnedPhrasings().map((l) => l.question)).toEqual([REDACTED]);
    expect((await knowledge.pairs('negative')).map((l) => l.question)).toEqual([REDACTED]);
  });
});

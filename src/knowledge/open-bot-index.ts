import type { Embeddings } from '@langchain/core/embeddings';
import type { BotConfig } from '../config/bot-config.js';
import type { KnowledgeIndex } from '../retrieval/knowledge-index.js';
import { buildBotIndex, loadLiveIndex } from './build-bot-index.js';
import type { IndexExtra } from './crawl-state.js';
import { knowledgeFingerprint } from './knowledge-fingerprint.js';

/**
 * The bot's live index, built first if there is none or its knowledge/ files changed since,
 * so a fresh clone answers without a separate build step. A damaged live index is rebuilt from
 * the generation before it, so owner Q&A and knowledge changes made since are not lost.
 */
export async function openBotIndex(
  bot: BotConfig,
  dataDir: string,
  deps: { embeddings: Embeddings; onRebuild?: (why: string) => void },
): Promise<{ index: KnowledgeIndex; extra: IndexExtra; generation: string }> {
  const live = await loadLiveIndex(dataDir, bot.id, deps.embeddings);
  if (live && !live.damaged && (!bot.knowledgeDir || live.extra.knowledgeFingerprint === (await knowledgeFingerprint(bot.knowledgeDir)))) {
    return live;
  }
  deps.onRebuild?.(live?.damaged ? `${live.damaged}; rebuilding from the generation before it` : live ? 'knowledge files changed' : 'no index yet');
  return buildBotIndex(bot, dataDir, deps);
}

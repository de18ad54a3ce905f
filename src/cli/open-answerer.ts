import { selectBot, loadConfig, type BotConfig } from '../config/bot-config.js';
import type { RuntimeSettings } from '../config/env.js';
import { answerQuestion, DEFAULT_THRESHOLD } from '../answer/answer-question.js';
import { createChatModel } from '../answer/create-chat-model.js';
import { BotKnowledge } from '../knowledge/bot-knowledge.js';
import { createEmbeddings } from '../retrieval/create-embeddings.js';
import { createAnalyzer } from '../retrieval/analyze-text.js';
import type { AnswerLang } from '../answer/messages.js';
import type { AskOutput } from './ask-output.js';

export interface Answerer {
  bot: BotConfig;
  /** The bot's live index and its inputs; `knowledge.index` changes when it is rebuilt. */
  knowledge: BotKnowledge;
  ask: (question: string, id?: string, opts?: { onToken?: (t: string) => void; lang?: AnswerLang; topic?: string }) => Promise<AskOutput>;
  /** A draft for an agent: the best passage even below the threshold, offline (the agent edits it). */
  suggest: (question: string) => Promise<AskOutput>;
}

/** Load config, the bot's index and the optional LLM, and return a function that answers questions. */
export async function openAnswerer(opts: {
  dataDir: string;
  botId?: string;
  settings: RuntimeSettings;
  log?: (line: string) => void;
  /** Stamps what the bot learns (default the real clock). */
  now?: () => Date;
}): Promise<Answerer> {
  const bot = selectBot(await loadConfig(opts.dataDir), opts.botId);
  const embeddings = createEmbeddings(opts.settings.embeddings);
  const knowledge = await BotKnowledge.open(bot, opts.dataDir, embeddings, { log: opts.log, now: opts.now });
  const model = opts.settings.llm ? createChatModel(opts.settings.llm) : undefined;
  const threshold = bot.answerThreshold ?? DEFAULT_THRESHOLD;
  // One analyzer for the bot's lifetime keeps its stemming cache warm across questions.
  const analyzer = createAnalyzer();
  const run = async (question: string, id: string | undefined, mode: { threshold: number; llm: boolean; onToken?: (t: string) => void; lang?: AnswerLang; topic?: string }): Promise<AskOutput> => {
    const result = await answerQuestion(question, {
      search: (q, k) => knowledge.index.search(q, { k }),
      threshold: mode.threshold,
      analyzer,
      model: mode.llm ? model : undefined,
      llmTimeoutMs: opts.settings.llm?.timeoutMs,
      onToken: mode.onToken,
      lang: mode.lang,
      topic: mode.topic,
    });
    return {
      ...(id === undefined ? {} : { id }),
      question,
      outcome: result.outcome,
      answer: result.answer,
      sources: result.sources,
      candidates: result.candidates,
      confidence: result.confidence,
      ms: result.ms,
      ...(result.asked === undefined ? {} : { asked: result.asked }),
      ...(result.reason === 'needs_context' ? { unclear: true as const } : {}),
    };
  };
  return {
    bot,
    knowledge,
    ask: (question, id, opts) => run(question, id, { threshold, llm: true, ...opts }),
    suggest: (question) => run(question, undefined, { threshold: 0, llm: false }),
  };
}

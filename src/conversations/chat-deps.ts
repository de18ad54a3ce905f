import type { Kysely } from 'kysely';
import type { AskOutput } from '../cli/ask-output.js';
import type { BotConfig } from '../config/bot-config.js';
import type { BotKnowledge } from '../knowledge/bot-knowledge.js';
import type { Database } from '../storage/schema.js';
import type { SummaryTurn } from '../handoff/summarize.js';
import type { Lang } from '../protocol/widget-api.js';
import type { EventHub } from './event-hub.js';

/** One bot as the conversation layer sees it: its config and its answerer. */
export interface BotRuntime {
  config: BotConfig;
  /**
   * Answer a customer's question (streams tokens when an LLM is configured); `lang`, the
   * conversation's language, is the answer's when the question itself does not say; `topic`, the
   * conversation's previous question, is what a follow-up ("hva koster det?") is about.
   */
  ask(question: string, opts?: { onToken?: (token: string) => void; lang?: Lang; topic?: string }): Promise<AskOutput>;
  /** A draft reply for an agent: the best passage even below the answer threshold. */
  suggest(question: string): Promise<AskOutput>;
  /** The live index and its inputs: learned and negative pairs, owner Q&A, rebuilds. */
  knowledge: BotKnowledge;
}

/** What the conversation and handoff services need; all I/O is passed in, the clock too. */
export interface ChatDeps {
  db: Kysely<Database>;
  hub: EventHub;
  now: () => Date;
  bots: ReadonlyMap<string, BotRuntime>;
  /** Agents currently connected to the console for this bot (for wait estimates). */
  agentsOnline: (botId: string) => number;
  /** Where failures that the customer is told about anyway are logged for the operator. */
  log?: (line: string) => void;
  /** With an LLM configured: the model's summary and mood for the agent (null → the offline ones). */
  handoffNotes?: (turns: readonly SummaryTurn[], lang: Lang) => Promise<{ summary: string; mood: 'calm' | 'frustrated' } | null>;
  /**
   * Receives work that goes on after a response was sent (the model's handoff notes), so tests can
   * wait for it (serve does not: shutdown would wait for a slow model). The work runs either way
   * and never rejects.
   */
  background?: (task: Promise<void>) => void;
}

/** The hub channel agents listen on for a bot's queue changes. */
export const queueChannel = (botId: string) => `queue:${botId}`;

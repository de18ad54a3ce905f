import type { HandoffRow, MessageRow } from '../storage/schema.js';
import type { BotConfig } from '../config/bot-config.js';
import { messageMeta } from '../conversations/conversation-store.js';
import { isPersonRequest, isYes } from './person-request.js';
import { matchSensitiveTopic } from './sensitive-topics.js';

export type HandoffReason = HandoffRow['reason'];

/** The bot's last turn as handoff sees it: an abstention (which offers a person), or the answer's feedback. */
export type LastBotTurn = 'abstained' | 'helpful' | 'not-helpful' | 'none';

/**
 * Should this customer message go to a person before the bot tries? A typed request for a
 * person (or a yes to the person the bot just offered), a sensitive topic, or a question right
 * after the customer said the last answer did not help. (Two abstentions in a row are checked
 * after the bot's reply.)
 */
export function handoffBeforeAnswer(
  text: string,
  bot: Pick<BotConfig, 'sensitiveTopics'>,
  lastBotTurn: LastBotTurn,
): { reason: HandoffReason; detail?: string } | null {
  if (isPersonRequest(text) || (lastBotTurn === 'abstained' && isYes(text))) return { reason: 'typed-request' };
  const topic = matchSensitiveTopic(text, bot.sensitiveTopics);
  if (topic) return { reason: 'sensitive-topic', detail: topic };
  if (lastBotTurn === 'not-helpful') return { reason: 'negative-feedback' };
  return null;
}

/**
 * Two abstentions in a row: the bot has shown it cannot help with this. Asking what a question
 * is about (meta.unclear) is no failure to help.
 */
export function handoffAfterAbstention(botMessages: readonly Pick<MessageRow, 'meta'>[]): boolean {
  const last = botMessages.slice(-2).map((m) => messageMeta(m));
  return last.length === 2 && last.every((m) => m.outcome === 'abstain' && !m.unclear);
}

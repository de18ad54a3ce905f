import type { ChatDeps } from '../conversations/chat-deps.js';
import { messageMeta } from '../conversations/conversation-store.js';
import { redactPii } from '../privacy/redact.js';
import { createAnalyzer } from '../retrieval/analyze-text.js';
import type { ConversationRow } from '../storage/schema.js';

/** Distinct conversations that must agree before a pair is indexed: no single visitor can teach the bot. */
export const CONFIRMATIONS_NEEDED = 2;

const analyzer = createAnalyzer();

/** Near-identical questions share this key: their content stems, sorted ("PUK-koden, hvor?" = "hvor er puk koden"). */
export function phrasingKey(question: string): string {
  return [...new Set(analyzer.contentWords(question).map((w) => w.terms[0]!))].sort().join(' ');
}

/** The customer's question a bot answer replied to (redacted) and the page it answered from. */
async function answeredPair(deps: ChatDeps, conversation: ConversationRow, answerSeq: number): Promise<{ question: string; url: string; key: string } | undefined> {
  const answer = await deps.db.selectFrom('messages').selectAll().where('conversation_id', '=', conversation.id).where('seq', '=', answerSeq).executeTakeFirst();
  const meta = answer ? messageMeta(answer) : undefined;
  const url = meta?.outcome === 'answer' ? meta.sources?.[0]?.url : undefined;
  if (!answer || !url || !answer.client_id) return undefined;
  const asked = await deps.db
    .selectFrom('messages')
    .select('text')
    .where('conversation_id', '=', conversation.id)
    .where('role', '=', 'customer')
    .where('client_id', '=', answer.client_id)
    .executeTakeFirst();
  if (!asked) return undefined;
  const question = redactPii(asked.text).text;
  const key = phrasingKey(question);
  return key ? { question, url, key } : undefined;
}

/**
 * "That helped" on a bot answer: the question it answered becomes a learned phrasing of the page
 * it answered from — recorded now, indexed once CONFIRMATIONS_NEEDED distinct conversations have
 * confirmed the same question (by key) for the same page. Personal data is redacted first.
 */
export async function learnFromConfirmation(deps: ChatDeps, conversation: ConversationRow, answerSeq: number): Promise<'recorded' | 'indexed' | 'ignored'> {
  const pair = await answeredPair(deps, conversation, answerSeq);
  if (!pair) return 'ignored';
  const { question, url, key } = pair;
  const group = () => deps.db.selectFrom('learned_phrasings').where('bot_id', '=', conversation.bot_id).where('url', '=', url).where('key', '=', key);
  const already = await group().select('id').where('conversation_id', '=', conversation.id).executeTakeFirst();
  if (!already) {
    await deps.db
      .insertInto('learned_phrasings')
      .values({ bot_id: conversation.bot_id, question, url, source: 'conversation', conversation_id: conversation.id, created_at: deps.now().toISOString(), key, active: 0 })
      .execute();
  }
  const rows = await group().select(['conversation_id', 'active']).execute();
  const confirmations = new Set(rows.map((r) => r.conversation_id)).size;
  if (confirmations < CONFIRMATIONS_NEEDED || rows.some((r) => r.active)) return 'recorded';
  await deps.bots.get(conversation.bot_id)!.knowledge.learn([{ question, url }]);
  await deps.db
    .updateTable('learned_phrasings')
    .set({ active: 1 })
    .where('bot_id', '=', conversation.bot_id)
    .where('url', '=', url)
    .where('key', '=', key)
    .execute();
  return 'indexed';
}

/**
 * "That did not help": a negative pair (question → page), recorded now and applied — the page
 * ranks lower for similar questions — once CONFIRMATIONS_NEEDED distinct conversations agree.
 */
export async function learnFromRejection(deps: ChatDeps, conversation: ConversationRow, answerSeq: number): Promise<'recorded' | 'applied' | 'ignored'> {
  const pair = await answeredPair(deps, conversation, answerSeq);
  if (!pair) return 'ignored';
  const { question, url, key } = pair;
  const group = () => deps.db.selectFrom('negative_pairs').where('bot_id', '=', conversation.bot_id).where('url', '=', url).where('key', '=', key);
  const before = new Set((await group().select('conversation_id').execute()).map((r) => r.conversation_id));
  if (before.has(conversation.id)) return 'recorded';
  await deps.db
    .insertInto('negative_pairs')
    .values({ bot_id: conversation.bot_id, question, key, url, conversation_id: conversation.id, created_at: deps.now().toISOString() })
    .execute();
  // Applied exactly when the count reaches the bar; later agreement adds nothing new.
  if (before.size + 1 !== CONFIRMATIONS_NEEDED) return 'recorded';
  await deps.bots.get(conversation.bot_id)!.knowledge.addNegatives([{ question, url }]);
  return 'applied';
}

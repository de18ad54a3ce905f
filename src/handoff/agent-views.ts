import type { ChatDeps } from '../conversations/chat-deps.js';
import { getConversation, listMessages, messageMeta } from '../conversations/conversation-store.js';
import { LaerlingError } from '../errors.js';
import type { HandoffRow } from '../storage/schema.js';
import { isPersonRequest, isSmallTalk, isYes } from './person-request.js';

/** A chat as the queue and the tabs list it. */
export interface QueueItem {
  handoffId: number;
  conversationId: string;
  botId: string;
  botName: string;
  status: HandoffRow['status'];
  reason: HandoffRow['reason'];
  detail: string | null;
  lang: 'nb' | 'en';
  mood: 'calm' | 'frustrated';
  summary: string;
  requestedAt: string;
  waitingSeconds: number;
  replyBy: string | null;
  email: string | null;
  pageUrl: string | null;
  claimedBy: number | null;
}

/** Waiting chats (queued, or left outside opening hours) of the given bots, oldest first; or the chats one agent holds. */
export async function listHandoffs(deps: ChatDeps, filter: { botIds: readonly string[]; claimedBy?: number }): Promise<QueueItem[]> {
  if (filter.botIds.length === 0) return [];
  let query = deps.db
    .selectFrom('handoffs')
    .innerJoin('conversations', 'conversations.id', 'handoffs.conversation_id')
    .select([
      'handoffs.id', 'handoffs.conversation_id', 'handoffs.bot_id', 'handoffs.status', 'handoffs.reason', 'handoffs.detail',
      'handoffs.lang', 'handoffs.mood', 'handoffs.summary', 'handoffs.requested_at', 'handoffs.reply_by', 'handoffs.claimed_by',
      'conversations.email', 'conversations.page_url',
    ])
    .where('handoffs.bot_id', 'in', filter.botIds);
  query = filter.claimedBy === undefined
    ? query.where('handoffs.status', 'in', ['queued', 'offline'])
    : query.where('handoffs.status', '=', 'claimed').where('handoffs.claimed_by', '=', filter.claimedBy);
  const rows = await query.orderBy('handoffs.requested_at').orderBy('handoffs.id').execute();
  const now = deps.now().getTime();
  return rows.map((r) => ({
    handoffId: r.id,
    conversationId: r.conversation_id,
    botId: r.bot_id,
    botName: deps.bots.get(r.bot_id)?.config.name ?? r.bot_id,
    status: r.status,
    reason: r.reason,
    detail: r.detail,
    lang: r.lang,
    mood: r.mood,
    summary: r.summary,
    requestedAt: r.requested_at,
    waitingSeconds: Math.max(0, Math.round((now - Date.parse(r.requested_at)) / 1000)),
    replyBy: r.reply_by,
    email: r.email,
    pageUrl: r.page_url,
    claimedBy: r.claimed_by,
  }));
}

/**
 * Everything the agent needs so the customer never repeats themselves: the transcript with every
 * bot answer's sources, confidence and candidates, why it was handed off, where the customer was,
 * language, mood, a summary, and earlier conversations from the same browser.
 */
export async function handoffPacket(deps: ChatDeps, conversationId: string) {
  const conversation = await getConversation(deps.db, conversationId);
  if (!conversation) throw new LaerlingError('NOT_FOUND', 'No such conversation');
  const handoff = await deps.db
    .selectFrom('handoffs')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  const messages = (await listMessages(deps.db, conversationId)).map((m) => ({
    seq: m.seq,
    role: m.role,
    text: m.text,
    at: m.created_at,
    ...messageMeta(m),
  }));
  const earlier = conversation.browser_id
    ? await deps.db
        .selectFrom('conversations')
        .select(['id', 'created_at', 'status'])
        .where('browser_id', '=', conversation.browser_id)
        .where('bot_id', '=', conversation.bot_id)
        .where('id', '!=', conversationId)
        .orderBy('created_at', 'desc')
        .limit(10)
        .execute()
    : [];
  const earlierWithQuestion = await Promise.all(
    earlier.map(async (c) => {
      const first = await deps.db
        .selectFrom('messages')
        .select('text')
        .where('conversation_id', '=', c.id)
        .where('role', '=', 'customer')
        .orderBy('seq')
        .executeTakeFirst();
      return { id: c.id, createdAt: c.created_at, status: c.status, firstQuestion: first?.text ?? null };
    }),
  );
  return {
    conversation: {
      id: conversation.id,
      botId: conversation.bot_id,
      botName: deps.bots.get(conversation.bot_id)?.config.name ?? conversation.bot_id,
      status: conversation.status,
      lang: conversation.lang,
      pageUrl: conversation.page_url,
      email: conversation.email,
      createdAt: conversation.created_at,
    },
    handoff: handoff
      ? { id: handoff.id, status: handoff.status, reason: handoff.reason, detail: handoff.detail, mood: handoff.mood, summary: handoff.summary, requestedAt: handoff.requested_at, replyBy: handoff.reply_by }
      : null,
    messages,
    earlierConversations: earlierWithQuestion,
  };
}

// How many of the customer's latest messages a suggestion looks back over: "Er dere der?" after
// the question should not hide the question, but a long chat's first words are stale.
const SUGGEST_LOOKBACK = 3;

/**
 * A draft reply from the knowledge base for the customer's latest real question, with its sources:
 * the newest of their last few messages the knowledge base has a passage for ("Er dere der?" has
 * none, the question before it may). None found: an empty draft, never the bot's own refusal.
 */
export async function suggestReply(deps: ChatDeps, conversationId: string) {
  const conversation = await getConversation(deps.db, conversationId);
  if (!conversation) throw new LaerlingError('NOT_FOUND', 'No such conversation');
  const questions = (await listMessages(deps.db, conversationId)).filter((m) => m.role === 'customer' && !isPersonRequest(m.text) && !isSmallTalk(m.text) && !isYes(m.text));
  const bot = deps.bots.get(conversation.bot_id)!;
  for (const { text: question } of questions.slice(-SUGGEST_LOOKBACK).reverse()) {
    const result = await bot.suggest(question);
    if (result.outcome === 'answer') return { question, text: result.answer, sources: result.sources, confidence: result.confidence };
  }
  return { question: questions.at(-1)?.text ?? null, text: '', sources: [], confidence: 0 };
}

import { queueChannel, type ChatDeps } from '../conversations/chat-deps.js';
import { openHandoff } from '../conversations/conversation-state.js';
import { listMessages, messageMeta } from '../conversations/conversation-store.js';
import { postMessage, publishState } from '../conversations/post-message.js';
import { SYSTEM_TEXTS } from '../conversations/system-texts.js';
import type { ConversationRow, MessageRow } from '../storage/schema.js';
import type { HandoffReason } from './handoff-trigger.js';
import { estimateMood } from './mood.js';
import { isOpen, replyPromise } from './opening-hours.js';
import { summarizeConversation, type SummaryTurn } from './summarize.js';
import type { Lang } from '../protocol/widget-api.js';

/**
 * Hand the conversation to a person: inside opening hours it joins the bot's queue; outside, the
 * customer gets a concrete reply time and can leave an e-mail. Idempotent: a conversation with
 * an open handoff keeps it (and gets null back instead of the notice message).
 *
 * "A person is always one click away": the handoff is committed at once with the offline summary
 * and mood. With an LLM configured, the model's notes replace them afterwards (see
 * refineHandoffNotes), handed to `deps.background` so that whoever wants to can await them.
 */
export async function requestHandoff(
  deps: ChatDeps,
  conversation: ConversationRow,
  reason: HandoffReason,
  detail?: string,
): Promise<MessageRow | null> {
  if (await openHandoff(deps, conversation.id)) return null;
  const bot = deps.bots.get(conversation.bot_id)!.config;
  const now = deps.now();
  const messages = await listMessages(deps.db, conversation.id);
  const turns = messages.map((m) => {
    const meta = messageMeta(m);
    return { role: m.role, text: m.text, ...(meta.outcome ? { outcome: meta.outcome } : {}), ...(meta.sources ? { sources: meta.sources } : {}) };
  });
  const { mood } = estimateMood(messages.filter((m) => m.role === 'customer').map((m) => m.text));
  const summary = summarizeConversation(turns, conversation.lang);
  const open = isOpen(bot.openingHours, now);
  const promise = open ? null : replyPromise(bot.openingHours, now, conversation.lang, conversation.timezone ?? undefined);
  const status = open ? 'queued' : 'offline';
  const handoffId = await deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('handoffs')
      .values({
        conversation_id: conversation.id,
        bot_id: conversation.bot_id,
        reason,
        detail: detail ?? null,
        status,
        lang: conversation.lang,
        mood,
        summary,
        reply_by: promise?.at ? promise.at.toISOString() : null,
        requested_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.updateTable('conversations').set({ status, updated_at: now.toISOString() }).where('id', '=', conversation.id).execute();
    return row.id;
  });
  const notice = await postMessage(deps, {
    conversationId: conversation.id,
    role: 'system',
    text: promise ? promise.text : SYSTEM_TEXTS.queued[conversation.lang],
    meta: { event: open ? 'handoff-queued' : 'handoff-offline' },
  });
  await publishState(deps, conversation.id);
  deps.hub.publish(queueChannel(conversation.bot_id), { event: 'queue', data: { conversationId: conversation.id } });
  // Not awaited: the customer has their answer and the agents their queue entry already.
  const refining = refineHandoffNotes(deps, { id: handoffId, conversationId: conversation.id, botId: conversation.bot_id, lang: conversation.lang }, turns);
  deps.background?.(refining);
  return notice;
}

/**
 * Replace a handoff's offline summary and mood with the model's, then tell the agents' consoles
 * to refresh. Resolves once done or skipped; never rejects (failures are logged). The model is
 * not asked when the customer has written nothing: there is nothing to summarise.
 */
async function refineHandoffNotes(
  deps: ChatDeps,
  handoff: { id: number; conversationId: string; botId: string; lang: Lang },
  turns: readonly SummaryTurn[],
): Promise<void> {
  if (!deps.handoffNotes || !turns.some((t) => t.role === 'customer' && t.text.trim())) return;
  try {
    const notes = await deps.handoffNotes(turns, handoff.lang);
    if (!notes) return;
    await deps.db.updateTable('handoffs').set({ summary: notes.summary, mood: notes.mood }).where('id', '=', handoff.id).execute();
    deps.hub.publish(queueChannel(handoff.botId), { event: 'queue', data: { conversationId: handoff.conversationId } });
  } catch (err) {
    deps.log?.(`Handoff notes for conversation ${handoff.conversationId} failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}

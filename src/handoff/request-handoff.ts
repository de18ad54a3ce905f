import { queueChannel, type ChatDeps } from '../conversations/chat-deps.js';
import { openHandoff } from '../conversations/conversation-state.js';
import { listMessages, messageMeta } from '../conversations/conversation-store.js';
import { postMessage, publishState } from '../conversations/post-message.js';
import { SYSTEM_TEXTS } from '../conversations/system-texts.js';
import type { ConversationRow, MessageRow } from '../storage/schema.js';
import type { HandoffReason } from './handoff-trigger.js';
import { estimateMood } from './mood.js';
import { isOpen, replyPromise } from './opening-hours.js';
import { summarizeConversation } from './summarize.js';

/**
 * Hand the conversation to a person: inside opening hours it joins the bot's queue; outside, the
 * customer gets a concrete reply time and can leave an e-mail. Idempotent: a conversation with
 * an open handoff keeps it (and gets null back instead of the notice message).
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
  const llm = await deps.handoffNotes?.(turns, conversation.lang);
  const mood = llm?.mood ?? estimateMood(messages.filter((m) => m.role === 'customer').map((m) => m.text)).mood;
  const summary = llm?.summary ?? summarizeConversation(turns, conversation.lang);
  const open = isOpen(bot.openingHours, now);
  const promise = open ? null : replyPromise(bot.openingHours, now, conversation.lang, conversation.timezone ?? undefined);
  const status = open ? 'queued' : 'offline';
  await deps.db.transaction().execute(async (trx) => {
    await trx
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
      .execute();
    await trx.updateTable('conversations').set({ status, updated_at: now.toISOString() }).where('id', '=', conversation.id).execute();
  });
  const notice = await postMessage(deps, {
    conversationId: conversation.id,
    role: 'system',
    text: promise ? promise.text : SYSTEM_TEXTS.queued[conversation.lang],
    meta: { event: open ? 'handoff-queued' : 'handoff-offline' },
  });
  await publishState(deps, conversation.id);
  deps.hub.publish(queueChannel(conversation.bot_id), { event: 'queue', data: { conversationId: conversation.id } });
  return notice;
}

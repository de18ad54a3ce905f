import type { ConversationRow, MessageRow } from '../storage/schema.js';
import type { ChatDeps } from './chat-deps.js';
import { conversationState } from './conversation-state.js';
import { appendMessage, getConversation, type MessageMeta, toMessage } from './conversation-store.js';

/** Store a message, then (after the commit) publish it to the conversation's listeners. */
export async function postMessage(
  deps: ChatDeps,
  input: { conversationId: string; role: MessageRow['role']; text: string; clientId?: string; meta?: MessageMeta; authorId?: number },
): Promise<MessageRow> {
  const row = await appendMessage(deps.db, { ...input, now: deps.now() });
  deps.hub.publish(input.conversationId, { event: 'message', data: toMessage(row), seq: row.seq });
  return row;
}

/** Re-read the conversation and publish its state to the widget (queue place, promise, agent…). */
export async function publishState(deps: ChatDeps, conversationId: string): Promise<ConversationRow> {
  const conversation = (await getConversation(deps.db, conversationId))!;
  deps.hub.publish(conversationId, { event: 'state', data: await conversationState(deps, conversation) });
  return conversation;
}

/** Republish the state of every other chat waiting in the bot's queue: their places moved. */
export async function publishQueuePlaces(deps: ChatDeps, botId: string, except: string): Promise<void> {
  const waiting = await deps.db
    .selectFrom('conversations')
    .selectAll()
    .where('bot_id', '=', botId)
    .where('status', '=', 'queued')
    .where('id', '!=', except)
    .execute();
  for (const conversation of waiting) deps.hub.publish(conversation.id, { event: 'state', data: await conversationState(deps, conversation) });
}

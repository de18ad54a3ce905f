import { queueChannel, type ChatDeps } from '../conversations/chat-deps.js';
import { getConversation, listMessages, messageMeta, updateConversation } from '../conversations/conversation-store.js';
import { postMessage, publishQueuePlaces, publishState } from '../conversations/post-message.js';
import { SYSTEM_TEXTS } from '../conversations/system-texts.js';
import { LaerlingError } from '../errors.js';
import { redactPii } from '../privacy/redact.js';
import { recordAudit } from '../storage/audit.js';
import { isPersonRequest, isYes } from './person-request.js';
import type { HandoffRow, MessageRow, UserRow } from '../storage/schema.js';

type Agent = Pick<UserRow, 'id' | 'name'>;

/**
 * Take a waiting chat. Atomic: the update only matches while the handoff is unclaimed, so of two
 * agents claiming at once exactly one wins; the other gets CONFLICT.
 */
export async function claimHandoff(deps: ChatDeps, handoffId: number, agent: Agent): Promise<HandoffRow> {
  const now = deps.now().toISOString();
  const result = await deps.db
    .updateTable('handoffs')
    .set({ status: 'claimed', claimed_by: agent.id, claimed_at: now })
    .where('id', '=', handoffId)
    .where('status', 'in', ['queued', 'offline'])
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new LaerlingError('CONFLICT', 'Another agent already took this chat, or it was closed');
  const handoff = await deps.db.selectFrom('handoffs').selectAll().where('id', '=', handoffId).executeTakeFirstOrThrow();
  await recordAudit(deps.db, { actor: `user:${agent.id}`, action: 'handoff.claim', target: handoff.conversation_id, at: deps.now() });
  const conversation = (await getConversation(deps.db, handoff.conversation_id))!;
  await updateConversation(deps.db, conversation.id, { status: 'agent', agent_id: agent.id, updated_at: now });
  await postMessage(deps, {
    conversationId: conversation.id,
    role: 'system',
    text: SYSTEM_TEXTS.agentJoined[conversation.lang](agent.name),
    meta: { event: 'agent-joined', author: agent.name },
  });
  await publishState(deps, conversation.id);
  await publishQueuePlaces(deps, handoff.bot_id, conversation.id);
  deps.hub.publish(queueChannel(handoff.bot_id), { event: 'queue', data: { conversationId: conversation.id } });
  return handoff;
}

/** The handoff an agent holds on a conversation; FORBIDDEN if someone else has it. */
export async function heldHandoff(deps: ChatDeps, conversationId: string, agent: Agent): Promise<HandoffRow> {
  const handoff = await deps.db
    .selectFrom('handoffs')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .where('status', '=', 'claimed')
    .executeTakeFirst();
  if (!handoff || handoff.claimed_by !== agent.id) throw new LaerlingError('FORBIDDEN', 'Only the agent who claimed this chat can act on it: claim it first');
  return handoff;
}

/** An agent's reply, idempotent by client id like the customer's messages. */
export async function agentReply(deps: ChatDeps, conversationId: string, agent: Agent, text: string, clientId: string): Promise<MessageRow> {
  await heldHandoff(deps, conversationId, agent);
  const earlier = await deps.db
    .selectFrom('messages')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .where('role', '=', 'agent')
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  if (earlier) return earlier;
  return postMessage(deps, { conversationId, role: 'agent', text, clientId, authorId: agent.id, meta: { author: agent.name } });
}

/** Give the chat back to the queue, keeping its original place. */
export async function handBack(deps: ChatDeps, conversationId: string, agent: Agent): Promise<void> {
  const handoff = await heldHandoff(deps, conversationId, agent);
  const conversation = (await getConversation(deps.db, conversationId))!;
  const status = handoff.reply_by === null ? 'queued' : 'offline';
  await deps.db.updateTable('handoffs').set({ status, claimed_by: null, claimed_at: null }).where('id', '=', handoff.id).execute();
  await recordAudit(deps.db, { actor: `user:${agent.id}`, action: 'handoff.release', target: conversationId, at: deps.now() });
  await updateConversation(deps.db, conversationId, { status, agent_id: null, updated_at: deps.now().toISOString() });
  await postMessage(deps, { conversationId, role: 'system', text: SYSTEM_TEXTS.agentLeft[conversation.lang], meta: { event: 'agent-left' } });
  await publishState(deps, conversationId);
  // Back in its original place: the chats that joined after it move down one.
  await publishQueuePlaces(deps, handoff.bot_id, conversationId);
  deps.hub.publish(queueChannel(handoff.bot_id), { event: 'queue', data: { conversationId } });
}

/**
 * Close the chat: the customer is asked for a rating. With `teach`, the customer's questions and
 * the agent's answers become a pending knowledge suggestion for a content owner to approve.
 */
export async function closeConversation(deps: ChatDeps, conversationId: string, agent: Agent, teach: boolean): Promise<void> {
  const handoff = await heldHandoff(deps, conversationId, agent);
  const conversation = (await getConversation(deps.db, conversationId))!;
  const now = deps.now().toISOString();
  const messages = await listMessages(deps.db, conversationId);
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('handoffs').set({ status: 'closed', closed_at: now }).where('id', '=', handoff.id).execute();
    await trx
      .updateTable('conversations')
      .set({ status: 'closed', closed_at: now, rating_requested: 1, updated_at: now })
      .where('id', '=', conversationId)
      .execute();
    const suggestion = teach ? teachingPair(messages) : null;
    if (suggestion) {
      await trx
        .insertInto('knowledge_suggestions')
        .values({ bot_id: conversation.bot_id, conversation_id: conversationId, ...suggestion, status: 'pending', created_by: agent.id, created_at: now })
        .execute();
    }
  });
  await recordAudit(deps.db, { actor: `user:${agent.id}`, action: 'conversation.close', target: conversationId, details: { teach }, at: deps.now() });
  await postMessage(deps, { conversationId, role: 'system', text: SYSTEM_TEXTS.closed[conversation.lang], meta: { event: 'closed' } });
  await publishState(deps, conversationId);
  deps.hub.publish(queueChannel(handoff.bot_id), { event: 'queue', data: { conversationId } });
}

/** The question the customer needed a person for, and what the agent answered. */
function teachingPair(all: readonly MessageRow[]): { question: string; answer: string } | null {
  // A chat reopened after an earlier close: that part was taught (or not) when it closed.
  const closes = all.map((m) => m.role === 'system' && messageMeta(m).event === 'closed');
  const messages = all.slice(closes.lastIndexOf(true) + 1);
  const answer = messages.filter((m) => m.role === 'agent').map((m) => m.text).join('\n\n');
  // The customer's questions up to the agent's first reply; "can I talk to a human" (or "yes" to
  // the bot's offer of one) teaches nothing.
  const firstAgent = messages.find((m) => m.role === 'agent')?.seq ?? Infinity;
  const question = messages
    .filter((m) => m.role === 'customer' && m.seq < firstAgent && !isPersonRequest(m.text) && !isYes(m.text))
    .map((m) => m.text)
    .join('\n');
  // Suggestions become knowledge every customer sees: no personal data in them.
  return answer && question ? { question: redactPii(question).text, answer: redactPii(answer).text } : null;
}

/** Relay a typing indicator to the other side (transient: never stored). */
export function relayTyping(deps: ChatDeps, conversationId: string, role: 'agent' | 'customer', typing: boolean): void {
  deps.hub.publish(conversationId, { event: 'typing', data: { role, typing } });
}

/** The agent is typing in a chat they hold; FORBIDDEN for anyone else's. */
export async function agentTyping(deps: ChatDeps, conversationId: string, agent: Agent, typing: boolean): Promise<void> {
  await heldHandoff(deps, conversationId, agent);
  relayTyping(deps, conversationId, 'agent', typing);
}

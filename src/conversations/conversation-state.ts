import { replyPromise } from '../handoff/opening-hours.js';
import { estimateWait } from '../handoff/estimate-wait.js';
import type { ConversationState } from '../protocol/widget-api.js';
import type { ConversationRow } from '../storage/schema.js';
import { type ChatDeps } from './chat-deps.js';

/** Where a conversation stands, as the widget shows it: queue place and wait, or the promise. */
export async function conversationState(deps: ChatDeps, conversation: ConversationRow): Promise<ConversationState> {
  // The rating is for the closed chat: once the customer writes again (or asks for a person),
  // the queue place or the agent is what they need to see.
  const rated = conversation.status === 'closed' && conversation.rating_requested === 1;
  const state: ConversationState = { status: conversation.status, ratingRequested: rated };
  if (conversation.status === 'queued') state.queue = await queuePlace(deps, conversation);
  if (conversation.status === 'offline') {
    const handoff = await openHandoff(deps, conversation.id);
    const bot = deps.bots.get(conversation.bot_id)!.config;
    const requested = handoff ? new Date(handoff.requested_at) : deps.now();
    const promise = replyPromise(bot.openingHours, requested, conversation.lang, conversation.timezone ?? undefined, deps.now());
    state.offline = { replyBy: (handoff?.reply_by ?? promise.at?.toISOString()) ?? '', text: promise.text, emailSaved: conversation.email !== null };
  }
  if (conversation.status === 'agent' && conversation.agent_id !== null) {
    const agent = await deps.db.selectFrom('users').select('name').where('id', '=', conversation.agent_id).executeTakeFirst();
    if (agent) state.agentName = agent.name;
  }
  return state;
}

/** The conversation's current (not closed) handoff, if any. */
export async function openHandoff(deps: ChatDeps, conversationId: string) {
  return deps.db
    .selectFrom('handoffs')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .where('status', '!=', 'closed')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

async function queuePlace(deps: ChatDeps, conversation: ConversationRow): Promise<ConversationState['queue']> {
  const mine = await openHandoff(deps, conversation.id);
  const online = deps.agentsOnline(conversation.bot_id);
  const staffed = online > 0;
  const emailSaved = conversation.email !== null;
  if (!mine) return { position: 1, waitMinutes: null, staffed, emailSaved };
  const { ahead } = await deps.db
    .selectFrom('handoffs')
    .select((eb) => eb.fn.countAll<number>().as('ahead'))
    .where('bot_id', '=', conversation.bot_id)
    .where('status', '=', 'queued')
    .where((eb) => eb.or([eb('requested_at', '<', mine.requested_at), eb.and([eb('requested_at', '=', mine.requested_at), eb('id', '<', mine.id)])]))
    .executeTakeFirstOrThrow();
  const position = Number(ahead) + 1;
  // With nobody signed in, any number would be made up.
  if (!staffed) return { position, waitMinutes: null, staffed, emailSaved };
  const recent = await deps.db
    .selectFrom('handoffs')
    .select(['requested_at', 'claimed_at'])
    .where('bot_id', '=', conversation.bot_id)
    .where('claimed_at', 'is not', null)
    // Chats left overnight waited for the opening, not for a free agent.
    .where('reply_by', 'is', null)
    .orderBy('claimed_at', 'desc')
    .limit(20)
    .execute();
  const waits = recent.map((r) => Date.parse(r.claimed_at!) - Date.parse(r.requested_at));
  return { position, waitMinutes: estimateWait(position, waits, online).minutes, staffed, emailSaved };
}

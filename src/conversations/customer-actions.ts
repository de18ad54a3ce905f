import { LaerlingError } from '../errors.js';
import { learnFromConfirmation, learnFromRejection } from '../learning/learn-from-conversations.js';
import type { ConversationRow } from '../storage/schema.js';
import type { ChatDeps } from './chat-deps.js';
import { openHandoff } from './conversation-state.js';
import { updateConversation } from './conversation-store.js';
import { postMessage, publishState } from './post-message.js';
import { SYSTEM_TEXTS } from './system-texts.js';

/** "Did that help?" on one of the bot's answers. The latest verdict per answer counts. */
export async function recordFeedback(deps: ChatDeps, conversation: ConversationRow, seq: number, helpful: boolean): Promise<void> {
  const message = await deps.db
    .selectFrom('messages')
    .select('role')
    .where('conversation_id', '=', conversation.id)
    .where('seq', '=', seq)
    .executeTakeFirst();
  if (message?.role !== 'bot') throw new LaerlingError('NOT_FOUND', `No bot answer with seq ${seq} in this conversation`);
  await deps.db
    .insertInto('feedback')
    .values({ conversation_id: conversation.id, message_seq: seq, helpful: helpful ? 1 : 0, created_at: deps.now().toISOString() })
    .execute();
  if (helpful) await learnFromConfirmation(deps, conversation, seq);
  else await learnFromRejection(deps, conversation, seq);
}

/** The 0–10 rating at the end (or any time); a second rating replaces the first. */
export async function recordRating(deps: ChatDeps, conversation: ConversationRow, score: number, comment?: string): Promise<void> {
  const at = deps.now().toISOString();
  await deps.db
    .insertInto('ratings')
    .values({ conversation_id: conversation.id, score, comment: comment ?? null, created_at: at })
    .onConflict((oc) => oc.column('conversation_id').doUpdateSet({ score, comment: comment ?? null, created_at: at }))
    .execute();
  await updateConversation(deps.db, conversation.id, { rating_requested: 0, updated_at: at });
  await publishState(deps, conversation.id);
}

/** Outside opening hours: the e-mail the advisor replies to. */
export async function saveContactEmail(deps: ChatDeps, conversation: ConversationRow, email: string): Promise<void> {
  if (!(await openHandoff(deps, conversation.id))) {
    throw new LaerlingError('CONFLICT', 'Ask for a person first; the e-mail is for the advisor who replies');
  }
  await updateConversation(deps.db, conversation.id, { email, updated_at: deps.now().toISOString() });
  await postMessage(deps, {
    conversationId: conversation.id,
    role: 'system',
    text: SYSTEM_TEXTS.contactSaved[conversation.lang](email),
    meta: { event: 'contact-saved' },
  });
  await publishState(deps, conversation.id);
}

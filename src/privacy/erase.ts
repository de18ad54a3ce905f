import { sql } from 'kysely';
import type { ChatDeps } from '../conversations/chat-deps.js';
import { hashSecret } from '../conversations/conversation-store.js';
import { learnedId, type PairKind } from '../knowledge/learned-store.js';
import { recordAudit } from '../storage/audit.js';
import { mentionsEmail } from './mentions-email.js';

/** Whose data to erase: the token of one conversation (what the widget holds), or an e-mail address. */
export type EraseTarget = { token: string } | { email: string };

export interface EraseResult {
  conversations: number;
  learned: number;
  negative: number;
  suggestions: number;
}

/** Conversations that belong to the target: by token; by e-mail, those with it as contact or in a customer message. */
async function conversationsOf(deps: Pick<ChatDeps, 'db'>, target: EraseTarget): Promise<Array<{ id: string; bot_id: string }>> {
  if ('token' in target) {
    return deps.db.selectFrom('conversations').select(['id', 'bot_id']).where('token_hash', '=', hashSecret(target.token)).execute();
  }
  const email = target.email.trim().toLowerCase();
  const byContact = await deps.db
    .selectFrom('conversations')
    .select(['id', 'bot_id'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email))
    .execute();
  // LIKE only narrows the search: it also finds the address inside longer ones ("kari.ola@…" for
  // "ola@…"), and erasing those would delete other customers' conversations, so each candidate
  // message is checked for the whole address. SQLite's LIKE has no escape character by default.
  const pattern = `%${email.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const inMessages = await deps.db
    .selectFrom('messages as m')
    .innerJoin('conversations as c', 'c.id', 'm.conversation_id')
    .select(['c.id', 'c.bot_id', 'm.text'])
    .where('m.role', '=', 'customer')
    .where(sql<boolean>`lower(m.text) like ${pattern} escape '\\'`)
    .execute();
  // The rating's comment is the customer's text too ("mail me at …").
  const inComments = await deps.db
    .selectFrom('ratings as r')
    .innerJoin('conversations as c', 'c.id', 'r.conversation_id')
    .select(['c.id', 'c.bot_id', 'r.comment as text'])
    .where(sql<boolean>`lower(r.comment) like ${pattern} escape '\\'`)
    .execute();
  const candidates = [...inMessages, ...inComments];
  const found = new Map(byContact.map((c) => [c.id, c]));
  for (const c of candidates) {
    if (!found.has(c.id) && mentionsEmail(c.text ?? '', email)) found.set(c.id, { id: c.id, bot_id: c.bot_id });
  }
  return [...found.values()];
}

/**
 * Erase a customer's data (GDPR art. 17): their conversations with every message, handoff,
 * feedback and rating; the phrasings and negative pairs learned from them, from the database,
 * their files and the index; and suggestions not yet approved. By e-mail, also any stored pair
 * whose question holds the address. Approved Q&A items stay: an owner rewrote and published
 * them, and they were redacted before anyone saw them.
 */
export async function eraseCustomerData(deps: Pick<ChatDeps, 'db' | 'bots' | 'now'>, target: EraseTarget, actor: string): Promise<EraseResult> {
  const conversations = await conversationsOf(deps, target);
  const result: EraseResult = { conversations: conversations.length, learned: 0, negative: 0, suggestions: 0 };
  const ids = conversations.map((c) => c.id);
  let learned: PairRow[] = [];
  let negative: PairRow[] = [];
  if (ids.length > 0) {
    learned = await deps.db.selectFrom('learned_phrasings').select(['bot_id', 'question', 'url']).where('conversation_id', 'in', ids).execute();
    negative = await deps.db.selectFrom('negative_pairs').select(['bot_id', 'question', 'url']).where('conversation_id', 'in', ids).execute();
    await deps.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('learned_phrasings').where('conversation_id', 'in', ids).execute();
      await trx.deleteFrom('negative_pairs').where('conversation_id', 'in', ids).execute();
      const suggestions = await trx.deleteFrom('knowledge_suggestions').where('conversation_id', 'in', ids).where('status', '!=', 'approved').executeTakeFirst();
      result.suggestions = Number(suggestions.numDeletedRows);
      // Messages, handoffs, feedback and ratings go with their conversation (ON DELETE CASCADE).
      await trx.deleteFrom('conversations').where('id', 'in', ids).execute();
    });
  }
  // Pairs stored before learning redacted every question (`laerling learn` did not) can hold the
  // address without belonging to any conversation.
  const mentions = 'email' in target ? (p: { question: string }) => mentionsEmail(p.question, target.email) : undefined;
  result.learned = await forget(deps, 'learned', learned, mentions);
  result.negative = await forget(deps, 'negative', negative, mentions);
  if (Object.values(result).some((n) => n > 0)) {
    await recordAudit(deps.db, { actor, action: 'customer.erase', details: { ...result, by: 'token' in target ? 'token' : 'email' }, at: deps.now() });
  }
  return result;
}

type PairRow = { bot_id: string; question: string; url: string };

// The texts these conversations put in the bot's files and index, and those naming the address.
async function forget(deps: Pick<ChatDeps, 'bots'>, kind: PairKind, rows: readonly PairRow[], mentions?: (p: { question: string }) => boolean): Promise<number> {
  let removed = 0;
  for (const [botId, runtime] of deps.bots) {
    const ids = new Set(rows.filter((r) => r.bot_id === botId).map(learnedId));
    if (ids.size === 0 && !mentions) continue;
    removed += await runtime.knowledge.removePairs(kind, (p) => ids.has(learnedId(p)) || (mentions?.(p) ?? false));
  }
  return removed;
}

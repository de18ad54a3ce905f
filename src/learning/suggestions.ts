import type { ChatDeps } from '../conversations/chat-deps.js';
import { LaerlingError } from '../errors.js';
import { formatZodError } from '../config/format-zod-error.js';
import { createQa, qaInputSchema, type QaInput } from '../knowledge/owner-qa-items.js';
import type { OwnerQa } from '../knowledge/owner-qa-store.js';
import { resolvePageUrl } from '../knowledge/resolve-page-url.js';
import { addLearnedByOwner, type Owner } from './learned-items.js';
import { recordAudit } from '../storage/audit.js';

/** Agents' "teach the bot" suggestions for a bot (optionally of one status), newest first. */
export async function listSuggestions(deps: Pick<ChatDeps, 'db'>, botId: string, status?: 'pending' | 'approved' | 'rejected') {
  let query = deps.db.selectFrom('knowledge_suggestions').selectAll().where('bot_id', '=', botId);
  if (status) query = query.where('status', '=', status);
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(500).execute();
  return rows.map((r) => ({
    id: r.id,
    conversationId: r.conversation_id,
    question: r.question,
    answer: r.answer,
    status: r.status,
    createdAt: r.created_at,
    decidedAt: r.decided_at,
    qaId: r.qa_id,
  }));
}

async function pendingSuggestion(deps: Pick<ChatDeps, 'db'>, botId: string, id: number) {
  const row = await deps.db.selectFrom('knowledge_suggestions').selectAll().where('id', '=', id).where('bot_id', '=', botId).executeTakeFirst();
  if (!row) throw new LaerlingError('NOT_FOUND', `No suggestion ${id}`);
  if (row.status !== 'pending') throw new LaerlingError('CONFLICT', `Suggestion ${id} was already ${row.status}`);
  return row;
}

/** What an approval taught: a Q&A item answered as written, or phrasings of an existing page. */
export type Approval = { qa: OwnerQa } | { page: string; phrasings: string[] };

/**
 * Approve a suggestion, as written or as the owner edited it, indexed before this returns so the
 * widget answers it from the next question on. Linked to an indexed page ("this is answered on
 * that page"), its questions become owner-confirmed phrasings of that page: the page stays the one
 * source of truth and no second copy goes stale. Otherwise it becomes a Q&A item.
 */
export async function approveSuggestion(deps: ChatDeps, botId: string, id: number, owner: Owner, edited: Partial<Omit<QaInput, 'url'>> & { url?: string } = {}): Promise<Approval> {
  const row = await pendingSuggestion(deps, botId, id);
  const parsed = qaInputSchema.omit({ url: true }).safeParse({ question: edited.question ?? row.question, alternatives: edited.alternatives ?? [], answer: edited.answer ?? row.answer, lang: edited.lang });
  if (!parsed.success) throw new LaerlingError('INVALID_INPUT', `Edit the suggestion before approving it: ${formatZodError(parsed.error)}`);
  const knowledge = deps.bots.get(botId)!.knowledge;
  const page = edited.url ? resolvePageUrl(edited.url, knowledge.index.pageUrls()) : undefined;
  if (edited.url && !page) throw new LaerlingError('INVALID_INPUT', `url: no indexed page matches "${edited.url}"`);
  // Claim it first: two owners approving at once must not create two items.
  const claimed = await deps.db
    .updateTable('knowledge_suggestions')
    .set({ status: 'approved', decided_at: deps.now().toISOString(), decided_by: owner.id })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) throw new LaerlingError('CONFLICT', `Suggestion ${id} was decided meanwhile`);
  let approval: Approval;
  try {
    if (page) {
      const phrasings = [parsed.data.question, ...parsed.data.alternatives];
      for (const question of phrasings) await addLearnedByOwner(deps, botId, { question, url: page }, owner);
      approval = { page, phrasings };
    } else {
      approval = { qa: await createQa(knowledge, parsed.data, owner.email, deps.now(), id) };
    }
  } catch (err) {
    await deps.db.updateTable('knowledge_suggestions').set({ status: 'pending', decided_at: null, decided_by: null }).where('id', '=', id).execute();
    throw err;
  }
  const qaId = 'qa' in approval ? approval.qa.id : null;
  await deps.db.updateTable('knowledge_suggestions').set({ qa_id: qaId }).where('id', '=', id).execute();
  await recordAudit(deps.db, { actor: `user:${owner.id}`, action: 'suggestion.approve', target: String(id), details: { qaId, page: page ?? null }, at: deps.now() });
  return approval;
}

/** Edit a pending suggestion's text without deciding it. */
export async function editSuggestion(deps: ChatDeps, botId: string, id: number, owner: Owner, text: { question?: string; answer?: string }): Promise<void> {
  await pendingSuggestion(deps, botId, id);
  await deps.db.updateTable('knowledge_suggestions').set(text).where('id', '=', id).execute();
  await recordAudit(deps.db, { actor: `user:${owner.id}`, action: 'suggestion.edit', target: String(id), at: deps.now() });
}

/** Reject a suggestion: it teaches nothing. */
export async function rejectSuggestion(deps: ChatDeps, botId: string, id: number, owner: Owner): Promise<void> {
  await pendingSuggestion(deps, botId, id);
  await deps.db.updateTable('knowledge_suggestions').set({ status: 'rejected', decided_at: deps.now().toISOString(), decided_by: owner.id }).where('id', '=', id).execute();
  await recordAudit(deps.db, { actor: `user:${owner.id}`, action: 'suggestion.reject', target: String(id), at: deps.now() });
}

import type { ChatDeps } from '../conversations/chat-deps.js';
import { LaerlingError } from '../errors.js';
import { formatZodError } from '../config/format-zod-error.js';
import { createQa, qaInputSchema, type QaInput } from '../knowledge/owner-qa-items.js';
import type { OwnerQa } from '../knowledge/owner-qa-store.js';
import { recordAudit } from '../storage/audit.js';

type Owner = { id: number; email: string };

/** Agents' "teach the bot" suggestions for a bot, pending first, newest first. */
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

/**
 * Approve a suggestion, as written or as the owner edited it: it becomes an owner Q&A item,
 * indexed before this returns, so the widget answers it from the next question on.
 */
export async function approveSuggestion(deps: ChatDeps, botId: string, id: number, owner: Owner, edited?: Partial<QaInput>): Promise<OwnerQa> {
  const row = await pendingSuggestion(deps, botId, id);
  const parsed = qaInputSchema.safeParse({ question: edited?.question ?? row.question, alternatives: edited?.alternatives ?? [], answer: edited?.answer ?? row.answer, url: edited?.url, lang: edited?.lang });
  if (!parsed.success) throw new LaerlingError('INVALID_INPUT', `Edit the suggestion before approving it: ${formatZodError(parsed.error)}`);
  // Claim it first: two owners approving at once must not create two items.
  const claimed = await deps.db
    .updateTable('knowledge_suggestions')
    .set({ status: 'approved', decided_at: deps.now().toISOString(), decided_by: owner.id })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) throw new LaerlingError('CONFLICT', `Suggestion ${id} was decided meanwhile`);
  let item: OwnerQa;
  try {
    item = await createQa(deps.bots.get(botId)!.knowledge, parsed.data, owner.email, deps.now(), id);
  } catch (err) {
    await deps.db.updateTable('knowledge_suggestions').set({ status: 'pending', decided_at: null, decided_by: null }).where('id', '=', id).execute();
    throw err;
  }
  await deps.db.updateTable('knowledge_suggestions').set({ qa_id: item.id }).where('id', '=', id).execute();
  await recordAudit(deps.db, { actor: `user:${owner.id}`, action: 'suggestion.approve', target: String(id), details: { qaId: item.id }, at: deps.now() });
  return item;
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

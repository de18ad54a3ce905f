import type { SessionUser } from '../auth/sessions.js';
import type { ChatDeps } from '../conversations/chat-deps.js';
import { LaerlingError } from '../errors.js';
import { learnedId, type PairKind } from '../knowledge/learned-store.js';
import { resolvePageUrl } from '../knowledge/resolve-page-url.js';
import { redactPii } from '../privacy/redact.js';
import { indexedPhrasingKey } from '../retrieval/knowledge-index.js';
import { recordAudit } from '../storage/audit.js';
import { phrasingKey, visitorCounter } from './learn-from-conversations.js';

/** Who decides: a signed-in owner or admin. */
export type Owner = Pick<SessionUser, 'id' | 'email'>;

/**
 * Everything the bot learned, for the content owner: indexed phrasings and negative pairs (with
 * where they came from) and phrasings still waiting for a second conversation to confirm them.
 */
export async function listLearnedItems(deps: Pick<ChatDeps, 'db' | 'bots'>, botId: string) {
  const knowledge = deps.bots.get(botId)!.knowledge;
  const rows = await deps.db.selectFrom('learned_phrasings').select(['question', 'url', 'source', 'active', 'conversation_id', 'created_at', 'key']).where('bot_id', '=', botId).execute();
  const sourceOf = new Map(rows.map((r) => [`${r.url}\n${r.question}`, r.source]));
  const entry = (kind: PairKind) => (p: { question: string; url: string; learnedAt: string }) => ({
    id: learnedId(p),
    kind,
    question: p.question,
    url: p.url,
    learnedAt: p.learnedAt,
    source: kind === 'learned' ? (sourceOf.get(`${p.url}\n${p.question}`) ?? 'cli') : 'conversation',
  });
  const learnedPairs = await knowledge.pairs('learned');
  // Keyed as the index keys phrasings: a pair taught meanwhile (by an owner, the CLI) waits for nothing.
  const learnedKeys = new Set(learnedPairs.map(indexedPhrasingKey));
  const waiting = new Map<string, { question: string; url: string; conversations: Array<string | null>; firstAt: string }>();
  for (const r of rows.filter((r) => r.active === 0 && !learnedKeys.has(indexedPhrasingKey(r)))) {
    const k = `${r.url}\n${r.key}`;
    const w = waiting.get(k);
    if (w) w.conversations.push(r.conversation_id);
    else waiting.set(k, { question: r.question, url: r.url, conversations: [r.conversation_id], firstAt: r.created_at });
  }
  const visitors = await visitorCounter(deps, [...waiting.values()].flatMap((w) => w.conversations));
  return {
    learned: learnedPairs.map(entry('learned')).reverse(),
    negative: (await knowledge.pairs('negative')).map(entry('negative')).reverse(),
    // Counted as learning counts them: two chats from one visitor are one confirmation.
    waiting: [...waiting.values()].map(({ conversations, ...w }) => ({ ...w, confirmations: visitors(conversations) })),
  };
}

/** An owner teaches a phrasing directly: it counts at once (PRODUCT.md: confirmed by an owner). */
export async function addLearnedByOwner(deps: ChatDeps, botId: string, input: { question: string; url: string }, owner: Owner) {
  const knowledge = deps.bots.get(botId)!.knowledge;
  const url = resolvePageUrl(input.url, knowledge.index.pageUrls());
  if (!url) throw new LaerlingError('INVALID_INPUT', `url: no indexed page matches "${input.url}"`);
  const question = redactPii(input.question).text;
  const key = phrasingKey(question);
  if (!key) throw new LaerlingError('INVALID_INPUT', 'question: it has no content words');
  await deps.db
    .insertInto('learned_phrasings')
    .values({ bot_id: botId, question, url, source: 'owner', conversation_id: null, created_at: deps.now().toISOString(), key, active: 1 })
    .execute();
  await knowledge.learn([{ question, url }]);
  await recordAudit(deps.db, { actor: `user:${owner.id}`, action: 'learned.add', target: url, details: { question }, at: deps.now() });
  return { id: learnedId({ question, url }), question, url };
}

/**
 * Remove one learned item: from its file and, by a rebuild, from the index. A removed phrasing
 * stays marked in the database so the same question cannot sneak back by confirmation.
 */
export async function removeLearnedItem(deps: ChatDeps, botId: string, kind: PairKind, id: string, owner: Owner): Promise<void> {
  const knowledge = deps.bots.get(botId)!.knowledge;
  const target = (await knowledge.pairs(kind)).find((p) => learnedId(p) === id);
  if (!target) throw new LaerlingError('NOT_FOUND', `No ${kind} item ${id}`);
  const key = phrasingKey(target.question);
  if (kind === 'learned') {
    await deps.db.updateTable('learned_phrasings').set({ active: -1 }).where('bot_id', '=', botId).where('url', '=', target.url).where('key', '=', key).execute();
  } else {
    await deps.db.deleteFrom('negative_pairs').where('bot_id', '=', botId).where('url', '=', target.url).where('key', '=', key).execute();
  }
  await knowledge.removePairs(kind, (p) => learnedId(p) === id);
  await recordAudit(deps.db, { actor: `user:${owner.id}`, action: `${kind}.remove`, target: target.url, details: { question: target.question }, at: deps.now() });
}

import type { ChatDeps } from '../conversations/chat-deps.js';
import { messageMeta } from '../conversations/conversation-store.js';
import { redactPii } from '../privacy/redact.js';
import { createAnalyzer } from '../retrieval/analyze-text.js';
import type { ConversationRow } from '../storage/schema.js';

/** Distinct visitors (see distinctVisitors) that must agree before a pair is indexed: no single visitor can teach the bot. */
export const CONFIRMATIONS_NEEDED = 2;

const analyzer = createAnalyzer();

/** Near-identical questions share this key: their content stems, sorted ("PUK-koden, hvor?" = "hvor er puk koden"). */
export function phrasingKey(question: string): string {
  return [...new Set(analyzer.contentWords(question).map((w) => w.terms[0]!))].sort().join(' ');
}

/**
 * How many distinct visitors stand behind some conversations. A browser id is whatever the
 * widget sends, so conversations count as different visitors only when their browsers and their
 * networks (see visitorNetwork) both differ: one person with two made-up ids, or two browsers on
 * one network, is one. A conversation deleted since (retention) still counts as its own.
 */
async function distinctVisitors(deps: Pick<ChatDeps, 'db'>, conversationIds: ReadonlyArray<string | null>): Promise<number> {
  return (await visitorCounter(deps, conversationIds))(conversationIds);
}

/** distinctVisitors for any subsets of `conversationIds`, from one read of their conversations. */
export async function visitorCounter(deps: Pick<ChatDeps, 'db'>, conversationIds: ReadonlyArray<string | null>): Promise<(subset: ReadonlyArray<string | null>) => number> {
  const ids = [...new Set(conversationIds.filter((id): id is string => id !== null))];
  const rows = ids.length ? await deps.db.selectFrom('conversations').select(['id', 'browser_id', 'client_net']).where('id', 'in', ids).execute() : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return (subset) => {
    const browsers = new Set<string>();
    const networks = new Set<string>();
    subset.forEach((id, i) => {
      const row = id === null ? undefined : byId.get(id);
      const own = row?.id ?? `gone:${i}`;
      browsers.add(row?.browser_id ?? own);
      networks.add(row?.client_net ?? own);
    });
    return Math.min(browsers.size, networks.size);
  };
}

/** The customer's question a bot answer replied to (redacted) and the page it answered from. */
async function answeredPair(deps: ChatDeps, conversation: ConversationRow, answerSeq: number): Promise<{ question: string; url: string; key: string } | undefined> {
  const answer = await deps.db.selectFrom('messages').selectAll().where('conversation_id', '=', conversation.id).where('seq', '=', answerSeq).executeTakeFirst();
  const meta = answer ? messageMeta(answer) : undefined;
  const url = meta?.outcome === 'answer' ? meta.sources?.[0]?.url : undefined;
  if (!answer || !url || !answer.client_id) return undefined;
  const asked = await deps.db
    .selectFrom('messages')
    .select('text')
    .where('conversation_id', '=', conversation.id)
    .where('role', '=', 'customer')
    .where('client_id', '=', answer.client_id)
    .executeTakeFirst();
  if (!asked) return undefined;
  // A follow-up ("hva koster det?") is learned as searched, with the question it continued.
  const question = redactPii(meta?.asked ?? asked.text).text;
  const key = phrasingKey(question);
  return key ? { question, url, key } : undefined;
}

/** Share of content stems two phrasing keys must have in common to count as the same question asked twice. */
export const SIMILAR_KEYS = 0.34;

/** Whether two phrasing keys are the same question in other words (Jaccard overlap of their stems). */
export function similarKeys(a: string, b: string): boolean {
  if (a === b) return true;
  const x = new Set(a.split(' '));
  const y = b.split(' ');
  const shared = y.filter((w) => x.has(w)).length;
  return shared / (x.size + y.length - shared) >= SIMILAR_KEYS;
}

/**
 * "That helped" on a bot answer: the question it answered becomes a learned phrasing of the page
 * it answered from — recorded now, indexed once CONFIRMATIONS_NEEDED distinct conversations have
 * confirmed that page for the same question or a similar one (then all of them are indexed).
 * Personal data is redacted first. A phrasing an owner removed stays out.
 */
export async function learnFromConfirmation(deps: ChatDeps, conversation: ConversationRow, answerSeq: number): Promise<'recorded' | 'indexed' | 'ignored'> {
  const pair = await answeredPair(deps, conversation, answerSeq);
  if (!pair) return 'ignored';
  const { question, url, key } = pair;
  await withdrawRejection(deps, conversation, pair);
  const forPage = () => deps.db.selectFrom('learned_phrasings').select(['id', 'conversation_id', 'active', 'key', 'question']).where('bot_id', '=', conversation.bot_id).where('url', '=', url);
  const rows = await forPage().execute();
  if (rows.some((r) => r.active === -1 && r.key === key)) return 'ignored';
  if (!rows.some((r) => r.conversation_id === conversation.id && r.key === key)) {
    await deps.db
      .insertInto('learned_phrasings')
      .values({ bot_id: conversation.bot_id, question, url, source: 'conversation', conversation_id: conversation.id, created_at: deps.now().toISOString(), key, active: 0 })
      .execute();
  }
  const group = (await forPage().execute()).filter((r) => r.active >= 0 && similarKeys(r.key, key));
  const waiting = group.filter((r) => r.active === 0);
  if ((await distinctVisitors(deps, group.map((r) => r.conversation_id))) < CONFIRMATIONS_NEEDED || waiting.length === 0) return 'recorded';
  await deps.bots.get(conversation.bot_id)!.knowledge.learn([...new Set(waiting.map((r) => r.question))].map((q) => ({ question: q, url })));
  await deps.db.updateTable('learned_phrasings').set({ active: 1 }).where('id', 'in', waiting.map((r) => r.id)).execute();
  return 'indexed';
}

/**
 * "No" then "yes": the visitor's rejection of this page for this question no longer counts towards
 * a negative pair. One already applied stays (two visitors once agreed); an owner can remove it.
 */
async function withdrawRejection(deps: ChatDeps, conversation: ConversationRow, pair: { question: string; url: string; key: string }): Promise<void> {
  const rejected = await deps.db.selectFrom('negative_pairs').select('id').where('bot_id', '=', conversation.bot_id).where('conversation_id', '=', conversation.id).where('url', '=', pair.url).where('key', '=', pair.key).execute();
  // Only a rejection reads the pairs file: most "yes" clicks have none to withdraw.
  if (rejected.length === 0) return;
  const applied = (await deps.bots.get(conversation.bot_id)!.knowledge.pairs('negative')).some((p) => p.url === pair.url && p.question === pair.question);
  if (!applied) await deps.db.deleteFrom('negative_pairs').where('id', 'in', rejected.map((r) => r.id)).execute();
}

/**
 * "That did not help": a negative pair (question → page), recorded now and applied — the page
 * ranks lower for similar questions — once CONFIRMATIONS_NEEDED distinct conversations agree on
 * the same or a similar question.
 */
export async function learnFromRejection(deps: ChatDeps, conversation: ConversationRow, answerSeq: number): Promise<'recorded' | 'applied' | 'ignored'> {
  const pair = await answeredPair(deps, conversation, answerSeq);
  if (!pair) return 'ignored';
  const { question, url, key } = pair;
  // "Yes" then "no": the latest verdict counts, so this visitor no longer vouches for the page.
  // A phrasing already indexed stays (two visitors once agreed); an owner can remove it.
  await deps.db.deleteFrom('learned_phrasings').where('bot_id', '=', conversation.bot_id).where('conversation_id', '=', conversation.id).where('url', '=', url).where('key', '=', key).where('active', '=', 0).execute();
  const similar = (await deps.db.selectFrom('negative_pairs').select(['conversation_id', 'key']).where('bot_id', '=', conversation.bot_id).where('url', '=', url).execute()).filter((r) =>
    similarKeys(r.key, key),
  );
  if (similar.some((r) => r.conversation_id === conversation.id)) return 'recorded';
  await deps.db
    .insertInto('negative_pairs')
    .values({ bot_id: conversation.bot_id, question, key, url, conversation_id: conversation.id, created_at: deps.now().toISOString() })
    .execute();
  const ids = similar.map((r) => r.conversation_id);
  const visitors = await visitorCounter(deps, [...ids, conversation.id]);
  const before = visitors(ids);
  if (visitors([...ids, conversation.id]) < CONFIRMATIONS_NEEDED) return 'recorded';
  // Crossing the bar applies the earlier questions too; later agreement adds its own wording.
  const earlier = before < CONFIRMATIONS_NEEDED ? similar.map((r) => r.key) : [];
  const questions = earlier.length ? await deps.db.selectFrom('negative_pairs').select('question').where('bot_id', '=', conversation.bot_id).where('url', '=', url).where('key', 'in', earlier).execute() : [];
  await deps.bots.get(conversation.bot_id)!.knowledge.addNegatives([...new Set([...questions.map((q) => q.question), question])].map((q) => ({ question: q, url })));
  return 'applied';
}

import type { Kysely } from 'kysely';
import { messageMeta } from '../conversations/conversation-store.js';
import { redactPii } from '../privacy/redact.js';
import type { Database, MessageRow } from '../storage/schema.js';
import { conversationOutcomes, countOutcomes, LOW_RATING, type ResolutionStats } from './resolution-rate.js';
import { addDays, localParts } from '../handoff/opening-hours.js';

const TOP_TOPICS = 10;
const DAY_MS = 86_400_000;

export interface DayStats extends ResolutionStats {
  date: string;
  /** Conversations with at least one customer question created that day. */
  conversations: number;
}

export interface OwnerMetrics {
  /** Exactly what the badge and `laerling stats` show. */
  resolution: ResolutionStats;
  daily: DayStats[];
  handoffReasons: Record<string, number>;
  csat: { count: number; mean: number | null; distribution: number[] };
  lowRatings: Array<{ conversationId: string; score: number; comment: string | null; createdAt: string; followedUpAt: string | null; email: string | null; transcript: Array<{ role: string; text: string; createdAt: string }> }>;
  topics: Array<{ topic: string; url: string; conversations: number; resolved: number; rate: number | null }>;
}

/**
 * The content owner's dashboard for one bot over its rolling window ending at `now`. The daily
 * chart has a bar for every calendar day (in the bot's timezone) the window touches, the partial
 * first and last days included, so its bars add up to the headline numbers.
 */
export async function ownerMetrics(db: Kysely<Database>, botId: string, now: Date, opts: { windowDays: number; timeZone: string }): Promise<OwnerMetrics> {
  const localDate = (at: Date) => localParts(at, opts.timeZone).date;
  const since = new Date(now.getTime() - opts.windowDays * DAY_MS).toISOString();
  const outcomes = await conversationOutcomes(db, botId, now, opts.windowDays);
  const asked = outcomes.filter((o) => o.outcome !== null);

  const days = new Map<string, typeof asked>();
  const last = localDate(now);
  for (let date = localDate(new Date(since)); date <= last; date = addDays(date, 1)) days.set(date, []);
  for (const o of asked) days.get(localDate(new Date(o.createdAt)))?.push(o);
  const daily = [...days].map(([date, list]) => ({ date, conversations: list.length, ...countOutcomes(list.map((o) => o.outcome)) }));

  const reasons = await db.selectFrom('handoffs').select(['reason', db.fn.countAll<number>().as('n')]).where('bot_id', '=', botId).where('requested_at', '>=', since).groupBy('reason').execute();

  const ratings = await db
    .selectFrom('ratings as r')
    .innerJoin('conversations as c', 'c.id', 'r.conversation_id')
    .select(['r.conversation_id', 'r.score', 'r.comment', 'r.created_at', 'r.followed_up_at', 'c.email'])
    .where('c.bot_id', '=', botId)
    .where('r.created_at', '>=', since)
    .orderBy('r.created_at', 'desc')
    .execute();
  const distribution = Array.from({ length: 11 }, () => 0);
  for (const r of ratings) distribution[r.score]!++;
  const low = ratings.filter((r) => r.score <= LOW_RATING);
  const transcripts = await messagesOf(db, low.map((r) => r.conversation_id));

  return {
    resolution: countOutcomes(outcomes.map((o) => o.outcome)),
    daily,
    handoffReasons: Object.fromEntries(reasons.map((r) => [r.reason, Number(r.n)])),
    csat: { count: ratings.length, mean: ratings.length ? ratings.reduce((s, r) => s + r.score, 0) / ratings.length : null, distribution },
    lowRatings: low.map((r) => ({
      conversationId: r.conversation_id,
      score: r.score,
      comment: r.comment === null ? null : redactPii(r.comment).text,
      createdAt: r.created_at,
      followedUpAt: r.followed_up_at,
      // Analytics are redacted; the address the customer left for contact is what a follow-up needs.
      email: r.email,
      transcript: (transcripts.get(r.conversation_id) ?? []).map((m) => ({ role: m.role, text: redactPii(m.text).text, createdAt: m.created_at })),
    })),
    topics: await topics(db, asked),
  };
}

/** A conversation's topic is the page of its first bot reply: the source it answered from, else its best candidate. */
async function topics(db: Kysely<Database>, asked: Array<{ id: string; outcome: string | null }>): Promise<OwnerMetrics['topics']> {
  const firstBot = new Map<string, MessageRow>();
  for (const m of (await messagesOf(db, asked.map((o) => o.id), 'bot')).values()) if (m[0]) firstBot.set(m[0].conversation_id, m[0]);
  const byUrl = new Map<string, { topic: string; url: string; conversations: number; resolved: number; decided: number }>();
  for (const o of asked) {
    const message = firstBot.get(o.id);
    if (!message) continue;
    const meta = messageMeta(message) as ReturnType<typeof messageMeta> & { candidates?: Array<{ url: string; title: string }> };
    const page = meta.outcome === 'answer' ? meta.sources?.[0] : meta.candidates?.[0];
    if (!page) continue;
    const t = byUrl.get(page.url) ?? { topic: page.title || page.url, url: page.url, conversations: 0, resolved: 0, decided: 0 };
    t.conversations++;
    if (o.outcome === 'confirmed' || o.outcome === 'assumed') t.resolved++;
    if (o.outcome !== 'pending') t.decided++;
    byUrl.set(page.url, t);
  }
  return [...byUrl.values()]
    .sort((a, b) => b.conversations - a.conversations || (a.url < b.url ? -1 : 1))
    .slice(0, TOP_TOPICS)
    .map(({ decided, ...t }) => ({ ...t, rate: decided ? t.resolved / decided : null }));
}

async function messagesOf(db: Kysely<Database>, ids: string[], role?: 'bot'): Promise<Map<string, MessageRow[]>> {
  const out = new Map<string, MessageRow[]>();
  // SQLite limits bound parameters: fetch in slices.
  for (let i = 0; i < ids.length; i += 500) {
    let q = db.selectFrom('messages').selectAll().where('conversation_id', 'in', ids.slice(i, i + 500));
    if (role) q = q.where('role', '=', role);
    for (const m of await q.orderBy('conversation_id').orderBy('seq').execute()) out.set(m.conversation_id, [...(out.get(m.conversation_id) ?? []), m]);
  }
  return out;
}

/** Mark a low rating as followed up by a person; false when the bot has no rating for that conversation. */
export async function markFollowedUp(db: Kysely<Database>, botId: string, conversationId: string, userId: number, now: Date): Promise<boolean> {
  const owned = await db.selectFrom('conversations').select('id').where('id', '=', conversationId).where('bot_id', '=', botId).executeTakeFirst();
  if (!owned) return false;
  const result = await db.updateTable('ratings').set({ followed_up_at: now.toISOString(), followed_up_by: userId }).where('conversation_id', '=', conversationId).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

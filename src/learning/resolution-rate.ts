import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.js';

/** Silence after the bot's answer that counts as an assumed resolution (PRODUCT.md). */
export const ASSUMED_AFTER_MS = 30 * 60_000;

/** Ratings at or below this are negative feedback: not resolved, and followed up by a person. */
export const LOW_RATING = 6;

export type Outcome = 'confirmed' | 'assumed' | 'not-resolved' | 'pending';

/** The facts about one conversation that decide its outcome. */
export interface ConversationFacts {
  customerQuestions: number;
  handedOff: boolean;
  anyHelpful: boolean;
  anyNotHelpful: boolean;
  /** The conversation's one rating (0–10); a later rating replaces an earlier one. */
  rating: number | null;
  lastBotOutcome: 'answer' | 'abstain' | null;
  /** Time of the conversation's last message. */
  lastActivity: number;
}

/**
 * PRODUCT.md's definitions, applied to one conversation at time `now`. `pending` is a conversation
 * that may still become an assumed resolution (the customer is possibly still reading); it is left
 * out of the rate until 30 minutes of silence decide it, rather than counted either way.
 */
export function classifyConversation(f: ConversationFacts, now: number): Outcome | null {
  if (f.customerQuestions === 0) return null;
  if (f.handedOff) return 'not-resolved';
  // The rating judges the whole conversation and comes last: a low one outweighs an earlier "that helped".
  if (f.rating !== null && f.rating <= LOW_RATING) return 'not-resolved';
  if (f.anyHelpful || (f.rating !== null && f.rating > LOW_RATING)) return 'confirmed';
  if (f.anyNotHelpful) return 'not-resolved';
  const silent = now - f.lastActivity >= ASSUMED_AFTER_MS;
  if (f.lastBotOutcome === 'answer') return silent ? 'assumed' : 'pending';
  // Abandoned after an abstention (or before any answer) once the customer has gone quiet.
  return silent ? 'not-resolved' : 'pending';
}

export interface ResolutionStats {
  confirmed: number;
  assumed: number;
  notResolved: number;
  pending: number;
  /** Conversations with at least one customer question whose outcome is decided. */
  sample: number;
  /** (confirmed + assumed) / sample, or null with no sample. */
  rate: number | null;
}

/** Each conversation of the bot created in the window ending at `now`, with its outcome then (null: no question yet). */
export async function conversationOutcomes(db: Kysely<Database>, botId: string, now: Date, windowDays: number): Promise<Array<{ id: string; createdAt: string; outcome: Outcome | null }>> {
  const since = new Date(now.getTime() - windowDays * 86_400_000).toISOString();
  const rows = await db
    .selectFrom('conversations as c')
    .where('c.bot_id', '=', botId)
    .where('c.created_at', '>=', since)
    .select((eb) => {
      // A customer may change their mind about an answer: only the latest verdict on each one counts.
      const latestVerdicts = (helpful: 0 | 1) =>
        eb
          .selectFrom('feedback as f')
          .whereRef('f.conversation_id', '=', 'c.id')
          .where('f.helpful', '=', helpful)
          .where(({ not, exists, selectFrom }) =>
            not(exists(selectFrom('feedback as g').select('g.id').whereRef('g.conversation_id', '=', 'f.conversation_id').whereRef('g.message_seq', '=', 'f.message_seq').whereRef('g.id', '>', 'f.id'))),
          )
          .select(eb.fn.countAll<number>().as('n'));
      return [
        'c.id',
        'c.created_at',
        eb.selectFrom('messages as m').whereRef('m.conversation_id', '=', 'c.id').where('m.role', '=', 'customer').select(eb.fn.countAll<number>().as('n')).as('questions'),
        eb.selectFrom('messages as m').whereRef('m.conversation_id', '=', 'c.id').select((m) => m.fn.max('m.created_at').as('t')).as('last_at'),
        eb.selectFrom('handoffs as h').whereRef('h.conversation_id', '=', 'c.id').select(eb.fn.countAll<number>().as('n')).as('handoffs'),
        latestVerdicts(1).as('helpful'),
        latestVerdicts(0).as('not_helpful'),
        eb.selectFrom('ratings as r').whereRef('r.conversation_id', '=', 'c.id').select('r.score').as('rating'),
        eb.selectFrom('messages as m').whereRef('m.conversation_id', '=', 'c.id').where('m.role', '=', 'bot').orderBy('m.seq', 'desc').limit(1).select('m.meta').as('last_bot_meta'),
      ] as const;
    })
    .execute();
  return rows.map((r) => {
    const lastBot = r.last_bot_meta ? (JSON.parse(r.last_bot_meta) as { outcome?: 'answer' | 'abstain' }).outcome ?? null : null;
    const outcome = classifyConversation(
      {
        customerQuestions: Number(r.questions ?? 0),
        handedOff: Number(r.handoffs ?? 0) > 0,
        anyHelpful: Number(r.helpful ?? 0) > 0,
        anyNotHelpful: Number(r.not_helpful ?? 0) > 0,
        rating: r.rating ?? null,
        lastBotOutcome: lastBot,
        lastActivity: r.last_at ? Date.parse(r.last_at) : 0,
      },
      now.getTime(),
    );
    return { id: r.id, createdAt: r.created_at, outcome };
  });
}

/** Count outcomes into the rate: pending ones are left out until they are decided. */
export function countOutcomes(outcomes: Iterable<Outcome | null>): ResolutionStats {
  const stats: ResolutionStats = { confirmed: 0, assumed: 0, notResolved: 0, pending: 0, sample: 0, rate: null };
  for (const outcome of outcomes) {
    if (outcome === 'confirmed') stats.confirmed++;
    else if (outcome === 'assumed') stats.assumed++;
    else if (outcome === 'not-resolved') stats.notResolved++;
    else if (outcome === 'pending') stats.pending++;
  }
  stats.sample = stats.confirmed + stats.assumed + stats.notResolved;
  stats.rate = stats.sample > 0 ? (stats.confirmed + stats.assumed) / stats.sample : null;
  return stats;
}

/** The bot's resolution rate over the rolling window ending at `now`, from stored events only: what the badge, dashboard and `laerling stats` show. */
export async function resolutionStats(db: Kysely<Database>, botId: string, now: Date, windowDays: number): Promise<ResolutionStats> {
  return countOutcomes((await conversationOutcomes(db, botId, now, windowDays)).map((c) => c.outcome));
}

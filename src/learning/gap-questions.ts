import type { Kysely } from 'kysely';
import { messageMeta } from '../conversations/conversation-store.js';
import { isPersonRequest, isSmallTalk, isYes } from '../handoff/person-request.js';
import { redactPii } from '../privacy/redact.js';
import type { Database } from '../storage/schema.js';

/** Gap questions counted per network (see visitorNetwork) in the window: more than any one visitor asks. */
export const GAPS_PER_NETWORK = 20;

/** A question the bot could not answer, redacted, as gap grouping takes it. */
export interface GapQuestion {
  id: string;
  text: string;
  at: string;
  conversationId: string;
  /** A person took over after it (before the customer's next question): what the gap cost. */
  handedOff: boolean;
}

/**
 * The bot's knowledge gaps since `since`: every customer question it abstained on, plus the
 * question before each handoff it did answer (the answer was not enough). Asking for a person is
 * not a gap, but it marks the question before it as handed off. Texts are redacted: gaps are shown
 * to content owners and kept for analytics.
 */
export async function gapQuestions(db: Kysely<Database>, botId: string, since: Date): Promise<GapQuestion[]> {
  const rows = await db
    .selectFrom('messages as m')
    .innerJoin('conversations as c', 'c.id', 'm.conversation_id')
    .select(['m.conversation_id', 'm.seq', 'm.role', 'm.text', 'm.meta', 'm.client_id', 'm.created_at', 'c.client_net'])
    .where('c.bot_id', '=', botId)
    .where('c.created_at', '>=', since.toISOString())
    .where('m.role', 'in', ['customer', 'bot', 'system'])
    .orderBy('m.conversation_id')
    .orderBy('m.seq')
    .execute();
  // A sensitive topic goes to a person by the bot's rules, answered or not: no gap to fill.
  const sensitive = await db
    .selectFrom('handoffs')
    .select(['conversation_id', 'requested_at'])
    .where('bot_id', '=', botId)
    .where('reason', '=', 'sensitive-topic')
    .where('requested_at', '>=', since.toISOString())
    .execute();
  const byRule = (question: (typeof rows)[number], at: string) =>
    sensitive.some((h) => h.conversation_id === question.conversation_id && h.requested_at >= question.created_at && h.requested_at <= at);
  const out: Array<GapQuestion & { net: string | null }> = [];
  let lastQuestion: (typeof rows)[number] | undefined;
  let gapOfLast = false;
  for (const row of rows) {
    if (lastQuestion && lastQuestion.conversation_id !== row.conversation_id) lastQuestion = undefined;
    if (row.role === 'customer') {
      // "ja takk" to the person the bot offered when it abstained asks for a person too; "tusen
      // takk" and "hei" ask nothing.
      const ask: boolean = !isPersonRequest(row.text) && !(gapOfLast && isYes(row.text)) && !isSmallTalk(row.text);
      lastQuestion = ask ? row : lastQuestion;
      gapOfLast = ask ? false : gapOfLast;
      continue;
    }
    if (!lastQuestion) continue;
    const meta = messageMeta(row);
    const handedOff = row.role === 'system' && (meta.event === 'handoff-queued' || meta.event === 'handoff-offline') && !byRule(lastQuestion, row.created_at);
    if (gapOfLast) {
      // "Jeg vil snakke med et menneske" after an abstention: that gap cost a person's time.
      if (handedOff) out.at(-1)!.handedOff = true;
      continue;
    }
    // A technical failure (meta.failed) is no gap in the knowledge.
    const abstained = row.role === 'bot' && meta.outcome === 'abstain' && !meta.failed && row.client_id === lastQuestion.client_id;
    if (!abstained && !handedOff) continue;
    gapOfLast = true;
    out.push({
      id: `${lastQuestion.conversation_id}:${lastQuestion.seq}`,
      // A follow-up's gap is the question as searched, with the one it continued ("hva koster det?" alone says nothing).
      text: redactPii((abstained && meta.asked) || lastQuestion.text).text,
      at: lastQuestion.created_at,
      conversationId: lastQuestion.conversation_id,
      handedOff,
      net: lastQuestion.client_net,
    });
  }
  return fewPerNetwork(out);
}

/**
 * One network's latest GAPS_PER_NETWORK gaps: a script sending made-up questions would otherwise
 * fill the owner's gaps view (and push real customers' questions out of the grouped window).
 */
function fewPerNetwork(gaps: ReadonlyArray<GapQuestion & { net: string | null }>): GapQuestion[] {
  const latest = [...gaps].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const seen = new Map<string, number>();
  const kept = new Set<GapQuestion>();
  for (const gap of latest) {
    const count = gap.net === null ? 0 : (seen.get(gap.net) ?? 0) + 1;
    if (gap.net !== null) seen.set(gap.net, count);
    if (count <= GAPS_PER_NETWORK) kept.add(gap);
  }
  return gaps.filter((g) => kept.has(g)).map(({ net: _net, ...gap }) => gap);
}

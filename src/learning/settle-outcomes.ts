import type { ChatDeps } from '../conversations/chat-deps.js';
import { conversationOutcomes } from './resolution-rate.js';

/**
 * Store each conversation's decided outcome (PRODUCT.md), e.g. mark assumed resolutions after 30
 * minutes of silence, so consoles and exports can show it per conversation. The rate itself is
 * always computed from the events by the same function, so the stored column can never disagree
 * with the badge for long: a later rating or handoff simply re-settles it.
 */
export async function settleOutcomes(deps: Pick<ChatDeps, 'db' | 'bots' | 'now'>): Promise<number> {
  const now = deps.now();
  let changed = 0;
  for (const [botId, runtime] of deps.bots) {
    const outcomes = await conversationOutcomes(deps.db, botId, now, runtime.config.resolution.windowDays);
    const decided = outcomes.filter((o) => o.outcome && o.outcome !== 'pending');
    if (decided.length === 0) continue;
    const stored = new Map(
      (await deps.db.selectFrom('conversations').select(['id', 'outcome']).where('bot_id', '=', botId).where('id', 'in', decided.map((o) => o.id)).execute()).map((r) => [r.id, r.outcome]),
    );
    for (const o of decided) {
      if (stored.get(o.id) === o.outcome) continue;
      await deps.db.updateTable('conversations').set({ outcome: o.outcome as 'confirmed' | 'assumed' | 'not-resolved', outcome_at: now.toISOString() }).where('id', '=', o.id).execute();
      changed++;
    }
  }
  return changed;
}

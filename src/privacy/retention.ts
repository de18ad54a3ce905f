import type { ChatDeps } from '../conversations/chat-deps.js';
import { recordAudit } from '../storage/audit.js';

/**
 * Delete transcripts older than each bot's retention period (default 90 days), counted from the
 * conversation's last activity. Messages, handoffs, feedback and ratings go with them; what was
 * learned from them stays, because it was redacted before it was kept.
 */
export async function purgeExpiredConversations(deps: Pick<ChatDeps, 'db' | 'bots' | 'now'>): Promise<number> {
  let purged = 0;
  for (const [botId, runtime] of deps.bots) {
    const cutoff = new Date(deps.now().getTime() - runtime.config.retentionDays * 86_400_000).toISOString();
    const result = await deps.db.deleteFrom('conversations').where('bot_id', '=', botId).where('updated_at', '<', cutoff).executeTakeFirst();
    const n = Number(result.numDeletedRows);
    if (n > 0) await recordAudit(deps.db, { actor: 'job:retention', action: 'conversations.purge', target: botId, details: { count: n, before: cutoff }, at: deps.now() });
    purged += n;
  }
  return purged;
}

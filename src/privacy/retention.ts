import { botSchema } from '../config/bot-config.js';
import type { ChatDeps } from '../conversations/chat-deps.js';
import { recordAudit } from '../storage/audit.js';

/** Days a bot keeps transcripts when its config does not say: also what a removed bot's transcripts get. */
export const DEFAULT_RETENTION_DAYS: number = botSchema.shape.retentionDays.parse(undefined);

/**
 * Delete transcripts older than each bot's retention period (default 90 days), counted from the
 * conversation's last activity. Messages, handoffs, feedback and ratings go with them; what was
 * learned from them stays, because it was redacted before it was kept.
 */
export async function purgeExpiredConversations(deps: Pick<ChatDeps, 'db' | 'bots' | 'now'>): Promise<number> {
  // Every bot that has conversations, not only the configured ones: a bot removed from the
  // config has no setting left, and its transcripts would otherwise be kept forever.
  const stored = await deps.db.selectFrom('conversations').select('bot_id').distinct().execute();
  let purged = 0;
  for (const { bot_id: botId } of stored) {
    const days = deps.bots.get(botId)?.config.retentionDays ?? DEFAULT_RETENTION_DAYS;
    const cutoff = new Date(deps.now().getTime() - days * 86_400_000).toISOString();
    const result = await deps.db.deleteFrom('conversations').where('bot_id', '=', botId).where('updated_at', '<', cutoff).executeTakeFirst();
    const n = Number(result.numDeletedRows);
    if (n > 0) await recordAudit(deps.db, { actor: 'job:retention', action: 'conversations.purge', target: botId, details: { count: n, before: cutoff }, at: deps.now() });
    purged += n;
  }
  return purged;
}

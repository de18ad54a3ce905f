import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** Record who did what in the consoles (sign-ins, claims, closes, user changes) for later review. */
export async function recordAudit(
  db: Kysely<Database>,
  event: { actor: string; action: string; target?: string; details?: Record<string, unknown>; at: Date },
): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({ at: event.at.toISOString(), actor: event.actor, action: event.action, target: event.target ?? null, details: JSON.stringify(event.details ?? {}) })
    .execute();
}

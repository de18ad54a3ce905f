import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { hashSecret } from '../conversations/conversation-store.js';
import type { Database, UserRow } from '../storage/schema.js';

/** How long a console session lives without being renewed. */
export const SESSION_TTL_MS = 12 * 60 * 60_000;

export type SessionUser = Pick<UserRow, 'id' | 'email' | 'name' | 'role'> & { csrfToken: string };

/** Start a session; returns the cookie value (only its hash is stored) and the CSRF token. */
export async function createSession(db: Kysely<Database>, userId: number, now: Date): Promise<{ cookie: string; csrfToken: string }> {
  const cookie = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db
    .insertInto('sessions')
    .values({
      id: hashSecret(cookie),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
    })
    .execute();
  return { cookie, csrfToken };
}

/** The signed-in user behind a cookie value, if the session exists, has not expired and the user is enabled. */
export async function sessionUser(db: Kysely<Database>, cookie: string, now: Date): Promise<SessionUser | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.email', 'users.name', 'users.role', 'users.disabled', 'sessions.csrf_token', 'sessions.expires_at'])
    .where('sessions.id', '=', hashSecret(cookie))
    .executeTakeFirst();
  if (!row || row.disabled || row.expires_at <= now.toISOString()) return undefined;
  return { id: row.id, email: row.email, name: row.name, role: row.role, csrfToken: row.csrf_token };
}

/** End a session (logout); also sweeps expired ones. */
export async function deleteSession(db: Kysely<Database>, cookie: string, now: Date): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', hashSecret(cookie)).execute();
  await db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).execute();
}

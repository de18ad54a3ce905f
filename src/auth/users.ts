import type { Kysely } from 'kysely';
import { z } from 'zod';
import { LaerlingError } from '../errors.js';
import type { Database, UserRow } from '../storage/schema.js';
import { hashPassword } from './password.js';

export const newUserSchema = z.object({
  email: z.email().max(254).transform((e) => e.toLowerCase()),
  name: z.string().trim().min(1).max(80),
  role: z.enum(['agent', 'owner', 'admin']),
  password: z.string().min(10, 'at least 10 characters').max(200),
});

/**
 * Create a console user (or reset the password, name and role of an existing e-mail). A reset
 * ends the user's sessions: a new password is how a stolen one is taken back, and a changed role
 * must not live on in a session signed in under the old one. It leaves `disabled` as it was, so
 * resetting a disabled user's password does not let them in again (`setUserDisabled` does).
 */
export async function upsertUser(db: Kysely<Database>, input: z.input<typeof newUserSchema>, now: Date): Promise<Pick<UserRow, 'id' | 'email' | 'role' | 'disabled'>> {
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) throw new LaerlingError('INVALID_INPUT', parsed.error.issues.map((i) => `${i.path.join('.') || 'user'}: ${i.message}`).join('; '));
  const { email, name, role, password } = parsed.data;
  const password_hash = await hashPassword(password);
  return db.transaction().execute(async (tx) => {
    const user = await tx
      .insertInto('users')
      .values({ email, name, role, password_hash, created_at: now.toISOString(), disabled: 0 })
      .onConflict((oc) => oc.column('email').doUpdateSet({ name, role, password_hash }))
      .returning(['id', 'email', 'role', 'disabled'])
      .executeTakeFirstOrThrow();
    await tx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
    return user;
  });
}

/**
 * Disable a user (no sign-in; their sessions are deleted, so open consoles are signed out at
 * their next request) or enable them again. Throws NOT_FOUND for an unknown e-mail.
 */
export async function setUserDisabled(db: Kysely<Database>, email: string, disabled: boolean): Promise<Pick<UserRow, 'id' | 'email' | 'role'>> {
  return db.transaction().execute(async (tx) => {
    const user = await tx
      .updateTable('users')
      .set({ disabled: disabled ? 1 : 0 })
      .where('email', '=', email.trim().toLowerCase())
      .returning(['id', 'email', 'role'])
      .executeTakeFirst();
    if (!user) throw new LaerlingError('NOT_FOUND', `No console user ${email}`);
    if (disabled) await tx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
    return user;
  });
}

/** Find a user by e-mail (case-insensitive). */
export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

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

/** Create a console user (or reset the password, name and role of an existing e-mail). */
export async function upsertUser(db: Kysely<Database>, input: z.input<typeof newUserSchema>, now: Date): Promise<Pick<UserRow, 'id' | 'email' | 'role'>> {
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) throw new LaerlingError('INVALID_INPUT', parsed.error.issues.map((i) => `${i.path.join('.') || 'user'}: ${i.message}`).join('; '));
  const { email, name, role, password } = parsed.data;
  const password_hash = await hashPassword(password);
  await db
    .insertInto('users')
    .values({ email, name, role, password_hash, created_at: now.toISOString(), disabled: 0 })
    .onConflict((oc) => oc.column('email').doUpdateSet({ name, role, password_hash, disabled: 0 }))
    .execute();
  return db.selectFrom('users').select(['id', 'email', 'role']).where('email', '=', email).executeTakeFirstOrThrow();
}

/** Find a user by e-mail (case-insensitive). */
export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

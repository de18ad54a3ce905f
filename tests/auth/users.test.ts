import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSession, sessionUser } from '../../src/auth/sessions.js';
import { setUserDisabled, upsertUser } from '../../src/auth/users.js';
import { LaerlingError } from '../../src/errors.js';
import { openDatabase } from '../../src/storage/open-database.js';

const NOW = new Date('2026-11-24T10:00:00Z');

async function withUser() {
  const db = await openDatabase(join(await mkdtemp(join(tmpdir(), 'laerling-users-')), 'laerling.db'));
  const user = await upsertUser(db, { email: 'kari@test.example', name: 'Kari', role: 'admin', password: 'correct horse battery' }, NOW);
  const { cookie } = await createSession(db, user.id, NOW);
  const other = await upsertUser(db, { email: 'ola@test.example', name: 'Ola', role: 'agent', password: 'correct horse battery' }, NOW);
  const { cookie: otherCookie } = await createSession(db, other.id, NOW);
  return { db, cookie, otherCookie };
}

describe('console users', () => {
  it('a password reset ends the sessions signed in with the old password', async () => {
    const { db, cookie, otherCookie } = await withUser();
    expect(await sessionUser(db, cookie, NOW)).toMatchObject({ email: 'kari@test.example' });
    await upsertUser(db, { email: 'kari@test.example', name: 'Kari', role: 'admin', password: 'a brand new password' }, NOW);
    expect(await sessionUser(db, cookie, NOW)).toBeUndefined();
    expect(await sessionUser(db, otherCookie, NOW)).toMatchObject({ email: 'ola@test.example' });
    await db.destroy();
  });

  it('a role change ends the sessions that carry the old role', async () => {
    const { db, cookie } = await withUser();
    await upsertUser(db, { email: 'kari@test.example', name: 'Kari', role: 'agent', password: 'correct horse battery' }, NOW);
    expect(await sessionUser(db, cookie, NOW)).toBeUndefined();
    await db.destroy();
  });

  it('disabling a user ends their sessions, and a reset does not enable them again', async () => {
    const { db, cookie, otherCookie } = await withUser();
    await setUserDisabled(db, 'Kari@Test.example', true);
    expect(await sessionUser(db, cookie, NOW)).toBeUndefined();
    expect(await sessionUser(db, otherCookie, NOW)).toBeDefined();
    const reset = await upsertUser(db, { email: 'kari@test.example', name: 'Kari', role: 'admin', password: 'a brand new password' }, NOW);
    expect(reset.disabled).toBe(1);
    const { cookie: fresh } = await createSession(db, reset.id, NOW);
    expect(await sessionUser(db, fresh, NOW)).toBeUndefined();
    await setUserDisabled(db, 'kari@test.example', false);
    expect(await sessionUser(db, fresh, NOW)).toMatchObject({ email: 'kari@test.example' });
    await db.destroy();
  });

  it('names an unknown e-mail', async () => {
    const { db } = await withUser();
    await expect(setUserDisabled(db, 'nobody@test.example', true)).rejects.toMatchObject({ code: 'NOT_FOUND' } satisfies Partial<LaerlingError>);
    await db.destroy();
  });
});

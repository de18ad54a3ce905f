import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/auth/password.js';
import { createSession, sessionUser } from '../../src/auth/sessions.js';
import { openDatabase } from '../../src/storage/open-database.js';
import { runCli } from './run-cli.js';

describe('laerling user add', () => {
  it('creates a console user with an scrypt hash from a password on stdin', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'laerling-user-'));
    const res = await runCli(['user', 'add', '--data-dir', dataDir, '--email', 'Kari@Example.com', '--name', 'Kari', '--role', 'owner', '--password-stdin'], {
      stdin: 'a long enough secret\n',
    });
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/kari@example\.com \(owner\) is ready/);
    const db = await openDatabase(join(dataDir, 'laerling.db'));
    const user = await db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    await db.destroy();
    expect(user.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('a long enough secret', user.password_hash)).toBe(true);
    expect(await verifyPassword('wrong', user.password_hash)).toBe(false);
  });

  it('refuses a short password and a bad role, naming the field', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'laerling-user-'));
    const short = await runCli(['user', 'add', '--data-dir', dataDir, '--email', 'a@b.no', '--role', 'agent', '--password-stdin'], { stdin: 'short\n' });
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/password: at least 10 characters/);
    const role = await runCli(['user', 'add', '--data-dir', dataDir, '--email', 'a@b.no', '--role', 'boss', '--password-stdin'], { stdin: 'long enough secret\n' });
    expect(role.code).toBe(1);
    expect(role.stderr).toMatch(/role:/);
  });
});

describe('laerling user disable / enable', () => {
  it('disables a user, which refuses their sign-in and ends their sessions, and enables them again', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'laerling-user-'));
    const added = await runCli(['user', 'add', '--data-dir', dataDir, '--email', 'kari@example.com', '--name', 'Kari', '--role', 'agent', '--password-stdin'], { stdin: 'a long enough secret\n' });
    expect(added.code).toBe(0);
    let db = await openDatabase(join(dataDir, 'laerling.db'));
    const user = await db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    const { cookie } = await createSession(db, user.id, new Date());
    await db.destroy();

    const disabled = await runCli(['user', 'disable', '--data-dir', dataDir, '--email', 'Kari@Example.com']);
    expect(disabled.stderr).toBe('');
    expect(disabled.code).toBe(0);
    expect(disabled.stdout).toMatch(/kari@example\.com is disabled and signed out everywhere/);
    db = await openDatabase(join(dataDir, 'laerling.db'));
    expect(await sessionUser(db, cookie, new Date())).toBeUndefined();
    expect(await db.selectFrom('sessions').selectAll().execute()).toEqual([]);
    expect((await db.selectFrom('users').select('disabled').executeTakeFirstOrThrow()).disabled).toBe(1);
    expect((await db.selectFrom('audit_events').select('action').where('action', '=', 'user.disable').execute()).length).toBe(1);
    await db.destroy();

    const enabled = await runCli(['user', 'enable', '--data-dir', dataDir, '--email', 'kari@example.com']);
    expect(enabled.code).toBe(0);
    expect(enabled.stdout).toMatch(/kari@example\.com \(agent\) may sign in again/);
    db = await openDatabase(join(dataDir, 'laerling.db'));
    expect((await db.selectFrom('users').select('disabled').executeTakeFirstOrThrow()).disabled).toBe(0);
    await db.destroy();
  });

  it('names an unknown user and a missing --email', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'laerling-user-'));
    const unknown = await runCli(['user', 'disable', '--data-dir', dataDir, '--email', 'nobody@example.com']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No console user nobody@example\.com \[NOT_FOUND\]/);
    const missing = await runCli(['user', 'enable', '--data-dir', dataDir]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/--email: required/);
  });
});

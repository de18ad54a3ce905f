import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/auth/password.js';
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

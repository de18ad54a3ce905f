import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertUser } from '../../src/auth/users.js';
import { chatApp, type ChatApp } from '../fixtures/chat-app.js';

let t: ChatApp;
beforeAll(async () => {
  t = await chatApp();
  await upsertUser(t.db, { email: 'kari@test.example', name: 'Kari', role: 'agent', password: 'correct horse battery' }, t.clock.now);
});
afterAll(async () => t.db.destroy());

const failedLogin = async (email: string) => {
  const res = await t.app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'wrong password' }) });
  expect(res.status).toBe(401);
  const row = await t.db.selectFrom('audit_events').select('target').where('action', '=', 'auth.login-failed').orderBy('id', 'desc').executeTakeFirstOrThrow();
  return row.target;
};

describe('failed sign-ins in the audit log', () => {
  it("keeps a known user's e-mail, so attacks on an account can be seen", async () => {
    expect(await failedLogin(' Kari@Test.example')).toBe('kari@test.example');
  });
  it('never keeps a password typed into the e-mail field, nor an unknown address in full', async () => {
    expect(await failedLogin('Hunter2-my-secret!')).toBe('unknown:(not an e-mail, 18 characters)');
    expect(await failedLogin('Someone.Else@Example.org')).toBe('unknown:…@example.org');
    const all = await t.db.selectFrom('audit_events').select(['target', 'details']).execute();
    expect(JSON.stringify(all)).not.toMatch(/Hunter2|someone\\.else/i);
  });
});

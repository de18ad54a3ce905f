import { Hono } from 'hono';
import { z } from 'zod';
import type { ChatDeps } from '../conversations/chat-deps.js';
import { eraseCustomerData } from '../privacy/erase.js';
import { requireUser, type AuthEnv } from './auth-routes.js';
import { readBody } from './read-body.js';

const eraseSchema = z.union([z.object({ token: z.string().min(20).max(200) }).strict(), z.object({ email: z.email() }).strict()], {
  error: 'give either "token" (the conversation token) or "email"',
});

/** Operators' API under /api/admin (admin role): erase a customer's data on request. */
export function adminRoutes(deps: ChatDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.use(requireUser(deps.db, deps.now, ['admin']));
  app.post('/erase', async (c) => {
    const body = await readBody(c, eraseSchema);
    return c.json(await eraseCustomerData(deps, body, `user:${c.get('user').id}`));
  });
  return app;
}

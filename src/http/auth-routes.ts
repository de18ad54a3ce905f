import type { Context, MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { verifyPassword } from '../auth/password.js';
import { createSession, deleteSession, SESSION_TTL_MS, sessionUser, type SessionUser } from '../auth/sessions.js';
import { findUserByEmail } from '../auth/users.js';
import { recordAudit } from '../storage/audit.js';
import type { Database, UserRow } from '../storage/schema.js';
import { HttpError } from './http-error.js';
import { isOwnOrigin } from './own-origin.js';
import { RateLimiter } from './rate-limit.js';
import { readBody } from './read-body.js';

export const SESSION_COOKIE = 'laerling_session';
export type AuthEnv = { Variables: { user: SessionUser } };

const loginSchema = z.object({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(200) });

/**
 * Only signed-in users with one of `roles`. State-changing requests must also echo the session's
 * CSRF token in X-CSRF-Token: SameSite=Strict already stops cross-site posts in modern browsers;
 * the token covers older ones and same-site subdomains.
 */
export function requireUser(db: Kysely<Database>, now: () => Date, roles: readonly UserRow['role'][]): MiddlewareHandler<AuthEnv> {
  return async function requireUserMiddleware(c, next) {
    const cookie = getCookie(c, SESSION_COOKIE);
    const user = cookie ? await sessionUser(db, cookie, now()) : undefined;
    if (!user) throw new HttpError(401, 'UNAUTHORIZED', 'Sign in first');
    if (!roles.includes(user.role)) throw new HttpError(403, 'FORBIDDEN', `This needs the role ${roles.join(' or ')}`);
    if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method) && c.req.header('x-csrf-token') !== user.csrfToken) {
      throw new HttpError(403, 'FORBIDDEN', 'Missing or wrong CSRF token');
    }
    c.set('user', user);
    await next();
  };
}

/** Whether the request's session still holds: asked again while a long event stream stays open. */
export function sessionHolds(db: Kysely<Database>, now: () => Date, c: Context): () => Promise<boolean> {
  const cookie = getCookie(c, SESSION_COOKIE);
  return async () => cookie !== undefined && (await sessionUser(db, cookie, now())) !== undefined;
}

/** Login, logout and "who am I" for the consoles, under /api/auth. */
export function authRoutes(deps: { db: Kysely<Database>; now: () => Date; clientIp: (c: Context) => string; secureCookies: boolean }): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  // Slows password guessing: 10 attempts per minute per address.
  const attempts = new RateLimiter({ max: 10, windowMs: 60_000 }, () => deps.now().getTime());

  app.post('/login', async (c) => {
    // Login CSRF: a foreign page must not sign the visitor in to an account it chose (what they
    // then type or upload would land in the attacker's console). The session cookie's SameSite and
    // the CSRF token guard every other change, but at login there is no session yet.
    const origin = c.req.header('origin');
    if (origin !== undefined && !isOwnOrigin(c, origin)) throw new HttpError(403, 'FORBIDDEN', `Sign-in is accepted only from this server's own pages, not from ${origin.slice(0, 100)}`);
    attempts.take(deps.clientIp(c));
    const body = await readBody(c, loginSchema);
    const user = await findUserByEmail(deps.db, body.email);
    // Verify even for unknown e-mails so timing does not reveal which accounts exist.
    const ok = await verifyPassword(body.password, user?.password_hash ?? 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    if (!user || !ok || user.disabled) {
      await recordAudit(deps.db, { actor: `ip:${deps.clientIp(c)}`, action: 'auth.login-failed', target: user ? user.email : unknownLogin(body.email), at: deps.now() });
      throw new HttpError(401, 'UNAUTHORIZED', 'Wrong e-mail or password');
    }
    await recordAudit(deps.db, { actor: `user:${user.id}`, action: 'auth.login', at: deps.now() });
    const session = await createSession(deps.db, user.id, deps.now());
    setCookie(c, SESSION_COOKIE, session.cookie, {
      httpOnly: true,
      sameSite: 'Strict',
      secure: deps.secureCookies,
      path: '/',
      maxAge: SESSION_TTL_MS / 1000,
    });
    return c.json({ user: { id: user.id, email: user.email, name: user.name, role: user.role }, csrfToken: session.csrfToken });
  });

  app.get('/me', requireUser(deps.db, deps.now, ['agent', 'owner', 'admin']), (c) => {
    const { csrfToken, ...user } = c.get('user');
    return c.json({ user, csrfToken });
  });

  app.post('/logout', requireUser(deps.db, deps.now, ['agent', 'owner', 'admin']), async (c) => {
    const cookie = getCookie(c, SESSION_COOKIE)!;
    await deleteSession(deps.db, cookie, deps.now());
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true });
  });
  return app;
}

const emailShape = z.email();

/**
 * What the audit log keeps of a sign-in name that is no user's: people type their password into
 * the e-mail field, and the log must not keep it. An address keeps its domain (which sites are
 * being tried), anything else only its length.
 */
function unknownLogin(typed: string): string {
  const email = typed.trim().toLowerCase();
  if (emailShape.safeParse(email).success) return `unknown:…@${email.slice(email.lastIndexOf('@') + 1)}`;
  return `unknown:(not an e-mail, ${[...typed].length} characters)`;
}

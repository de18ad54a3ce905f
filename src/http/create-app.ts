import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { widgetKeyOf } from '../config/bot-config.js';
import { packageRoot } from '../config/package-root.js';
import type { BotRuntime, ChatDeps } from '../conversations/chat-deps.js';
import { EventHub } from '../conversations/event-hub.js';
import { LaerlingError, type ErrorCode } from '../errors.js';
import type { Database } from '../storage/schema.js';
import { adminRoutes } from './admin-routes.js';
import { agentRoutes } from './agent-routes.js';
import { knowledgeRoutes } from './knowledge-routes.js';
import type { CrawlSettings } from '../knowledge/crawl-runs.js';
import { authRoutes } from './auth-routes.js';
import { demoPage } from './demo-page.js';
import { limitBody } from './body-limit.js';
import { clientIp as clientIpOf } from './client-ip.js';
import { HttpError } from './http-error.js';
import { Presence } from './presence.js';
import { RateLimiter, type RateBudget } from './rate-limit.js';
import { readBody } from './read-body.js';
import { DEFAULT_WIDGET_LIMITS, widgetRoutes, type WidgetLimits } from './widget-routes.js';

export interface AppDeps {
  db: Kysely<Database>;
  /** The bots this installation serves, by id; the first is the demo page's. */
  bots: ReadonlyMap<string, BotRuntime>;
  now?: () => Date;
  hub?: EventHub;
  limits?: Partial<WidgetLimits>;
  /** How many reverse proxies stand in front: the client address is taken from X-Forwarded-For (see clientIp). */
  trustProxy?: number;
  /** Mark session cookies Secure (set when served over HTTPS). */
  secureCookies?: boolean;
  /** Directory holding the built widget.js and console.js (default dist/ of the package). */
  assetsDir?: string;
  log?: (line: string) => void;
  /** With an LLM configured: summary and mood for agents (see src/handoff/llm-handoff-notes.ts). */
  handoffNotes?: ChatDeps['handoffNotes'];
  /** Receives work that finishes after a response, such as those notes (see ChatDeps). */
  background?: ChatDeps['background'];
  /** How the knowledge console's "crawl now" crawls (private networks are refused unless the operator allows them). */
  crawl?: CrawlSettings;
}

const askBodySchema = z.object({ question: z.string().trim().min(1).max(2000), bot: z.string().optional() });

/** The largest request body any API route takes (a Q&A item of 4000 characters needs ~12 KB). */
export const MAX_API_BODY_BYTES = 64 * 1024;

/**
 * Questions per client address on the demo page's open ask endpoint. It needs no key, and with an
 * LLM configured every question costs money: without a limit it is anyone's free model proxy.
 */
export const ASK_PER_IP: RateBudget = { max: 30, windowMs: 60_000 };

/** HTTP status for each domain error code that can reach a client. */
const STATUS: Partial<Record<ErrorCode, 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429>> = {
  INVALID_INPUT: 422,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
};

/** Build the HTTP app from its dependencies; no port is opened here, so tests call app.request(). */
export function createApp(deps: AppDeps): Hono {
  const now = deps.now ?? (() => new Date());
  const presence = new Presence();
  const chat: ChatDeps = { db: deps.db, hub: deps.hub ?? new EventHub(), now, bots: deps.bots, agentsOnline: () => presence.count(), handoffNotes: deps.handoffNotes, background: deps.background, log: deps.log };
  const clientIp = (c: Context) => clientIpOf(c, deps.trustProxy ?? 0);
  const assetsDir = deps.assetsDir ?? join(packageRoot(), 'dist');
  const firstBot = [...deps.bots.values()][0]!;
  const app = new Hono();

  // Before any route reads a body: unauthenticated ones (login, ask) would otherwise buffer
  // whatever they are sent. The widget's own routes allow less (WidgetLimits).
  app.use('/api/*', limitBody(MAX_API_BODY_BYTES));

  app.get('/', (c) => c.html(demoPage(firstBot.config.name, widgetKeyOf(firstBot.config))));
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/widget.js', (c) => serveAsset(c, join(assetsDir, 'widget', 'widget.js')));
  app.get('/console.js', (c) => serveAsset(c, join(assetsDir, 'console', 'console.js')));
  app.get('/console', (c) => serveAsset(c, join(assetsDir, 'console', 'index.html'), 'text/html; charset=utf-8'));
  app.get('/console/', (c) => c.redirect('/console', 301));

  const askLimiter = new RateLimiter(ASK_PER_IP, () => now().getTime());
  app.post('/api/ask', async (c) => {
    askLimiter.take(clientIp(c));
    const body = await readBody(c, askBodySchema);
    const bot = body.bot === undefined ? firstBot : deps.bots.get(body.bot);
    if (!bot) throw new HttpError(404, 'NOT_FOUND', `No bot "${body.bot}"`);
    return c.json(await bot.ask(body.question));
  });

  app.route('/api/widget/:key', widgetRoutes(chat, { limits: { ...DEFAULT_WIDGET_LIMITS, ...deps.limits }, clientIp }));
  app.route('/api/auth', authRoutes({ db: deps.db, now, clientIp, secureCookies: deps.secureCookies ?? false }));
  app.route('/api/agent', agentRoutes(chat, presence));
  app.route('/api/admin', adminRoutes(chat));
  app.route('/api/knowledge', knowledgeRoutes(chat, deps.crawl ?? { allowPrivateNetwork: false }));

  app.notFound(() => {
    throw new HttpError(404, 'NOT_FOUND', 'Not found');
  });

  app.onError((err, c) => {
    if (err instanceof HttpError) return c.json({ error: { code: err.code, message: err.message } }, err.status, err.headers);
    const status = err instanceof LaerlingError ? STATUS[err.code] : undefined;
    if (err instanceof LaerlingError && status) return c.json({ error: { code: err.code, message: err.message } }, status);
    deps.log?.(`Unhandled error on ${c.req.method} ${c.req.path}: ${(err as Error).stack ?? err}`);
    return c.json({ error: { code: 'INTERNAL', message: 'Something went wrong on our side' } }, 500);
  });
  return app;
}

async function serveAsset(c: Context, file: string, type = 'text/javascript; charset=utf-8'): Promise<Response> {
  let body: string;
  try {
    body = await readFile(file, 'utf8');
  } catch {
    throw new HttpError(404, 'NOT_FOUND', `${file.split('/').pop()} has not been built; run npm run build`);
  }
  const html = type.startsWith('text/html');
  return c.body(body, 200, {
    'content-type': type,
    'cache-control': html ? 'no-store' : 'public, max-age=300',
    // The widget is loaded by other sites' pages; the console page must not be framed by them.
    ...(html ? { 'x-frame-options': 'DENY', 'content-security-policy': "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:" } : { 'access-control-allow-origin': '*' }),
  });
}

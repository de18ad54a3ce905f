import { Hono } from 'hono';
import { z } from 'zod';
import { formatZodError } from '../config/format-zod-error.js';
import type { ChatDeps } from '../conversations/chat-deps.js';
import { qaChunkId } from '../ingest/knowledge-qa.js';
import { botSources, crawlChannel, startCrawl, type CrawlChanges, type CrawlSettings } from '../knowledge/crawl-runs.js';
import { createQa, deleteQa, qaInputSchema, updateQa } from '../knowledge/owner-qa-items.js';
import { removeSource } from '../knowledge/remove-source.js';
import { badgeFor } from '../learning/badge.js';
import { addLearnedByOwner, listLearnedItems, removeLearnedItem } from '../learning/learned-items.js';
import { approveSuggestion, editSuggestion, listSuggestions, rejectSuggestion } from '../learning/suggestions.js';
import { recordAudit } from '../storage/audit.js';
import { requireUser, sessionHolds, type AuthEnv } from './auth-routes.js';
import { HttpError } from './http-error.js';
import { streamHubEvents } from './hub-stream.js';
import { insightRoutes } from './insight-routes.js';
import { readBody } from './read-body.js';
import { recrawlDaysSchema } from '../config/bot-config.js';

type Env = AuthEnv & { Variables: { botId: string } };

const sourceSchema = z.object({ url: z.url({ protocol: /^https?$/ }), recrawlDays: recrawlDaysSchema.default(7) });
const sourceEditSchema = z.object({ recrawlDays: recrawlDaysSchema });
const suggestionEditSchema = z
  .object({ question: z.string().trim().min(1).max(2000).optional(), answer: z.string().trim().min(1).max(4000).optional() })
  // An edit that changes nothing is a client mistake, and an empty update is not valid SQL.
  .refine((edit) => edit.question !== undefined || edit.answer !== undefined, 'Give the question or answer (or both) to change');
const suggestionStatusSchema = z.object({ status: z.enum(['pending', 'approved', 'rejected']).optional() });
const approveSchema = qaInputSchema.partial();
const learnedSchema = z.object({ question: z.string().trim().min(1).max(500), url: z.string().trim().min(1).max(2000) });
const PREVIEW_CHARS = 280;

function intParam(value: string | undefined): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new HttpError(404, 'NOT_FOUND', 'Not found');
  return n;
}

/** The knowledge console's API under /api/knowledge (owner role): sources and crawls, pages, Q&A, suggestions, learned items, insights. */
export function knowledgeRoutes(deps: ChatDeps, crawl: CrawlSettings): Hono<Env> {
  const app = new Hono<Env>();
  app.use(requireUser(deps.db, deps.now, ['owner', 'admin']));

  app.get('/bots', async (c) =>
    c.json({ bots: await Promise.all([...deps.bots.values()].map(async (b) => ({ id: b.config.id, name: b.config.name, badge: await badgeFor(deps, b.config, 'en') }))) }),
  );

  app.use('/bots/:bot/*', async (c, next) => {
    const botId = c.req.param('bot') ?? '';
    if (!deps.bots.has(botId)) throw new HttpError(404, 'NOT_FOUND', 'No such bot');
    c.set('botId', botId);
    await next();
  });
  const knowledgeOf = (botId: string) => deps.bots.get(botId)!.knowledge;
  const actor = (c: { get: (k: 'user') => { id: number } }) => `user:${c.get('user').id}`;

  // Sources and crawls.
  app.get('/bots/:bot/sources', async (c) => {
    const botId = c.get('botId');
    const runs = await deps.db.selectFrom('crawl_runs').selectAll().where('bot_id', '=', botId).orderBy('id', 'desc').limit(10).execute();
    const extra = knowledgeOf(botId).extra;
    return c.json({
      sources: await botSources(deps.db, deps.bots.get(botId)!.config),
      lastCrawlAt: extra.lastCrawlAt ?? null,
      crawledPages: extra.crawledPages.length,
      runs: runs.map((r) => ({ id: r.id, status: r.status, trigger: r.trigger, startedAt: r.started_at, finishedAt: r.finished_at, changes: JSON.parse(r.report) as Partial<CrawlChanges> })),
    });
  });
  app.post('/bots/:bot/sources', async (c) => {
    const body = await readBody(c, sourceSchema);
    const botId = c.get('botId');
    const url = new URL(body.url).href;
    const exists = (await botSources(deps.db, deps.bots.get(botId)!.config)).some((s) => s.url === url);
    if (exists) throw new HttpError(409, 'CONFLICT', 'This site is already a source');
    const row = await deps.db.insertInto('sources').values({ bot_id: botId, url, recrawl_days: body.recrawlDays, created_at: deps.now().toISOString() }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(deps.db, { actor: actor(c), action: 'source.add', target: url, at: deps.now() });
    return c.json({ id: row.id, url, recrawlDays: body.recrawlDays }, 201);
  });
  app.put('/bots/:bot/sources/:id', async (c) => {
    const id = intParam(c.req.param('id'));
    const body = await readBody(c, sourceEditSchema);
    const row = await deps.db
      .updateTable('sources')
      .set({ recrawl_days: body.recrawlDays })
      .where('id', '=', id)
      .where('bot_id', '=', c.get('botId'))
      .returning(['id', 'url', 'recrawl_days'])
      .executeTakeFirst();
    if (!row) throw new HttpError(404, 'NOT_FOUND', 'No such source (sources from the config file are changed there)');
    await recordAudit(deps.db, { actor: actor(c), action: 'source.edit', target: row.url, details: { recrawlDays: row.recrawl_days }, at: deps.now() });
    return c.json({ id: row.id, url: row.url, recrawlDays: row.recrawl_days });
  });
  app.delete('/bots/:bot/sources/:id', async (c) => {
    const removed = await removeSource(deps, c.get('botId'), intParam(c.req.param('id')));
    if (!removed) throw new HttpError(404, 'NOT_FOUND', 'No such source (sources from the config file are changed there)');
    await recordAudit(deps.db, { actor: actor(c), action: 'source.remove', target: removed.url, details: { pagesRemoved: removed.removed.length }, at: deps.now() });
    return c.json({ ok: true, pagesRemoved: removed.removed.length });
  });
  app.post('/bots/:bot/crawl', async (c) => {
    const { runId } = await startCrawl(deps, c.get('botId'), `user:${c.get('user').id}`, crawl);
    return c.json({ runId }, 202);
  });
  app.get('/bots/:bot/events', (c) => streamHubEvents(c, deps.hub, { channels: [crawlChannel(c.get('botId'))], event: 'crawl', hello: { hello: true }, alive: sessionHolds(deps.db, deps.now, c) }));

  // Pages with chunk previews.
  app.get('/bots/:bot/pages', (c) => {
    const pages = new Map<string, { url: string; title: string; kind: string; chunks: number; words: number; noPage?: boolean }>();
    for (const chunk of knowledgeOf(c.get('botId')).index.chunks) {
      const page = pages.get(chunk.url) ?? { url: chunk.url, title: chunk.title, kind: chunk.kind, chunks: 0, words: 0, ...(chunk.noPage ? { noPage: true } : {}) };
      page.chunks++;
      page.words += chunk.text.split(/\s+/).length;
      pages.set(chunk.url, page);
    }
    return c.json({ pages: [...pages.values()], warnings: knowledgeOf(c.get('botId')).extra.warnings });
  });
  app.get('/bots/:bot/page', (c) => {
    const url = c.req.query('url') ?? '';
    const chunks = knowledgeOf(c.get('botId')).index.chunks.filter((ch) => ch.url === url);
    if (chunks.length === 0) throw new HttpError(404, 'NOT_FOUND', 'No such page in the index');
    return c.json({
      url,
      title: chunks[0]!.title,
      chunks: chunks.map((ch) => ({ id: ch.id, headingPath: ch.headingPath, preview: ch.text.length > PREVIEW_CHARS ? `${ch.text.slice(0, PREVIEW_CHARS)}…` : ch.text, words: ch.text.split(/\s+/).length })),
    });
  });

  // Q&A items written in the console.
  app.get('/bots/:bot/qa', async (c) => {
    const knowledge = knowledgeOf(c.get('botId'));
    const items = await knowledge.ownerQa();
    const own = new Set(items.map((i) => qaChunkId(i.id)));
    // Q&A items from knowledge/ files answer too; the console lists them read-only (edit the files).
    const fromFiles = knowledge.index.chunks
      .filter((ch) => ch.kind === 'qa' && !own.has(ch.id))
      .map((ch) => ({ question: ch.questions?.[0] ?? ch.title, alternatives: ch.questions?.slice(1) ?? [], answer: ch.answer ?? '', url: ch.url, ...(ch.noPage ? { noPage: true } : {}) }));
    return c.json({ items, fromFiles });
  });
  app.post('/bots/:bot/qa', async (c) => {
    const body = await readBody(c, qaInputSchema);
    const item = await createQa(knowledgeOf(c.get('botId')), body, c.get('user').email, deps.now());
    await recordAudit(deps.db, { actor: actor(c), action: 'qa.create', target: item.id, at: deps.now() });
    return c.json({ item }, 201);
  });
  app.put('/bots/:bot/qa/:id', async (c) => {
    const body = await readBody(c, qaInputSchema);
    const item = await updateQa(knowledgeOf(c.get('botId')), c.req.param('id'), body, deps.now());
    await recordAudit(deps.db, { actor: actor(c), action: 'qa.update', target: item.id, at: deps.now() });
    return c.json({ item });
  });
  app.delete('/bots/:bot/qa/:id', async (c) => {
    await deleteQa(knowledgeOf(c.get('botId')), c.req.param('id'));
    await recordAudit(deps.db, { actor: actor(c), action: 'qa.delete', target: c.req.param('id'), at: deps.now() });
    return c.json({ ok: true });
  });

  // Agents' suggestions.
  app.get('/bots/:bot/suggestions', async (c) => {
    const query = suggestionStatusSchema.safeParse({ status: c.req.query('status') });
    if (!query.success) throw new HttpError(422, 'INVALID_INPUT', formatZodError(query.error));
    return c.json({ suggestions: await listSuggestions(deps, c.get('botId'), query.data.status) });
  });
  app.post('/bots/:bot/suggestions/:id/approve', async (c) => {
    const body = await readBody(c, approveSchema);
    return c.json(await approveSuggestion(deps, c.get('botId'), intParam(c.req.param('id')), c.get('user'), body));
  });
  app.put('/bots/:bot/suggestions/:id', async (c) => {
    const body = await readBody(c, suggestionEditSchema);
    await editSuggestion(deps, c.get('botId'), intParam(c.req.param('id')), c.get('user'), body);
    return c.json({ ok: true });
  });
  app.post('/bots/:bot/suggestions/:id/reject', async (c) => {
    await rejectSuggestion(deps, c.get('botId'), intParam(c.req.param('id')), c.get('user'));
    return c.json({ ok: true });
  });

  // Learned phrasings and negative pairs.
  app.get('/bots/:bot/learned', async (c) => c.json(await listLearnedItems(deps, c.get('botId'))));
  app.post('/bots/:bot/learned', async (c) => {
    const body = await readBody(c, learnedSchema);
    return c.json({ item: await addLearnedByOwner(deps, c.get('botId'), body, c.get('user')) }, 201);
  });
  app.delete('/bots/:bot/learned/:kind/:id', async (c) => {
    const kind = z.enum(['learned', 'negative']).safeParse(c.req.param('kind'));
    if (!kind.success) throw new HttpError(404, 'NOT_FOUND', 'Not found');
    await removeLearnedItem(deps, c.get('botId'), kind.data, c.req.param('id'), c.get('user'));
    return c.json({ ok: true });
  });

  app.route('/bots/:bot', insightRoutes(deps));
  return app;
}

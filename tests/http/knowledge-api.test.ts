import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentClient, chatApp, readEvents, widgetClient, type ChatApp } from '../fixtures/chat-app.js';

/** A handed-off chat the agent answers and closes with "teach the bot". */
async function taughtSuggestion(t: ChatApp, question: string, answer: string) {
  const w = widgetClient(t);
  await w.start();
  await w.send(question, 'q1');
  await w.call('POST', '/handoff', {});
  const agent = await agentClient(t, `agent${Math.random().toString(36).slice(2, 6)}@test.example`);
  const waiting = (await agent.call('GET', '/api/agent/queue')).body.waiting;
  const id = (await agent.call('POST', `/api/agent/handoffs/${waiting[0].handoffId}/claim`, {})).body.conversationId;
  await agent.call('POST', `/api/agent/conversations/${id}/messages`, { clientId: 'a1', text: answer });
  expect((await agent.call('POST', `/api/agent/conversations/${id}/close`, { teach: true })).status).toBe(200);
  return w;
}

describe('knowledge console API', () => {
  it('is for owners and admins only', async () => {
    const t = await chatApp();
    const agent = await agentClient(t);
    expect((await agent.call('GET', '/api/knowledge/bots')).status).toBe(403);
    const owner = await agentClient(t, 'owner@test.example', 'owner');
    expect((await owner.call('GET', '/api/knowledge/bots')).body.bots[0]).toMatchObject({ id: 'test', badge: { inTraining: true } });
    expect((await owner.call('GET', '/api/knowledge/bots/nope/pages')).status).toBe(404);
    expect((await owner.call('POST', '/api/knowledge/bots/test/qa', { question: 'x' })).status).toBe(422);
  });

  it('turns an approved agent suggestion into a Q&A item the widget answers at once', async () => {
    const t = await chatApp();
    const question = 'Kan jeg ta med hunden i butikken deres?';
    const before = widgetClient(t);
    await before.start();
    expect((await before.send(question, 'b')).body.reply.outcome).toBe('abstain');

    await taughtSuggestion(t, question, 'Ja, hunder i bånd er velkomne i alle butikkene våre.');
    const owner = await agentClient(t, 'owner@test.example', 'owner');
    const pending = (await owner.call('GET', '/api/knowledge/bots/test/suggestions?status=pending')).body.suggestions;
    expect(pending).toHaveLength(1);
    expect(pending[0].question).toBe(question);
    const approved = await owner.call('POST', `/api/knowledge/bots/test/suggestions/${pending[0].id}/approve`, { alternatives: ['Er hunder lov i butikken?'] });
    expect(approved.status).toBe(200);
    expect((await owner.call('POST', `/api/knowledge/bots/test/suggestions/${pending[0].id}/approve`, {})).status).toBe(409);

    const after = widgetClient(t);
    await after.start();
    const reply = (await after.send('er hunder lov i butikken', 'a')).body.reply;
    expect(reply.outcome).toBe('answer');
    expect(reply.text).toContain('hunder i bånd er velkomne');
    expect((await owner.call('GET', '/api/knowledge/bots/test/qa')).body.items[0]).toMatchObject({ suggestionId: pending[0].id, createdBy: 'owner@test.example' });
  });

  it('edits a pending suggestion, and refuses an empty edit or an unknown status filter with a 422', async () => {
    const t = await chatApp();
    await taughtSuggestion(t, 'Kan jeg ta med hunden i butikken?', 'Ja.');
    const owner = await agentClient(t, 'owner@test.example', 'owner');
    const [pending] = (await owner.call('GET', '/api/knowledge/bots/test/suggestions')).body.suggestions;

    const empty = await owner.call('PUT', `/api/knowledge/bots/test/suggestions/${pending.id}`, {});
    expect(empty.status).toBe(422);
    expect(empty.body.error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/question or answer/) });
    const edited = await owner.call('PUT', `/api/knowledge/bots/test/suggestions/${pending.id}`, { answer: 'Ja, hunder i bånd er velkomne.' });
    expect(edited.status).toBe(200);
    const [after] = (await owner.call('GET', '/api/knowledge/bots/test/suggestions?status=pending')).body.suggestions;
    expect(after).toMatchObject({ question: pending.question, answer: 'Ja, hunder i bånd er velkomne.' });

    const bogus = await owner.call('GET', '/api/knowledge/bots/test/suggestions?status=bogus');
    expect(bogus.status).toBe(422);
    expect(bogus.body.error.message).toMatch(/^status: .*pending.*approved.*rejected/);
    expect((await owner.call('GET', '/api/knowledge/bots/test/suggestions?status=approved')).body.suggestions).toEqual([]);
  });

  it('approving a suggestion linked to a page teaches that page the questions instead of adding a Q&A item', async () => {
    const t = await chatApp();
    await taughtSuggestion(t, 'mobilen min ber om en åttesifret kode etter tre feil', 'Det er PUK-koden, se https://test.example/mobil/puk');
    const owner = await agentClient(t, 'owner@test.example', 'owner');
    const [pending] = (await owner.call('GET', '/api/knowledge/bots/test/suggestions?status=pending')).body.suggestions;
    const res = await owner.call('POST', `/api/knowledge/bots/test/suggestions/${pending.id}/approve`, { url: '/mobil/puk' });
    expect(res.body).toEqual({ page: 'https://test.example/mobil/puk', phrasings: ['mobilen min ber om en åttesifret kode etter tre feil'] });
    expect((await owner.call('GET', '/api/knowledge/bots/test/qa')).body.items).toEqual([]);
    expect((await owner.call('GET', '/api/knowledge/bots/test/learned')).body.learned[0]).toMatchObject({ source: 'owner', url: 'https://test.example/mobil/puk' });
    const w = widgetClient(t);
    await w.start();
    const reply = (await w.send('telefonen ber om en åttesifret kode', 'x')).body.reply;
    expect(reply.sources[0]?.url ?? reply.candidates?.[0]?.url).toBe('https://test.example/mobil/puk');
  });

  it('does not list a phrasing as waiting for a second confirmation once an owner has taught it', async () => {
    const t = await chatApp();
    const w = widgetClient(t);
    await w.start();
    const reply = (await w.send('hvor finner jeg PUK-koden?', 'q')).body.reply;
    expect(reply.sources[0].url).toBe('https://test.example/mobil/puk');
    await w.call('POST', '/feedback', { seq: reply.seq, helpful: true });
    const owner = await agentClient(t, 'owner@test.example', 'owner');
    expect((await owner.call('GET', '/api/knowledge/bots/test/learned')).body.waiting).toHaveLength(1);

    await taughtSuggestion(t, 'Hvor finner jeg PUK-koden?', 'Se https://test.example/mobil/puk');
    const [pending] = (await owner.call('GET', '/api/knowledge/bots/test/suggestions?status=pending')).body.suggestions;
    expect((await owner.call('POST', `/api/knowledge/bots/test/suggestions/${pending.id}/approve`, { url: '/mobil/puk' })).status).toBe(200);
    const listed = (await owner.call('GET', '/api/knowledge/bots/test/learned')).body;
    expect(listed.learned).toEqual([expect.objectContaining({ question: 'Hvor finner jeg PUK-koden?', source: 'owner' })]);
    expect(listed.waiting).toEqual([]);
  });

  it('creates, edits and deletes Q&A items, and the playground shows outcome, confidence and candidates', async () => {
    const t = await chatApp();
    const owner = await agentClient(t, 'owner@test.example', 'owner');
    const ask = async (q: string) => (await owner.call('POST', '/api/knowledge/bots/test/playground', { question: q })).body;
    expect((await ask('Hvor lang er angrefristen?')).outcome).toBe('abstain');
    expect((await owner.call('GET', '/api/knowledge/bots/test/qa')).body).toEqual({ items: [], fromFiles: [] });
    const created = await owner.call('POST', '/api/knowledge/bots/test/qa', { question: 'Hvor lang er angrefristen?', answer: 'Angrefristen er 14 dager.' });
    expect(created.status).toBe(201);
    const id = created.body.item.id;
    let result = await ask('Hvor lang er angrefristen?');
    expect(result).toMatchObject({ outcome: 'answer', answer: 'Angrefristen er 14 dager.' });
    expect(result.confidence).toBeGreaterThan(result.threshold);
    expect(result.candidates[0]).toMatchObject({ url: `https://test.example/svar/${id}` });
    expect(typeof result.candidates[0].score).toBe('number');

    expect((await owner.call('GET', '/api/knowledge/bots/test/qa')).body.fromFiles).toEqual([]);
    await owner.call('PUT', `/api/knowledge/bots/test/qa/${id}`, { question: 'Hvor lang er angrefristen?', answer: 'Angrefristen er 30 dager hos oss.' });
    expect((await ask('Hvor lang er angrefristen?')).answer).toBe('Angrefristen er 30 dager hos oss.');
    expect((await owner.call('DELETE', `/api/knowledge/bots/test/qa/${id}`)).status).toBe(200);
    expect((await ask('Hvor lang er angrefristen?')).outcome).toBe('abstain');
    expect((await owner.call('DELETE', `/api/knowledge/bots/test/qa/${id}`)).status).toBe(404);
  });

  it('lists pages with chunk previews, and shows and removes learned phrasings', async () => {
    const t = await chatApp();
    const owner = await agentClient(t, 'owner@test.example', 'owner');
    const listing = (await owner.call('GET', '/api/knowledge/bots/test/pages')).body;
    // Problems with knowledge files are listed beside the pages (none here).
    expect(listing.warnings).toEqual([]);
    const pages = listing.pages;
    expect(pages.map((p: { url: string }) => p.url).sort()).toEqual(['https://test.example/faktura', 'https://test.example/mobil/puk', 'https://test.example/mobil/roaming']);
    const page = (await owner.call('GET', '/api/knowledge/bots/test/page?url=https://test.example/mobil/puk')).body;
    expect(page.chunks[0].preview).toContain('PUK-koden');

    const added = await owner.call('POST', '/api/knowledge/bots/test/learned', { question: 'mobilen ber om en åttesifret kode', url: '/mobil/puk' });
    expect(added.status).toBe(201);
    const index = () => t.bots.get('test')!.knowledge.index;
    expect(index().learnedPhrasings().map((l) => l.question)).toEqual(['mobilen ber om en åttesifret kode']);
    const listed = (await owner.call('GET', '/api/knowledge/bots/test/learned')).body;
    expect(listed.learned).toEqual([expect.objectContaining({ id: added.body.item.id, source: 'owner', url: 'https://test.example/mobil/puk', learnedAt: t.clock.now.toISOString() })]);
    expect((await owner.call('DELETE', `/api/knowledge/bots/test/learned/learned/${added.body.item.id}`)).status).toBe(200);
    expect(index().learnedPhrasings()).toEqual([]);
    expect((await owner.call('GET', '/api/knowledge/bots/test/learned')).body.learned).toEqual([]);
  });
});

/** Wait until the bot's newest crawl run has finished; returns it. */
async function finishedRun(owner: Awaited<ReturnType<typeof agentClient>>) {
  for (let i = 0; i < 200; i++) {
    const [run] = (await owner.call('GET', '/api/knowledge/bots/test/sources')).body.runs;
    if (run && run.status !== 'running') return run as { status: string; changes: { added: string[] } };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the crawl did not finish');
}

describe('sources and crawling from the console', () => {
  let server: Server;
  let base: string;
  // A second site (another port: another origin) with its own crawl rules.
  let help: Server;
  let helpBase: string;
  const helpSite: Record<string, string> = {
    '/hjelp/': '<title>Hjelp</title><main><h1>Hjelp</h1><p>Alt om frakt og retur.</p><a href="/hjelp/frakt">Frakt</a> <a href="/hjelp/retur.html">Retur</a> <a href="/hjelp/priser">Priser</a></main>',
    '/hjelp/frakt': '<title>Frakt</title><main><h1>Frakt</h1><p>Frakten er gratis over 500 kroner og sendes med Posten samme dag.</p></main>',
    '/hjelp/priser': '<title>Priser</title><main><h1>Priser</h1><p>Abonnementet koster 299 kroner i måneden uten bindingstid.</p></main>',
    '/hjelp/retur.html': '<title>Retur</title><main><h1>Retur</h1><p>Du kan returnere varer innen 30 dager med returlappen i pakken.</p></main>',
  };
  const site: Record<string, string> = {
    '/': '<title>Start</title><main><h1>Start</h1><p>Velkommen.</p><a href="/levering">Levering</a></main>',
    '/levering': '<title>Levering</title><main><h1>Levering</h1><p>Vi leverer pakker med Posten innen tre virkedager over hele landet, og hjemlevering koster 99 kroner.</p></main>',
  };
  beforeAll(async () => {
    server = createServer((req, res) => {
      const body = site[req.url ?? ''];
      res.writeHead(body ? 200 : 404, { 'content-type': body ? 'text/html' : 'text/plain' });
      res.end(body ?? 'not found');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    help = createServer((req, res) => {
      const body = helpSite[req.url ?? ''];
      res.writeHead(body ? 200 : 404, { 'content-type': body ? 'text/html' : 'text/plain' });
      res.end(body ?? 'not found');
    });
    await new Promise<void>((r) => help.listen(0, '127.0.0.1', r));
    helpBase = `http://127.0.0.1:${(help.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
    help.close();
  });

  it('adds a site, crawls it now and reports new pages, which then answer', async () => {
    const t = await chatApp({ crawl: { allowPrivateNetwork: true } });
    const owner = await agentClient(t, 'owner@test.example', 'owner');
    const added = await owner.call('POST', '/api/knowledge/bots/test/sources', { url: `${base}/` });
    expect(added.status).toBe(201);
    expect((await owner.call('POST', '/api/knowledge/bots/test/sources', { url: `${base}/` })).status).toBe(409);
    // Live progress for the console: SSE `crawl` events, then the result.
    const stream = await t.app.request('/api/knowledge/bots/test/events', { headers: { cookie: owner.cookie } });
    expect(stream.headers.get('x-accel-buffering')).toBe('no');
    const events = readEvents(stream, (ev) => ev.some((e) => (e.data as { status?: string }).status === 'done'), 10_000);
    await new Promise((r) => setTimeout(r, 30));
    const started = await owner.call('POST', '/api/knowledge/bots/test/crawl');
    expect(started.status).toBe(202);
    expect((await owner.call('POST', '/api/knowledge/bots/test/crawl')).status).toBe(409);
    const seen = (await events).map((e) => e.data as { status?: string; progress?: { indexed: number } });
    expect(seen.some((d) => d.status === 'running' && d.progress !== undefined)).toBe(true);
    expect(seen.at(-1)).toMatchObject({ status: 'done', changes: { added: expect.arrayContaining([`${base}/levering`]) } });
    let runs: Array<{ status: string; changes: { added: string[] } }> = [];
    for (let i = 0; i < 100 && runs[0]?.status !== 'done'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      runs = (await owner.call('GET', '/api/knowledge/bots/test/sources')).body.runs;
    }
    expect(runs[0]!.status).toBe('done');
    expect(runs[0]!.changes.added).toContain(`${base}/levering`);
    const result = (await owner.call('POST', '/api/knowledge/bots/test/playground', { question: 'hvor lang tid tar levering med posten' })).body;
    expect(result.candidates[0].url).toBe(`${base}/levering`);

    site['/levering'] = '<title>Levering</title><main><h1>Levering</h1><p>Vi leverer nå innen to virkedager, og hjemlevering koster 79 kroner.</p></main>';
    await owner.call('POST', '/api/knowledge/bots/test/crawl');
    for (let i = 0; i < 100; i++) {
      await new Promise((r) => setTimeout(r, 50));
      runs = (await owner.call('GET', '/api/knowledge/bots/test/sources')).body.runs;
      if (runs.length === 2 && runs[0]!.status === 'done') break;
    }
    expect(runs[0]!.changes).toMatchObject({ added: [], changed: [`${base}/levering`], removed: [] });
    const id = (await owner.call('GET', '/api/knowledge/bots/test/sources')).body.sources.find((s: { fromConfig: boolean }) => !s.fromConfig).id;
    expect((await owner.call('DELETE', `/api/knowledge/bots/test/sources/${id}`)).status).toBe(200);
  });

  it('crawls every source by its own exclude and maxPages', async () => {
    const t = await chatApp({ bot: { sources: [{ url: `${base}/`, maxPages: 2 }, { url: `${helpBase}/hjelp/`, exclude: ['/hjelp/retur'] }] }, crawl: { allowPrivateNetwork: true } });
    const owner = await agentClient(t, 'owner@test.example', 'owner');
    expect((await owner.call('POST', '/api/knowledge/bots/test/crawl')).status).toBe(202);
    expect((await finishedRun(owner)).status).toBe('done');
    const pages = (await owner.call('GET', '/api/knowledge/bots/test/pages')).body.pages.map((p: { url: string }) => p.url);
    expect(pages).toEqual(expect.arrayContaining([`${base}/levering`, `${helpBase}/hjelp/`, `${helpBase}/hjelp/frakt`, `${helpBase}/hjelp/priser`]));
    expect(pages).not.toContain(`${helpBase}/hjelp/retur.html`);
  });

  it('sets and changes how often an added site is re-crawled (1 to 365 days)', async () => {
    const t = await chatApp({ bot: { sources: [{ url: `${helpBase}/hjelp/`, recrawlDays: 3 }] } });
    const owner = await agentClient(t, 'owner@test.example', 'owner');
    expect((await owner.call('POST', '/api/knowledge/bots/test/sources', { url: `${base}/`, recrawlDays: 0 })).status).toBe(422);
    expect((await owner.call('POST', '/api/knowledge/bots/test/sources', { url: `${base}/`, recrawlDays: 366 })).status).toBe(422);
    const added = await owner.call('POST', '/api/knowledge/bots/test/sources', { url: `${base}/`, recrawlDays: 30 });
    expect(added.body).toMatchObject({ url: `${base}/`, recrawlDays: 30 });
    const path = `/api/knowledge/bots/test/sources/${added.body.id}`;
    expect((await owner.call('PUT', path, { recrawlDays: 0 })).status).toBe(422);
    expect((await owner.call('PUT', path, { recrawlDays: 14 })).body).toMatchObject({ id: added.body.id, url: `${base}/`, recrawlDays: 14 });
    expect((await owner.call('PUT', `/api/knowledge/bots/test/sources/${added.body.id + 1}`, { recrawlDays: 14 })).status).toBe(404);
    const sources = (await owner.call('GET', '/api/knowledge/bots/test/sources')).body.sources;
    expect(sources).toMatchObject([
      { id: null, url: `${helpBase}/hjelp/`, recrawlDays: 3, fromConfig: true },
      { id: added.body.id, url: `${base}/`, recrawlDays: 14, fromConfig: false },
    ]);
  });

  it('refuses private addresses unless the operator allows them', async () => {
    const t = await chatApp();
    const owner = await agentClient(t, 'owner@test.example', 'owner');
    await owner.call('POST', '/api/knowledge/bots/test/sources', { url: `${base}/` });
    await owner.call('POST', '/api/knowledge/bots/test/crawl');
    let runs: Array<{ status: string; changes: { failed: Array<{ code: string }> } }> = [];
    for (let i = 0; i < 100 && (runs[0]?.status ?? 'running') === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      runs = (await owner.call('GET', '/api/knowledge/bots/test/sources')).body.runs;
    }
    expect(runs[0]!.changes.failed[0]!.code).toBe('PRIVATE_NETWORK');
  });
});

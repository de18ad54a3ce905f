import { writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBots } from '../../src/cli/open-bots.js';
import { createApp } from '../../src/http/create-app.js';
import { OfflineEmbeddings } from '../../src/retrieval/offline-embeddings.js';
import { loadLiveIndex } from '../../src/knowledge/build-bot-index.js';
import { dueForRecrawl } from '../../src/knowledge/crawl-runs.js';
import { agentClient, chatApp, type ChatApp } from '../fixtures/chat-app.js';

type Owner = Awaited<ReturnType<typeof agentClient>>;

/** A site on its own origin; each response waits `delayMs` (a crawl still running). */
async function serveSite(pages: Record<string, string>, delayMs = 0): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    setTimeout(() => {
      const body = pages[req.url ?? ''];
      res.writeHead(body ? 200 : 404, { 'content-type': body ? 'text/html' : 'text/plain' });
      res.end(body ?? 'not found');
    }, delayMs);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const shop = {
  '/': '<title>Butikk</title><main><h1>Butikk</h1><p>Velkommen til butikken.</p><a href="/levering">Levering</a> <a href="/om">Om oss</a></main>',
  '/levering': '<title>Levering</title><main><h1>Levering</h1><p>Vi leverer pakker med Posten innen tre virkedager, og hjemlevering koster 99 kroner.</p></main>',
  '/om': '<title>Om oss</title><main><h1>Om oss</h1><p>Butikken ble startet i Bergen i 1998 av to brødre.</p></main>',
};
const help = {
  '/hjelp/': '<title>Hjelp</title><main><h1>Hjelp</h1><p>Alt om retur.</p><a href="/hjelp/retur">Retur</a></main>',
  '/hjelp/retur': '<title>Retur</title><main><h1>Retur</h1><p>Du kan returnere varer innen 30 dager med returlappen i pakken.</p></main>',
};

async function crawled(owner: Owner): Promise<{ status: string; trigger: string; changes: Record<string, unknown> }> {
  expect((await owner.call('POST', '/api/knowledge/bots/test/crawl')).status).toBe(202);
  for (let i = 0; i < 200; i++) {
    const [run] = (await owner.call('GET', '/api/knowledge/bots/test/sources')).body.runs;
    if (run && run.status !== 'running') return run;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the crawl did not finish');
}

const pageUrls = async (owner: Owner): Promise<string[]> => (await owner.call('GET', '/api/knowledge/bots/test/pages')).body.pages.map((p: { url: string }) => p.url);
const sourceId = async (owner: Owner, url: string): Promise<number> =>
  (await owner.call('GET', '/api/knowledge/bots/test/sources')).body.sources.find((s: { url: string }) => s.url === url).id;

async function ask(t: ChatApp, question: string): Promise<string[]> {
  const res = await t.app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });
  return ((await res.json()) as { sources: Array<{ url: string }> }).sources.map((s) => s.url);
}

describe('removing a site in the knowledge console', () => {
  let a: { server: Server; base: string };
  let b: { server: Server; base: string };
  beforeAll(async () => {
    a = await serveSite(shop);
    b = await serveSite(help);
  });
  afterAll(() => {
    a.server.close();
    b.server.close();
  });

  it("drops the site's pages from the answers and the saved index before it returns, and lists them as removed", async () => {
    const t = await chatApp({ crawl: { allowPrivateNetwork: true } });
    const owner = await agentClient(t, 'owner@test.example', 'owner');
    await owner.call('POST', '/api/knowledge/bots/test/sources', { url: `${a.base}/` });
    await owner.call('POST', '/api/knowledge/bots/test/sources', { url: `${b.base}/hjelp/` });
    expect((await crawled(owner)).status).toBe('done');
    expect(await pageUrls(owner)).toEqual(expect.arrayContaining([`${a.base}/levering`, `${a.base}/om`, `${b.base}/hjelp/retur`]));
    expect(await ask(t, 'hvor lang tid tar levering med posten')).toContain(`${a.base}/levering`);

    const removed = await owner.call('DELETE', `/api/knowledge/bots/test/sources/${await sourceId(owner, `${a.base}/`)}`);
    expect(removed.body).toEqual({ ok: true, pagesRemoved: 3 });
    const pages = await pageUrls(owner);
    expect(pages.filter((u) => u.startsWith(a.base))).toEqual([]);
    expect(pages).toContain(`${b.base}/hjelp/retur`);
    expect(await ask(t, 'hvor lang tid tar levering med posten')).not.toContain(`${a.base}/levering`);
    // Saved, not only swapped in: a restart answers from the same index.
    const saved = await loadLiveIndex(t.dataDir, 'test', new OfflineEmbeddings());
    expect(saved!.extra.crawledPages.map((p) => p.url)).toEqual([`${b.base}/hjelp/`, `${b.base}/hjelp/retur`]);

    const listing = (await owner.call('GET', '/api/knowledge/bots/test/sources')).body;
    expect(listing.crawledPages).toBe(2);
    expect(listing.runs[0]).toMatchObject({ trigger: 'source-removed', status: 'done', changes: { removedSource: `${a.base}/`, added: [], unchanged: 2 } });
    expect([...listing.runs[0].changes.removed].sort()).toEqual([`${a.base}/`, `${a.base}/levering`, `${a.base}/om`]);
    // Fetching nothing, a removal does not put off the remaining site's scheduled re-crawl.
    const crawledAt = Date.parse(listing.runs[1].startedAt);
    expect(await dueForRecrawl({ db: t.db, bots: t.bots }, new Date(crawledAt + 7 * 86_400_000))).toEqual(['test']);

    // The last site: the bot is left with its knowledge files.
    expect((await owner.call('DELETE', `/api/knowledge/bots/test/sources/${await sourceId(owner, `${b.base}/hjelp/`)}`)).body.pagesRemoved).toBe(2);
    expect((await owner.call('GET', '/api/knowledge/bots/test/sources')).body).toMatchObject({ sources: [], crawledPages: 0 });
    expect((await pageUrls(owner)).sort()).toEqual(['https://test.example/faktura', 'https://test.example/mobil/puk', 'https://test.example/mobil/roaming']);
  });

  it('keeps out the pages of a site removed while a crawl of it runs', async () => {
    const slow = await serveSite(shop, 150);
    try {
      const t = await chatApp({ crawl: { allowPrivateNetwork: true } });
      const owner = await agentClient(t, 'owner@test.example', 'owner');
      await owner.call('POST', '/api/knowledge/bots/test/sources', { url: `${slow.base}/` });
      await owner.call('POST', '/api/knowledge/bots/test/sources', { url: `${b.base}/hjelp/` });
      expect((await owner.call('POST', '/api/knowledge/bots/test/crawl')).status).toBe(202);
      expect((await owner.call('DELETE', `/api/knowledge/bots/test/sources/${await sourceId(owner, `${slow.base}/`)}`)).body).toEqual({ ok: true, pagesRemoved: 0 });
      let runs: Array<{ status: string }> = [];
      for (let i = 0; i < 200 && runs[0]?.status !== 'done'; i++) {
        await new Promise((r) => setTimeout(r, 50));
        runs = (await owner.call('GET', '/api/knowledge/bots/test/sources')).body.runs;
      }
      expect(runs[0]!.status).toBe('done');
      const pages = await pageUrls(owner);
      expect(pages).toContain(`${b.base}/hjelp/retur`);
      expect(pages.filter((u) => u.startsWith(slow.base))).toEqual([]);
    } finally {
      slow.server.close();
    }
  });

  it('"crawl now" with no sites left removes the pages of a site taken out of the config file', async () => {
    const t = await chatApp({ bot: { sources: [{ url: `${a.base}/` }] }, crawl: { allowPrivateNetwork: true } });
    const owner = await agentClient(t, 'owner@test.example', 'owner');
    expect((await crawled(owner)).status).toBe('done');
    await t.db.destroy();
    // The operator takes the site out of config.json and restarts.
    await writeFile(join(t.dataDir, 'config.json'), JSON.stringify({ bots: [{ id: 'test', name: 'Test', knowledgeDir: 'kb', siteUrl: 'https://test.example/' }] }));
    const { db, bots } = await openBots({ dataDir: t.dataDir, settings: {} });
    const restarted: ChatApp = { ...t, db, bots, app: createApp({ db, bots, hub: t.hub, now: () => t.clock.now, crawl: { allowPrivateNetwork: true } }) };
    const owner2 = await agentClient(restarted, 'owner@test.example', 'owner');
    expect((await owner2.call('GET', '/api/knowledge/bots/test/sources')).body).toMatchObject({ sources: [], crawledPages: 3 });
    const run = await crawled(owner2);
    expect(run).toMatchObject({ status: 'done', changes: { added: [], removed: expect.arrayContaining([`${a.base}/levering`]) } });
    expect((await pageUrls(owner2)).filter((u) => u.startsWith(a.base))).toEqual([]);
  });
});

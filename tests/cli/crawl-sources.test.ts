import { readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quietIo } from '../../evals/lib/quiet-io.js';
import { main } from '../../src/cli/main.js';
import { openDatabase } from '../../src/storage/open-database.js';
import { tinyBotDataDir } from '../fixtures/tiny-bot.js';

// Two sites on two ports of 127.0.0.1: two origins, each a source with its own rules.
const SHOP: Record<string, string> = {
  '/': 'Butikken. <a href="/a">A</a> <a href="/b">B</a> <a href="/c">C</a>',
  '/a': 'Side A om mobilabonnement.',
  '/b': 'Side B om bredbånd.',
  '/c': 'Side C om TV-pakker.',
};
const HELP: Record<string, string> = {
  '/hjelp/': 'Hjelp. <a href="/hjelp/frakt">Frakt</a> <a href="/hjelp/retur.html">Retur</a> <a href="/hjelp/priser">Priser</a>',
  '/hjelp/frakt': 'Frakten er gratis over 500 kroner.',
  '/hjelp/retur.html': 'Du kan returnere varer innen 30 dager.',
  '/hjelp/priser': 'Abonnementet koster 299 kroner i måneden.',
};

const servers: Server[] = [];
async function serve(pages: Record<string, string>): Promise<string> {
  const server = createServer((req, res) => {
    const text = pages[req.url ?? ''];
    if (text === undefined) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<html lang="nb"><head><title>${req.url}</title></head><body><main><p>${text}</p></main></body></html>`);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let shop: string;
let help: string;
let dataDir: string;
beforeAll(async () => {
  shop = await serve(SHOP);
  help = await serve(HELP);
  dataDir = await tinyBotDataDir({ sources: [{ url: `${shop}/`, maxPages: 2 }, { url: `${help}/hjelp/`, exclude: ['/hjelp/retur'] }] });
}, 60_000);
afterAll(async () => {
  for (const s of servers) s.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function crawl(args: string[]): Promise<string[]> {
  const io = quietIo();
  expect(await main(['crawl', ...args, '--allow-private-network', '--delay-ms', '0', '--data-dir', dataDir], io), io.err.join('')).toBe(0);
  const report = JSON.parse(await readFile(join(dataDir, 'bots', 'test', 'last-crawl.json'), 'utf8')) as { pages: Array<{ url: string }> };
  return report.pages.map((p) => p.url).sort();
}

describe('laerling crawl with several sources', () => {
  it("crawls the configured sources, each by its own exclude and maxPages", async () => {
    const pages = await crawl([]);
    expect(pages.filter((u) => u.startsWith(shop))).toHaveLength(2);
    expect(pages.filter((u) => u.startsWith(help))).toEqual([`${help}/hjelp/`, `${help}/hjelp/frakt`, `${help}/hjelp/priser`]);
  });

  it('gives a named URL the rules of the configured source it names; flags replace them', async () => {
    expect(await crawl([`${help}/hjelp/`])).toEqual([`${help}/hjelp/`, `${help}/hjelp/frakt`, `${help}/hjelp/priser`]);
    expect(await crawl([`${help}/hjelp/`, '--exclude', '/hjelp/frakt'])).toEqual([`${help}/hjelp/`, `${help}/hjelp/priser`, `${help}/hjelp/retur.html`]);
  });

  it('crawls the sites added in the console too, so a crawl without URLs keeps their pages', async () => {
    const extra = await serve({ '/': 'Kundeklubben gir rabatt på tilbehør.' });
    const db = await openDatabase(join(dataDir, 'laerling.db'));
    await db.insertInto('sources').values({ bot_id: 'test', url: `${extra}/`, recrawl_days: 7, created_at: '2026-11-01T00:00:00Z' }).execute();
    await db.destroy();
    expect(await crawl([])).toContain(`${extra}/`);
  });
});

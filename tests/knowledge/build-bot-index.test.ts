import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/bot-config.js';
import { crawlSite, type CrawlReport } from '../../src/ingest/crawl-site.js';
import type { FetchedPage } from '../../src/ingest/types.js';
import { buildBotIndex } from '../../src/knowledge/build-bot-index.js';
import { OfflineEmbeddings } from '../../src/retrieval/offline-embeddings.js';
import { tinyBotDataDir } from '../fixtures/tiny-bot.js';

const page = (path: string, title: string, text: string): FetchedPage => ({
  url: `https://shop.example${path}`,
  status: 200,
  etag: `"${path}"`,
  fetchedAt: '2026-11-01T10:00:00Z',
  html: `<html lang="en"><head><title>${title}</title></head><body><main><h1>${title}</h1><p>${text}</p></main></body></html>`,
});

const report = (r: Partial<CrawlReport>): CrawlReport => ({
  pages: [], unchanged: [], notReached: [], skipped: [], failed: [], startedAt: '2026-11-01T10:00:00Z', finishedAt: '2026-11-01T10:01:00Z', ...r,
});

const A = page('/returns', 'Returns', 'You can return any item within thirty days of delivery for a full refund of the price.');
const B = page('/shipping', 'Shipping', 'Parcels ship within two working days and arrive in three to five days across the country.');
const C = page('/gift-cards', 'Gift cards', 'Gift cards are valid for three years and can be used in every shop and online.');

const urlsOf = (chunks: readonly { url: string }[]) => [...new Set(chunks.map((c) => c.url))].sort();

describe('buildBotIndex', () => {
  it('names the bot and the setting when its knowledge folder is missing', async () => {
    const dataDir = await tinyBotDataDir();
    const bot = { ...(await loadConfig(dataDir)).bots[0]!, knowledgeDir: '/nonexistent/knowledge' };
    await expect(buildBotIndex(bot, dataDir, { embeddings: new OfflineEmbeddings() })).rejects.toThrow(/^Bot "test", knowledgeDir: Cannot read the knowledge folder \/nonexistent\/knowledge/);
  });

  it('merges knowledge files with crawled pages, and a re-crawl keeps unchanged pages, drops deleted ones and keeps transient failures', async () => {
    const dataDir = await tinyBotDataDir();
    const bot = (await loadConfig(dataDir)).bots[0]!;
    const deps = { embeddings: new OfflineEmbeddings() };

    const first = await buildBotIndex(bot, dataDir, deps, report({ pages: [A, B, C] }));
    expect(urlsOf(first.index.chunks)).toEqual([
      'https://shop.example/gift-cards', 'https://shop.example/returns', 'https://shop.example/shipping',
      'https://test.example/faktura', 'https://test.example/mobil/puk', 'https://test.example/mobil/roaming',
    ]);
    expect(first.extra.crawledPages.find((p) => p.url === A.url)?.etag).toBe('"/returns"');

    const second = await buildBotIndex(bot, dataDir, deps, report({
      unchanged: [A.url],
      failed: [
        { url: B.url, code: 'NOT_FOUND', message: 'HTTP 404' },
        { url: C.url, code: 'TIMEOUT', message: 'Timed out' },
      ],
    }));
    const crawled = urlsOf(second.index.chunks).filter((u) => u.startsWith('https://shop.example'));
    expect(crawled).toEqual(['https://shop.example/gift-cards', 'https://shop.example/returns']);
    expect((await second.index.search('how long can I return an item'))[0]?.url).toBe(A.url);

    // Rebuilding for changed knowledge files (no crawl) keeps what was crawled.
    const third = await buildBotIndex(bot, dataDir, deps);
    expect(urlsOf(third.index.chunks)).toEqual(urlsOf(second.index.chunks));
  });

  it('does not index two URLs with the same text twice', async () => {
    const dataDir = await tinyBotDataDir();
    const bot = (await loadConfig(dataDir)).bots[0]!;
    const copy = { ...A, url: 'https://shop.example/returns-copy' };
    const built = await buildBotIndex(bot, dataDir, { embeddings: new OfflineEmbeddings() }, report({ pages: [A, copy] }));
    expect(built.extra.crawledPages.map((p) => p.url)).toEqual([A.url]);
    // Nor a page kept unchanged and the same text fetched from a newly added source.
    const other = { ...A, url: 'http://localhost:8899/returns' };
    const again = await buildBotIndex(bot, dataDir, { embeddings: new OfflineEmbeddings() }, report({ pages: [other], unchanged: [A.url] }));
    expect(again.extra.crawledPages.map((p) => p.url)).toEqual([other.url]);
    expect(urlsOf(again.index.chunks).filter((u) => u.endsWith('/returns'))).toEqual([other.url]);
  });

  it('keeps crawled pages a re-crawl did not check: the site down (robots.txt unreachable), or the page limit reached', async () => {
    const dataDir = await tinyBotDataDir();
    const bot = (await loadConfig(dataDir)).bots[0]!;
    const deps = { embeddings: new OfflineEmbeddings() };
    let down = false;
    const server = createServer((req, res) => {
      if (down) return res.writeHead(503).end();
      if (req.url === '/robots.txt') return res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
      const body = req.url === '/' ? A.html.replace('</main>', '<a href="/shipping">Shipping</a></main>') : req.url === '/shipping' ? B.html : undefined;
      if (!body) return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'text/html' }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const crawl = (previous: readonly { url: string }[], maxPages?: number) =>
        crawlSite({ startUrls: [`${base}/`], allowPrivateNetwork: true, delayMs: 0, maxPages, previous: new Map(previous.map((p) => [p.url, {}])) });
      const first = await buildBotIndex(bot, dataDir, deps, await crawl([]));
      expect(first.extra.crawledPages.map((p) => p.url).sort()).toEqual([`${base}/`, `${base}/shipping`]);

      const limited = await crawl(first.extra.crawledPages, 1);
      expect(limited.notReached).toEqual([`${base}/shipping`]);
      const kept = await buildBotIndex(bot, dataDir, deps, limited);
      expect(kept.extra.crawledPages.map((p) => p.url).sort()).toEqual([`${base}/`, `${base}/shipping`]);

      down = true;
      const report = await crawl(first.extra.crawledPages);
      expect(report.pages).toEqual([]);
      const second = await buildBotIndex(bot, dataDir, deps, report);
      expect(second.extra.crawledPages.map((p) => p.url).sort()).toEqual([`${base}/`, `${base}/shipping`]);
      expect((await second.index.search('how long does a parcel take to arrive'))[0]?.url).toBe(`${base}/shipping`);
    } finally {
      server.close();
    }
  });
});

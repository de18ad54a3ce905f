import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CrawlProgress } from '../../src/ingest/crawl-progress.js';
import { crawlSite, type CrawlOptions, type CrawlReport } from '../../src/ingest/crawl-site.js';
import { createRobotsCache } from '../../src/ingest/robots.js';
import { fakeLookup, fakeSite, html, page, redirect, type Route } from './fake-site.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const ORIGIN = 'https://shop.example';

function serve(routes: Record<string, Route>, options: { latencyMs?: number } = {}) {
  const site = fakeSite(ORIGIN, routes, options);
  server.use(...site.handlers);
  return site;
}

const crawl = (options: Partial<CrawlOptions> = {}, deps = {}): Promise<CrawlReport> =>
  crawlSite({ startUrls: [`${ORIGIN}/`], delayMs: 0, ...options }, { lookup: fakeLookup, ...deps });

const urls = (report: CrawlReport): string[] => report.pages.map((p) => p.url.replace(ORIGIN, '')).sort();
const skippedReason = (report: CrawlReport, path: string): string | undefined =>
  report.skipped.find((s) => s.url === ORIGIN + path)?.reason;
const failedCode = (report: CrawlReport, path: string): string | undefined => report.failed.find((f) => f.url === ORIGIN + path)?.code;

describe('crawlSite on a fake site', () => {
  it('follows links and sitemaps, obeys robots.txt and reports what it skipped and why', async () => {
    const site = serve({
      '/robots.txt': () =>
        new HttpResponse('User-agent: *\nDisallow: /\n\nUser-agent: laerling\nDisallow: /private/\nSitemap: https://shop.example/sitemap-index.xml', {
          headers: { 'content-type': 'text/plain' },
        }),
      '/sitemap-index.xml': () =>
        new HttpResponse('<sitemapindex><sitemap><loc>https://shop.example/sitemap-pages.xml</loc></sitemap></sitemapindex>', {
          headers: { 'content-type': 'application/xml' },
        }),
      '/sitemap-pages.xml': () => new HttpResponse('<urlset><url><loc>https://shop.example/from-sitemap</loc></url></urlset>'),
      '/': () => html(page('Home', ['/a', '/private/secret', 'https://other.example/x', '/doc.pdf', '/broken', 'mailto:hei@shop.example'])),
      '/a': () => html(page('A')),
      '/from-sitemap': () => html(page('From the sitemap')),
      '/private/secret': () => html(page('Secret')),
      '/doc.pdf': () => new HttpResponse('%PDF-1.4', { headers: { 'content-type': 'application/pdf' } }),
      // Unclosed tags and stray markup still yield links.
      '/broken': () => html('<html><body><div><p>Broken <a href="/deep">deep<table><tr><td><a href=/deeper>x</a'),
      '/deep': () => html(page('Deep')),
      '/deeper': () => html(page('Deeper')),
    });
    const report = await crawl();
    expect(urls(report)).toEqual(['/', '/a', '/broken', '/deep', '/deeper', '/from-sitemap']);
    expect(skippedReason(report, '/private/secret')).toMatch(/robots/);
    expect(skippedReason(report, '/doc.pdf')).toMatch(/not HTML \(application\/pdf\)/);
    expect(site.requests).not.toContain('/private/secret');
    expect(report.failed).toEqual([]);
    expect(report.startedAt <= report.finishedAt).toBe(true);
  });

  it('de-duplicates fragments, trailing slashes, tracking parameters, canonicals and identical text', async () => {
    const site = serve({
      '/': () => html(page('Home', ['/a', '/a/', '/a#top', '/a?utm_source=news&gclid=1', '/b', '/canon', '/copy', '/moved', '/c?y=2&x=1', '/c?x=1&y=2'])),
      '/a': () => html(page('A')),
      '/b': () => html(page('B', [], '<link rel="canonical" href="https://shop.example/canon">')),
      '/canon': () => html(page('Canonical')),
      '/copy': () => html(page('A')),
      '/moved': () => redirect('/a'),
      '/c?x=1&y=2': () => html(page('C')),
    });
    const report = await crawl();
    expect(urls(report)).toEqual(['/', '/a', '/c?x=1&y=2', '/canon']);
    expect(report.pages.find((p) => p.url === `${ORIGIN}/canon`)?.html).toContain('<title>B</title>');
    expect(site.requests.filter((r) => r.startsWith('/a'))).toEqual(['/a']);
    expect(site.requests).not.toContain('/canon');
    expect(skippedReason(report, '/copy')).toBe(`same content as ${ORIGIN}/a`);
    expect(skippedReason(report, '/moved')).toMatch(/duplicate of https:\/\/shop.example\/a/);
  });

  it('requests URLs with the trailing slash they were linked with, and treats both spellings as one page', async () => {
    const site = serve({
      '/': () => html(page('Home', ['/dir/', '/dir', '/dir/?utm_campaign=x'])),
      '/dir/': () => html(page('Directory')),
      '/dir': () => redirect('/dir/'),
    });
    const report = await crawl();
    expect(urls(report)).toEqual(['/', '/dir/']);
    expect(site.requests.filter((r) => r.startsWith('/dir'))).toEqual(['/dir/']);
  });

  it('ignores a canonical on another origin', async () => {
    serve({ '/': () => html(page('Home', [], '<link rel="canonical" href="https://other.example/">')) });
    expect(urls(await crawl())).toEqual(['/']);
  });

  it('handles redirects: within the site followed, off-origin not crawled, to private addresses refused, more than five refused', async () => {
    const routes: Record<string, Route> = {
      '/': () => html(page('Home', ['/old', '/away', '/evil', '/loop0', '/to-private'])),
      '/old': () => redirect('/new', 301),
      '/new': () => html(page('New')),
      '/away': () => redirect('https://other.example/page'),
      '/evil': () => redirect('https://evil.example/admin'),
      '/robots.txt': () => new HttpResponse('User-agent: *\nDisallow: /private/'),
      '/to-private': () => redirect('/private/x'),
    };
    for (let i = 0; i < 6; i++) routes[`/loop${i}`] = () => redirect(`/loop${i + 1}`);
    routes['/loop6'] = () => html(page('Too far'));
    const site = serve(routes);
    server.use(http.all('https://other.example/*', () => html(page('Elsewhere'))));
    const report = await crawl();
    expect(urls(report)).toEqual(['/', '/new']);
    expect(skippedReason(report, '/away')).toMatch(/off-origin/);
    expect(failedCode(report, '/evil')).toBe('PRIVATE_NETWORK');
    expect(failedCode(report, '/loop0')).toBe('TOO_MANY_REDIRECTS');
    expect(skippedReason(report, '/to-private')).toMatch(/robots\.txt disallows/);
    expect(site.requests).not.toContain('/private/x');
  });

  it('honours robots meta tags and decodes the declared charset', async () => {
    serve({
      '/': () => html(page('Home', ['/hidden', '/nofollow', '/latin'])),
      '/hidden': () => html(page('Hidden', ['/only-from-hidden'], '<meta name="robots" content="noindex">')),
      '/only-from-hidden': () => html(page('Reached through a noindex page')),
      '/nofollow': () => html(page('No follow', ['/not-followed'], '<meta name="robots" content="nofollow">')),
      '/not-followed': () => html(page('Not followed')),
      '/latin': () =>
        new HttpResponse(Buffer.from('<title>Bær</title><p>Blåbær og rømme</p>', 'latin1'), {
          headers: { 'content-type': 'text/html; charset=iso-8859-1' },
        }),
    });
    const report = await crawl();
    expect(urls(report)).toEqual(['/', '/latin', '/nofollow', '/only-from-hidden']);
    expect(skippedReason(report, '/hidden')).toMatch(/noindex/);
    expect(report.pages.find((p) => p.url.endsWith('/latin'))?.html).toContain('Blåbær og rømme');
  });

  it('reports missing pages, server errors and oversized pages as failed', async () => {
    serve({
      '/': () => html(page('Home', ['/gone', '/error', '/huge'])),
      '/error': () => new HttpResponse('oops', { status: 500 }),
      '/huge': () => html(`<p>${'x'.repeat(5000)}</p>`),
    });
    const report = await crawl({ maxBytes: 4000 });
    expect(failedCode(report, '/gone')).toBe('NOT_FOUND');
    expect(failedCode(report, '/error')).toBe('FETCH_FAILED');
    expect(failedCode(report, '/huge')).toBe('TOO_LARGE');
  });

  it('stops at maxPages', async () => {
    const many = Array.from({ length: 30 }, (_, i) => `/p${i}`);
    const routes: Record<string, Route> = { '/': () => html(page('Home', many)) };
    for (const p of many) routes[p] = () => html(page(p));
    const site = serve(routes);
    const report = await crawl({ maxPages: 5 });
    expect(report.pages).toHaveLength(5);
    expect(site.requests.filter((r) => r.startsWith('/p')).length).toBeLessThanOrEqual(4);
  });

  it('applies include and exclude patterns to discovered URLs', async () => {
    serve({
      '/': () => html(page('Home', ['/faq/esim', '/faq/archive/old', '/shop/phones', '/faq/print.pdf'])),
      '/faq/esim': () => html(page('eSIM')),
      '/faq/archive/old': () => html(page('Old')),
      '/shop/phones': () => html(page('Phones')),
    });
    const report = await crawl({ include: ['/faq/'], exclude: ['/faq/archive', '*.pdf$'] });
    expect(urls(report)).toEqual(['/', '/faq/esim']);
  });

  it('never has more than concurrencyPerHost requests in flight to the host', async () => {
    const many = Array.from({ length: 12 }, (_, i) => `/p${i}`);
    const routes: Record<string, Route> = { '/': () => html(page('Home', many)) };
    for (const p of many) routes[p] = () => html(page(p));
    const site = serve(routes, { latencyMs: 15 });
    const report = await crawl({ concurrencyPerHost: 2 });
    expect(report.pages).toHaveLength(13);
    expect(site.maxInFlight()).toBe(2);
  });

  it('keeps the per-host limit when crawling two sites at once', async () => {
    const many = Array.from({ length: 12 }, (_, i) => `/p${i}`);
    const routes: Record<string, Route> = { '/': () => html(page('Home', many)) };
    for (const p of many) routes[p] = () => html(page(p));
    const shop = serve(routes, { latencyMs: 15 });
    const other = fakeSite('https://other.example', { '/': () => html(page('Other')) });
    server.use(...other.handlers);
    const report = await crawl({ startUrls: [`${ORIGIN}/`, 'https://other.example/'], concurrencyPerHost: 2 });
    expect(report.pages).toHaveLength(14);
    expect(shop.maxInFlight()).toBe(2);
  });

  it('spaces requests to one host by the politeness delay', async () => {
    const routes: Record<string, Route> = { '/': () => html(page('Home', ['/x', '/y'])) };
    routes['/x'] = () => html(page('X'));
    routes['/y'] = () => html(page('Y'));
    serve(routes);
    const started = Date.now();
    await crawl({ delayMs: 60 });
    // robots.txt, sitemap.xml, /, /x and /y: four gaps of at least 60 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(4 * 60 - 5);
  });

  it('sends conditional headers and reports a 304 as unchanged', async () => {
    const seen: Record<string, string | null> = {};
    serve({
      '/': () => html(page('Home', ['/kept', '/changed']), { headers: { etag: '"home-2"' } }),
      '/kept': (request) => {
        seen['if-none-match'] = request.headers.get('if-none-match');
        seen['if-modified-since'] = request.headers.get('if-modified-since');
        return new HttpResponse(null, { status: 304 });
      },
      '/changed': () => html(page('Changed'), { headers: { 'last-modified': 'Wed, 01 Jan 2025 00:00:00 GMT' } }),
    });
    const previous = new Map([
      [`${ORIGIN}/kept`, { etag: '"kept-1"', lastModified: 'Tue, 31 Dec 2024 00:00:00 GMT' }],
      [`${ORIGIN}/changed`, { etag: '"changed-1"' }],
    ]);
    const report = await crawl({ previous });
    expect(report.unchanged).toEqual([`${ORIGIN}/kept`]);
    expect(seen).toEqual({ 'if-none-match': '"kept-1"', 'if-modified-since': 'Tue, 31 Dec 2024 00:00:00 GMT' });
    expect(urls(report)).toEqual(['/', '/changed']);
    expect(report.pages.find((p) => p.url.endsWith('/changed'))?.lastModified).toBe('Wed, 01 Jan 2025 00:00:00 GMT');
    expect(report.pages.find((p) => p.url === `${ORIGIN}/`)?.etag).toBe('"home-2"');
  });

  it('re-checks pages of the previous crawl even when nothing links to them any more', async () => {
    serve({ '/': () => html(page('Home')), '/orphan': () => html(page('Orphan')) });
    const report = await crawl({ previous: new Map([[`${ORIGIN}/orphan`, {}], [`${ORIGIN}/deleted`, {}]]) });
    expect(urls(report)).toEqual(['/', '/orphan']);
    expect(failedCode(report, '/deleted')).toBe('NOT_FOUND');
  });

  it('waits the Crawl-delay robots.txt asks for between requests to the site', async () => {
    serve({
      '/robots.txt': () => new HttpResponse('User-agent: *\nCrawl-delay: 0.3\n'),
      '/': () => html(page('Home', ['/a', '/b'])),
      '/a': () => html(page('A')),
      '/b': () => html(page('B')),
    });
    const started = Date.now();
    const report = await crawl({ concurrencyPerHost: 1 });
    expect(urls(report)).toEqual(['/', '/a', '/b']);
    // Three pages, each at least 0.3 s after the one before (delayMs alone is 0 here).
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
  });

  it('crawls nothing when robots.txt answers 5xx, everything when it answers 4xx', async () => {
    serve({ '/robots.txt': () => new HttpResponse('', { status: 503 }), '/': () => html(page('Home')) });
    const down = await crawl();
    expect(down.pages).toEqual([]);
    // A failure, not a skip: a re-crawl keeps the pages it has (see build-bot-index's TRANSIENT).
    expect(failedCode(down, '/')).toBe('FETCH_FAILED');
    expect(down.failed[0]?.message).toMatch(/robots\.txt could not be read/);
    server.resetHandlers();
    serve({ '/robots.txt': () => new HttpResponse('User-agent: *\nDisallow: /', { status: 403 }), '/': () => html(page('Home')) });
    expect(urls(await crawl())).toEqual(['/']);
  });

  it('reuses a robots.txt cache passed in, until it is 24 hours old', async () => {
    const site = serve({ '/robots.txt': () => new HttpResponse('User-agent: *\nAllow: /'), '/': () => html(page('Home')) });
    let clock = new Date('2025-01-01T00:00:00Z');
    const deps = { robotsCache: createRobotsCache(), now: () => clock };
    await crawl({}, deps);
    clock = new Date('2025-01-01T12:00:00Z');
    await crawl({}, deps);
    expect(site.requests.filter((r) => r === '/robots.txt')).toHaveLength(1);
    clock = new Date('2025-01-02T00:00:01Z');
    await crawl({}, deps);
    expect(site.requests.filter((r) => r === '/robots.txt')).toHaveLength(2);
  });

  it('refuses a start URL that resolves to a private address unless allowPrivateNetwork is set', async () => {
    const site = fakeSite('https://evil.example', { '/': () => html(page('Intranet')) });
    server.use(...site.handlers);
    const refused = await crawlSite({ startUrls: ['https://evil.example/'], delayMs: 0 }, { lookup: fakeLookup });
    expect(refused.pages).toEqual([]);
    expect(refused.failed).toEqual([expect.objectContaining({ url: 'https://evil.example/', code: 'PRIVATE_NETWORK' })]);
    expect(site.requests).toEqual([]);
    const allowed = await crawlSite({ startUrls: ['https://evil.example/'], delayMs: 0, allowPrivateNetwork: true }, { lookup: fakeLookup });
    expect(allowed.pages.map((p) => p.url)).toEqual(['https://evil.example/']);
  });

  it('reports progress as it goes', async () => {
    serve({ '/': () => html(page('Home', ['/a', '/b'])), '/a': () => html(page('A')), '/b': () => html(page('B')) });
    const snapshots: CrawlProgress[] = [];
    await crawl({}, { onProgress: (p: CrawlProgress) => snapshots.push(p) });
    expect(snapshots.length).toBeGreaterThan(1);
    expect(snapshots.at(-1)).toMatchObject({ indexed: 3, queued: 0, inFlight: 0, failed: 0 });
  });

  it('validates its options and names the bad field', async () => {
    await expect(crawlSite({ startUrls: [`${ORIGIN}/`], maxPages: 0 })).rejects.toThrow(/maxPages/);
  });
});

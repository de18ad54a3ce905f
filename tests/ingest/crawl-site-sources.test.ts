import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { crawlSite, type CrawlOptions, type CrawlReport } from '../../src/ingest/crawl-site.js';
import { fakeLookup, fakeSite, html, page, type Route } from './fake-site.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const SHOP = 'https://shop.example';
const HELP = 'https://www.shop.example';

function serve(origin: string, routes: Record<string, Route>) {
  const site = fakeSite(origin, routes);
  server.use(...site.handlers);
  return site;
}

const crawl = (options: CrawlOptions): Promise<CrawlReport> => crawlSite({ delayMs: 0, ...options }, { lookup: fakeLookup });
const paths = (report: CrawlReport, origin: string): string[] =>
  report.pages.filter((p) => p.url.startsWith(`${origin}/`)).map((p) => p.url.slice(origin.length)).sort();

describe('crawlSite with several sources, each with its own rules', () => {
  it("applies each source's include, exclude and maxPages to the pages of its own site only", async () => {
    serve(SHOP, {
      '/': () => html(page('Shop', ['/retur', '/a', '/b'])),
      '/retur': () => html(page('Shop returns')),
      '/a': () => html(page('A')),
      '/b': () => html(page('B')),
    });
    const help = serve(HELP, {
      '/hjelp/': () => html(page('Help', ['/hjelp/retur', '/hjelp/retur.html', '/hjelp/frakt', '/hjelp/priser'])),
      '/hjelp/retur': () => html(page('Help returns')),
      '/hjelp/retur.html': () => html(page('Help returns, old')),
      '/hjelp/frakt': () => html(page('Shipping')),
      '/hjelp/priser': () => html(page('Prices')),
    });
    const report = await crawl({
      startUrls: [
        { url: `${SHOP}/`, maxPages: 2 },
        { url: `${HELP}/hjelp/`, exclude: ['/hjelp/retur'] },
      ],
    });
    // The help site's exclude does not reach the shop, nor the shop's page limit the help site.
    expect(paths(report, SHOP)).toEqual(['/', '/retur']);
    expect(paths(report, HELP)).toEqual(['/hjelp/', '/hjelp/frakt', '/hjelp/priser']);
    expect(help.requests.filter((r) => r.startsWith('/hjelp/retur'))).toEqual([]);
  });

  it('uses the crawl-wide rules for start URLs given without their own', async () => {
    serve(SHOP, { '/': () => html(page('Shop', ['/faq/x', '/shop/y'])), '/faq/x': () => html(page('X')), '/shop/y': () => html(page('Y')) });
    serve(HELP, { '/': () => html(page('Help', ['/faq/z', '/shop/w'])), '/faq/z': () => html(page('Z')), '/shop/w': () => html(page('W')) });
    const report = await crawl({ startUrls: [`${SHOP}/`, { url: `${HELP}/`, exclude: ['/faq/'] }], exclude: ['/shop/'] });
    expect(paths(report, SHOP)).toEqual(['/', '/faq/x']);
    expect(paths(report, HELP)).toEqual(['/', '/shop/w']);
  });

  it('counts a page against the source whose path it is under when two sources share a site', async () => {
    const faq = Array.from({ length: 6 }, (_, i) => `/faq/q${i}`);
    const routes: Record<string, Route> = { '/': () => html(page('Home', ['/about'])), '/about': () => html(page('About')), '/faq/': () => html(page('FAQ', faq)) };
    for (const p of faq) routes[p] = () => html(page(p));
    serve(SHOP, routes);
    const report = await crawl({ startUrls: [{ url: `${SHOP}/`, maxPages: 2 }, { url: `${SHOP}/faq/`, maxPages: 10 }] });
    expect(paths(report, SHOP)).toEqual(['/', '/about', '/faq/', ...faq].sort());
  });

  it('keeps the last copies of pages a source had no room for, and only those', async () => {
    const many = Array.from({ length: 5 }, (_, i) => `/p${i}`);
    const routes: Record<string, Route> = { '/': () => html(page('Shop', many)) };
    for (const p of many) routes[p] = () => html(page(p));
    serve(SHOP, routes);
    serve(HELP, { '/': () => html(page('Help')), '/old': () => html(page('Old help')) });
    const previous = new Map([...many.map((p) => [`${SHOP}${p}`, {}] as const), [`${HELP}/old`, {}]]);
    const report = await crawl({ startUrls: [{ url: `${SHOP}/`, maxPages: 3 }, `${HELP}/`], previous });
    expect(report.pages.filter((p) => p.url.startsWith(SHOP))).toHaveLength(3);
    expect(paths(report, HELP)).toEqual(['/', '/old']);
    expect(report.notReached).toHaveLength(3);
    expect(report.notReached.every((u) => u.startsWith(`${SHOP}/p`))).toBe(true);
  });
});

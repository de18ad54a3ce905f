import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSite } from '../../src/ingest/crawl-site.js';

// A real HTTP server on loopback, no msw: this is how the StackFAQ benchmark is crawled.
const files: Record<string, { type: string; body: string }> = {
  '/robots.txt': { type: 'text/plain', body: 'User-agent: *\nDisallow: /private/\n' },
  '/': { type: 'text/html', body: '<title>Home</title><a href="/faq/1.html">1</a> <a href="/faq/2.html">2</a> <a href="/private/x.html">x</a> <a href="/stall">s</a> <a href="/big">b</a>' },
  '/faq/1.html': { type: 'text/html', body: '<title>One</title><p>First answer.</p>' },
  '/faq/2.html': { type: 'text/html', body: '<title>Two</title><p>Second answer.</p>' },
  '/private/x.html': { type: 'text/html', body: '<title>Private</title>' },
};

let server: Server;
let base: string;
const requested: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requested.push(req.url ?? '');
    if (req.url === '/stall') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<title>Never ends</title>');
      return;
    }
    if (req.url === '/big') {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) });
      res.write('<p>');
      return;
    }
    const file = files[req.url ?? ''];
    res.writeHead(file ? 200 : 404, { 'content-type': file?.type ?? 'text/plain' });
    res.end(file?.body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('crawlSite against a real server on 127.0.0.1', () => {
  it('crawls it with allowPrivateNetwork, obeying robots.txt', async () => {
    const report = await crawlSite({ startUrls: [`${base}/`], allowPrivateNetwork: true, delayMs: 0, timeoutMs: 400 });
    expect(report.pages.map((p) => p.url.replace(base, '')).sort()).toEqual(['/', '/faq/1.html', '/faq/2.html']);
    expect(report.skipped).toEqual([{ url: `${base}/private/x.html`, reason: 'disallowed by robots.txt' }]);
    expect(report.failed.map((f) => [f.url.replace(base, ''), f.code]).sort()).toEqual([
      ['/big', 'TOO_LARGE'],
      ['/stall', 'TIMEOUT'],
    ]);
    expect(requested).not.toContain('/private/x.html');
  });

  it('refuses it without the flag and sends nothing', async () => {
    requested.length = 0;
    const report = await crawlSite({ startUrls: [`${base}/`], delayMs: 0 });
    expect(report.pages).toEqual([]);
    expect(report.failed).toEqual([expect.objectContaining({ url: `${base}/`, code: 'PRIVATE_NETWORK' })]);
    expect(requested).toEqual([]);
  });
});

import { gzipSync } from 'node:zlib';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LaerlingError } from '../../src/errors.js';
import { safeFetch, type SafeFetchOptions } from '../../src/ingest/safe-fetch.js';
import { fakeLookup, html, redirect } from './fake-site.js';

const seen: string[] = [];
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  seen.length = 0;
});
afterAll(() => server.close());

function route(url: string, respond: (request: Request) => Response | Promise<Response>): void {
  server.use(
    http.get(url, ({ request }) => {
      seen.push(request.url);
      return respond(request);
    }),
  );
}

const get = (url: string, opts: SafeFetchOptions = {}) => safeFetch(url, opts, { lookup: fakeLookup });

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return error instanceof LaerlingError ? error.code : `other: ${String(error)}`;
  }
}

describe('safeFetch', () => {
  it('fetches a public page with our user agent and returns status, headers and body', async () => {
    let agent: string | null = null;
    route('https://shop.example/a', (request) => {
      agent = request.headers.get('user-agent');
      return html('<p>hei</p>', { headers: { etag: '"v1"' } });
    });
    const res = await get('https://shop.example/a');
    expect(res.status).toBe(200);
    expect(res.headers['etag']).toBe('"v1"');
    expect(res.body.toString()).toBe('<p>hei</p>');
    expect(agent).toMatch(/^laerling\//);
  });

  it('refuses a host that resolves to a private address before sending anything', async () => {
    route('https://evil.example/', () => html('secret'));
    route('https://meta.example/', () => html('secret'));
    expect(await codeOf(get('https://evil.example/'))).toBe('PRIVATE_NETWORK');
    expect(await codeOf(get('https://meta.example/'))).toBe('PRIVATE_NETWORK');
    expect(seen).toEqual([]);
  });

  it.each(['http://127.0.0.1/', 'http://2130706433/', 'http://0x7f.1/', 'http://0177.0.0.1/', 'http://127.1/', 'http://[::1]/', 'http://[::ffff:7f00:1]/', 'http://10.0.0.1/', 'http://192.168.0.1/', 'http://172.16.0.1/', 'http://169.254.169.254/', 'http://100.64.0.1/', 'http://0.0.0.0/'])(
    'refuses %s',
    async (url) => {
      expect(await codeOf(get(url))).toBe('PRIVATE_NETWORK');
    },
  );

  it('follows up to five redirects and reports the final URL', async () => {
    for (let i = 0; i < 5; i++) route(`https://shop.example/r${i}`, () => redirect(`/r${i + 1}`, i % 2 ? 302 : 308));
    route('https://shop.example/r5', () => html('end'));
    const res = await get('https://shop.example/r0');
    expect(res.url).toBe('https://shop.example/r5');
    expect(res.redirects).toHaveLength(5);
    expect(res.body.toString()).toBe('end');
  });

  it('refuses a sixth redirect', async () => {
    for (let i = 0; i < 6; i++) route(`https://shop.example/r${i}`, () => redirect(`/r${i + 1}`));
    route('https://shop.example/r6', () => html('end'));
    expect(await codeOf(get('https://shop.example/r0'))).toBe('TOO_MANY_REDIRECTS');
    expect(seen).not.toContain('https://shop.example/r6');
  });

  it('re-checks every hop: redirects to private addresses or other schemes are refused', async () => {
    route('https://shop.example/to-loopback', () => redirect('http://127.0.0.1:8080/admin'));
    route('https://shop.example/to-evil', () => redirect('https://evil.example/'));
    route('https://shop.example/to-decimal', () => redirect('http://2130706433/'));
    route('https://shop.example/to-file', () => redirect('file:///etc/passwd'));
    route('https://evil.example/', () => html('secret'));
    expect(await codeOf(get('https://shop.example/to-loopback'))).toBe('PRIVATE_NETWORK');
    expect(await codeOf(get('https://shop.example/to-evil'))).toBe('PRIVATE_NETWORK');
    expect(await codeOf(get('https://shop.example/to-decimal'))).toBe('PRIVATE_NETWORK');
    expect(await codeOf(get('https://shop.example/to-file'))).toBe('URL_NOT_ALLOWED');
    expect(seen).not.toContain('https://evil.example/');
  });

  it('lets the caller refuse a redirect hop', async () => {
    route('https://shop.example/away', () => redirect('https://other.example/'));
    const refuse = (url: string): void => {
      throw new LaerlingError('URL_NOT_ALLOWED', `off-origin: ${url}`);
    };
    expect(await codeOf(get('https://shop.example/away', { beforeRedirect: refuse }))).toBe('URL_NOT_ALLOWED');
  });

  it('refuses a declared Content-Length above the limit', async () => {
    route('https://shop.example/big', () => html('x'.repeat(2000), { headers: { 'content-length': '2000' } }));
    expect(await codeOf(get('https://shop.example/big', { maxBytes: 1000 }))).toBe('TOO_LARGE');
  });

  it('stops reading a streamed body once it passes the limit', async () => {
    let sent = 0;
    route('https://shop.example/stream', () => {
      const stream = new ReadableStream<Uint8Array>({
        async pull(controller) {
          await new Promise((resolve) => setTimeout(resolve, 1));
          sent += 1024;
          controller.enqueue(new Uint8Array(1024).fill(65));
          if (sent >= 1024 * 1024) controller.close();
        },
      });
      return new HttpResponse(stream, { headers: { 'content-type': 'text/html' } });
    });
    expect(await codeOf(get('https://shop.example/stream', { maxBytes: 10_000 }))).toBe('TOO_LARGE');
    // We gave up while the server was still sending, not after taking it all in.
    expect(sent).toBeLessThan(1024 * 1024);
  });

  it('counts decompressed bytes against the limit', async () => {
    const bomb = gzipSync(Buffer.alloc(200_000, 65));
    route('https://shop.example/gz', () => new HttpResponse(bomb, { headers: { 'content-type': 'text/html', 'content-encoding': 'gzip' } }));
    expect(await codeOf(get('https://shop.example/gz', { maxBytes: 100_000 }))).toBe('TOO_LARGE');
    const ok = await get('https://shop.example/gz', { maxBytes: 300_000 });
    expect(ok.body.length).toBe(200_000);
  });

  it('times out a server that does not answer', async () => {
    route('https://shop.example/slow', () => new Promise<Response>(() => {}));
    expect(await codeOf(get('https://shop.example/slow', { timeoutMs: 50 }))).toBe('TIMEOUT');
  });

  it('times out a body that stops halfway (the limit covers the whole exchange)', async () => {
    route('https://shop.example/stall', () => {
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('<p>start'));
        },
      });
      return new HttpResponse(stream, { headers: { 'content-type': 'text/html' } });
    });
    expect(await codeOf(get('https://shop.example/stall', { timeoutMs: 100 }))).toBe('TIMEOUT');
  });

  it('lets the caller stop before the body is read', async () => {
    route('https://shop.example/file.pdf', () => new HttpResponse('%PDF', { headers: { 'content-type': 'application/pdf' } }));
    const onHead = (): void => {
      throw new LaerlingError('NOT_HTML');
    };
    expect(await codeOf(get('https://shop.example/file.pdf', { onHead }))).toBe('NOT_HTML');
  });

  it('reports an unresolvable host as FETCH_FAILED', async () => {
    expect(await codeOf(get('https://nowhere.example/'))).toBe('FETCH_FAILED');
  });
});

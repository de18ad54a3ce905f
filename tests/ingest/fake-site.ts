/** Test helpers: a public-looking fake site behind msw and a fake DNS. */

import { http, HttpResponse } from 'msw';
import type { LookupFn } from '../../src/ingest/ssrf-guard.js';

export type Route = (request: Request) => Response | Promise<Response>;

/** A fake DNS: shop.example is public, evil.example resolves to loopback. */
export const fakeLookup: LookupFn = async (host) => {
  const table: Record<string, string> = {
    'shop.example': '93.184.216.34',
    'www.shop.example': '93.184.216.35',
    'other.example': '93.184.216.36',
    'evil.example': '127.0.0.1',
    'meta.example': '169.254.169.254',
  };
  const address = table[host];
  if (!address) throw new Error(`getaddrinfo ENOTFOUND ${host}`);
  return [{ address, family: 4 }];
};

/** An HTML response. */
export function html(body: string, init: ResponseInit = {}): Response {
  return new HttpResponse(body, { ...init, headers: { 'content-type': 'text/html; charset=utf-8', ...init.headers } });
}

/** A redirect response. */
export function redirect(location: string, status = 301): Response {
  return new HttpResponse(null, { status, headers: { location } });
}

/** A minimal page with a title, some text and links. */
export function page(title: string, links: string[] = [], extraHead = ''): string {
  const anchors = links.map((l) => `<a href="${l}">${l}</a>`).join(' ');
  return `<!doctype html><html lang="en"><head><title>${title}</title>${extraHead}</head><body><main><h1>${title}</h1><p>About ${title}.</p>${anchors}</main></body></html>`;
}

export interface FakeSite {
  handlers: ReturnType<typeof http.all>[];
  /** Paths (with query) requested, in order. */
  requests: string[];
  /** Highest number of requests in flight at once. */
  maxInFlight: () => number;
}

/** msw handlers serving `routes` (by path, or path with query) on an origin; unknown paths 404. */
export function fakeSite(origin: string, routes: Record<string, Route>, options: { latencyMs?: number } = {}): FakeSite {
  const requests: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const handler = http.all(`${origin}/*`, async ({ request }) => {
    const url = new URL(request.url);
    const key = url.pathname + url.search;
    requests.push(key);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
      const route = routes[key] ?? routes[url.pathname];
      return route ? await route(request) : new HttpResponse('not found', { status: 404 });
    } finally {
      inFlight--;
    }
  });
  return { handlers: [handler], requests, maxInFlight: () => maxInFlight };
}

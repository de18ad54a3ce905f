/**
 * Fetch one page of a crawl and record the outcome: a page, unchanged (304), skipped with a
 * reason, or failed with an error code. Also feeds the page's links back to the frontier.
 */

import { LaerlingError } from '../errors.js';
import type { ResolvedCrawlOptions } from './crawl-options.js';
import type { Frontier, FrontierItem } from './crawl-frontier.js';
import type { PreviousFetch } from './crawl-options.js';
import { failure, type CrawlReport } from './crawl-report.js';
import { decodeHtml, mediaType } from './decode-body.js';
import { readPageSignals } from './page-signals.js';
import type { SafeResponse, SafeResponseHead } from './safe-fetch.js';
import type { SiteAccess } from './site-access.js';
import { cleanUrl, normaliseUrl, originOf } from './url-normalise.js';

export interface PageFetchContext {
  opts: ResolvedCrawlOptions;
  access: SiteAccess;
  report: CrawlReport;
  frontier: Frontier;
  now: () => Date;
  /** options.previous by normalised URL, with the caller's own key. */
  previous: ReadonlyMap<string, { key: string; value: PreviousFetch }>;
  /** Content hash → URL of the first page with that text. */
  hashes: Map<string, string>;
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const ROBOTS_UNREADABLE = 'robots.txt could not be read (server error or unreachable), so nothing may be crawled now';

/**
 * Fetch one frontier item and record the result in the context's report; true when it used up a
 * page of the crawl's budget (a page fetched, or unchanged).
 */
export async function fetchPage(item: FrontierItem, ctx: PageFetchContext): Promise<boolean> {
  const { report } = ctx;
  const url = item.href;
  try {
    const owner = ctx.frontier.claim(item.key, url);
    if (owner !== undefined) {
      report.skipped.push({ url, reason: `duplicate of ${owner}` });
      return false;
    }
    if (!(await ctx.access.allowedByRobots(url))) {
      // An unreadable robots.txt (5xx, unreachable) forbids crawling for now, but says nothing
      // about the page: a failure (the last copy stays in the index), not a skip (which drops it).
      if ((await ctx.access.robots(originOf(url))).disallowAll) report.failed.push({ url, code: 'FETCH_FAILED', message: ROBOTS_UNREADABLE });
      else report.skipped.push({ url, reason: 'disallowed by robots.txt' });
      return false;
    }
    const previous = ctx.previous.get(item.key);
    const res = await ctx.access.fetchPage(url, {
      headers: requestHeaders(previous?.value),
      onHead: acceptHtmlOnly,
      beforeRedirect: (next) => claimRedirect(next, url, ctx.frontier),
    });
    if (res.status === 304) {
      report.unchanged.push(previous?.key ?? url);
      return true;
    }
    return recordPage(url, res, ctx);
  } catch (error) {
    const skip = skipReason(error);
    if (skip !== undefined) report.skipped.push({ url, reason: skip });
    else report.failed.push(failure(url, error));
    return false;
  }
}

async function recordPage(requested: string, res: SafeResponse, ctx: PageFetchContext): Promise<boolean> {
  const finalUrl = cleanUrl(res.url) ?? requested;
  const html = decodeHtml(res.body, res.headers['content-type']);
  const signals = readPageSignals(html, res.url);
  if (!signals.nofollow) for (const link of signals.links) ctx.frontier.add(link);
  if (signals.noindex) {
    ctx.report.skipped.push({ url: requested, reason: 'robots meta tag says noindex' });
    return false;
  }
  const canonical = await usableCanonical(signals.canonical, finalUrl, ctx.access);
  const pageUrl = canonical ?? finalUrl;
  // Everything below is synchronous, so two tasks cannot both claim the same URL or text.
  for (const alias of new Set([finalUrl, pageUrl])) {
    const owner = ctx.frontier.claim(normaliseUrl(alias) ?? alias, requested);
    if (owner !== undefined && owner !== requested) {
      ctx.report.skipped.push({ url: requested, reason: `duplicate of ${owner} (${alias === pageUrl ? 'canonical' : 'redirect'})` });
      return false;
    }
  }
  const first = ctx.hashes.get(signals.contentHash);
  if (first !== undefined) {
    ctx.report.skipped.push({ url: requested, reason: `same content as ${first}` });
    return false;
  }
  ctx.hashes.set(signals.contentHash, pageUrl);
  ctx.report.pages.push({
    url: pageUrl,
    html,
    status: res.status,
    ...(res.headers['etag'] !== undefined ? { etag: res.headers['etag'] } : {}),
    ...(res.headers['last-modified'] !== undefined ? { lastModified: res.headers['last-modified'] } : {}),
    fetchedAt: ctx.now().toISOString(),
  });
  return true;
}

/** The canonical URL when it is a different, same-origin URL that robots.txt lets us have. */
async function usableCanonical(raw: string | undefined, finalUrl: string, access: SiteAccess): Promise<string | undefined> {
  const canonical = raw === undefined ? undefined : cleanUrl(raw);
  if (canonical === undefined || normaliseUrl(canonical) === normaliseUrl(finalUrl) || !access.inOrigin(canonical)) return undefined;
  try {
    return (await access.allowedByRobots(canonical)) ? canonical : undefined;
  } catch {
    return undefined;
  }
}

/** Stop before the body unless this is a successful HTML page (or a 304). */
function acceptHtmlOnly(head: SafeResponseHead): void {
  if (head.status === 304) return;
  if (head.status === 404 || head.status === 410) {
    throw new LaerlingError('NOT_FOUND', `HTTP ${head.status} for ${head.url}`, { url: head.url, status: head.status });
  }
  if (head.status < 200 || head.status >= 300) {
    throw new LaerlingError('FETCH_FAILED', `HTTP ${head.status} for ${head.url}`, { url: head.url, status: head.status });
  }
  const type = mediaType(head.headers['content-type']);
  if (!HTML_TYPES.has(type)) {
    throw new LaerlingError('NOT_HTML', `not HTML (${type || 'no Content-Type'})`, { url: head.url, contentType: type });
  }
}

/** Don't fetch a redirect target a second time: it is ours from now on, or already someone's. */
function claimRedirect(next: string, requested: string, frontier: Frontier): void {
  const target = normaliseUrl(next);
  const owner = target === undefined ? undefined : frontier.claim(target, requested);
  if (owner !== undefined && owner !== requested) {
    throw new LaerlingError('URL_NOT_ALLOWED', `duplicate of ${owner} (redirect)`, { url: next, skip: true });
  }
}

// Not-HTML, robots and "not ours to fetch" are decisions, not failures.
function skipReason(error: unknown): string | undefined {
  if (!(error instanceof LaerlingError)) return undefined;
  if (error.code === 'NOT_HTML' || error.code === 'ROBOTS_DISALLOWED') return error.message;
  if (error.details?.['skip'] === true) return error.message;
  return undefined;
}

function requestHeaders(previous: PreviousFetch | undefined): Record<string, string> {
  const headers: Record<string, string> = { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1' };
  if (previous?.etag) headers['if-none-match'] = previous.etag;
  if (previous?.lastModified) headers['if-modified-since'] = previous.lastModified;
  return headers;
}

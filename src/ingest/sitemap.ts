/**
 * sitemap.xml and sitemap indexes (plain or gzipped). Parsing is pure; walking an index is
 * bounded in depth and count so a hostile site cannot keep us reading sitemaps forever.
 */

import { gunzipSync } from 'node:zlib';
import * as cheerio from 'cheerio';

export interface ParsedSitemap {
  /** Page URLs from <urlset><url><loc>. */
  pages: string[];
  /** Child sitemap URLs from <sitemapindex><sitemap><loc>. */
  sitemaps: string[];
}

/** Read the <loc> entries of a sitemap or sitemap index. */
export function parseSitemap(xml: string): ParsedSitemap {
  const $ = cheerio.load(xml, { xml: true });
  const locs = (parent: string): string[] =>
    $('loc')
      .toArray()
      .filter((el) => localName($(el).parent().prop('tagName') ?? '') === parent)
      .map((el) => $(el).text().trim())
      .filter((loc) => loc !== '');
  return { pages: locs('url'), sitemaps: locs('sitemap') };
}

function localName(tag: string): string {
  return tag.toLowerCase().replace(/^.*:/, '');
}

/** Sitemap bytes as text, gunzipped when they are gzip (by magic number, not by name). */
export function sitemapText(body: Buffer, maxBytes: number): string {
  if (body[0] === 0x1f && body[1] === 0x8b) return gunzipSync(body, { maxOutputLength: maxBytes }).toString('utf8');
  return body.toString('utf8');
}

export interface SitemapWalkDeps {
  /** Fetch a sitemap's text; resolve undefined when it is missing or unusable. */
  fetchSitemap: (url: string) => Promise<string | undefined>;
  /** Whether a sitemap URL may be read (same origin, robots). */
  mayRead: (url: string) => boolean;
  maxSitemaps?: number;
  maxDepth?: number;
}

/** Collect the page URLs of some sitemaps, following sitemap indexes. */
export async function walkSitemaps(roots: readonly string[], deps: SitemapWalkDeps): Promise<string[]> {
  const maxSitemaps = deps.maxSitemaps ?? 50;
  const maxDepth = deps.maxDepth ?? 3;
  const seen = new Set<string>();
  const pages: string[] = [];
  let level = roots.filter(deps.mayRead);
  for (let depth = 0; depth < maxDepth && level.length > 0; depth++) {
    const next: string[] = [];
    for (const url of level) {
      if (seen.has(url) || seen.size >= maxSitemaps) continue;
      seen.add(url);
      const text = await deps.fetchSitemap(url);
      if (text === undefined) continue;
      const parsed = parseSitemap(text);
      pages.push(...parsed.pages);
      next.push(...parsed.sitemaps.filter(deps.mayRead));
    }
    level = next;
  }
  return pages;
}

/**
 * What the crawler needs from a fetched HTML page: its links, its canonical URL, robots meta
 * directives and a hash of its text for spotting identical pages under different URLs.
 * cheerio's parser is forgiving, so broken HTML still yields its links.
 */

import * as cheerio from 'cheerio';
import { contentHash } from './content-hash.js';

export interface PageSignals {
  /** Absolute hrefs of <a> elements, resolved against <base href> or the page URL (not normalised). */
  links: string[];
  /** Absolute href of <link rel="canonical">, if any. */
  canonical?: string;
  noindex: boolean;
  nofollow: boolean;
  /** sha256 (hex) of the whitespace-normalised body text. */
  contentHash: string;
}

/** Read links, canonical, robots meta and a content hash from a page's HTML. */
export function readPageSignals(html: string, pageUrl: string): PageSignals {
  const $ = cheerio.load(html);
  const base = resolve($('base[href]').first().attr('href'), pageUrl) ?? pageUrl;
  const links = $('a[href]')
    .toArray()
    .map((el) => resolve($(el).attr('href'), base))
    .filter((href): href is string => href !== undefined);
  const canonicalHref = $('link[rel]')
    .toArray()
    .find((el) => ($(el).attr('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'));
  const canonical = canonicalHref ? resolve($(canonicalHref).attr('href'), base) : undefined;
  const directives = robotsDirectives($);
  $('script, style, noscript, template').remove();
  const body = $('body');
  const text = body.length > 0 ? body.text() : $.root().text();
  return {
    links,
    ...(canonical !== undefined ? { canonical } : {}),
    noindex: directives.has('noindex') || directives.has('none'),
    nofollow: directives.has('nofollow') || directives.has('none'),
    contentHash: contentHash(text),
  };
}

function robotsDirectives($: cheerio.CheerioAPI): Set<string> {
  const values = $('meta[name]')
    .toArray()
    .filter((el) => ['robots', 'laerling'].includes(($(el).attr('name') ?? '').toLowerCase()))
    .flatMap((el) => ($(el).attr('content') ?? '').toLowerCase().split(','));
  return new Set(values.map((v) => v.trim()));
}

function resolve(href: string | undefined, base: string): string | undefined {
  if (href === undefined || href.trim() === '') return undefined;
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return undefined;
  }
}

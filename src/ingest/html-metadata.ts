/**
 * Page metadata read before boilerplate removal (it lives in <head> and the site chrome):
 * title, canonical URL, language hint and last-modified time. Values come from untrusted
 * pages, so each is checked and dropped when it does not parse.
 */

import type { CheerioAPI } from 'cheerio';

export interface HtmlMetadata {
  /** og:title or <title> without the site-name suffix; undefined when neither exists. */
  title?: string;
  /** Absolute canonical URL when it is same-origin with the page, without fragment. */
  canonical?: string;
  /** The html lang attribute as written. */
  langHint?: string;
  /** ISO time from article:modified_time or the first <time datetime>. */
  modified?: string;
}

/** Read title, canonical, language hint and modification time from a parsed page. */
export function readHtmlMetadata($: CheerioAPI, pageUrl: string): HtmlMetadata {
  const siteName = metaContent($, 'og:site_name');
  const title = [metaContent($, 'og:title'), $('title').first().text()]
    .map((t) => (t === undefined ? '' : stripSiteSuffix(t, siteName)))
    .find((t) => t !== '');
  const canonical = sameOriginCanonical($, pageUrl);
  const langHint = $('html').attr('lang')?.trim() || undefined;
  const modified =
    isoTime(metaContent($, 'article:modified_time')) ??
    isoTime(metaContent($, 'og:updated_time')) ??
    isoTime($('main time[datetime], article time[datetime]').first().attr('datetime')) ??
    isoTime($('time[datetime]').first().attr('datetime'));
  return {
    ...(title !== undefined ? { title } : {}),
    ...(canonical !== undefined ? { canonical } : {}),
    ...(langHint !== undefined ? { langHint } : {}),
    ...(modified !== undefined ? { modified } : {}),
  };
}

/** "Porting your number | Telco" → "Porting your number"; a lone " - " only with a known site name. */
export function stripSiteSuffix(raw: string, siteName?: string): string {
  const title = raw.replace(/\s+/g, ' ').trim();
  const strong = /^(.*\S)\s+[|–—·•]\s+[^|–—·•]+$/.exec(title);
  if (strong?.[1]) return strong[1];
  const site = siteName?.replace(/\s+/g, ' ').trim();
  if (site && title.endsWith(` - ${site}`) && title.length > site.length + 3) return title.slice(0, -(site.length + 3)).trim();
  return title;
}

/** An ISO 8601 string for a parseable date, else undefined. */
export function isoTime(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const ms = Date.parse(value.trim());
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

function metaContent($: CheerioAPI, key: string): string | undefined {
  const el = $('meta')
    .toArray()
    .find((m) => (m.attribs.property ?? m.attribs.name ?? '').toLowerCase() === key);
  const content = el?.attribs.content?.trim();
  return content ? content : undefined;
}

function sameOriginCanonical($: CheerioAPI, pageUrl: string): string | undefined {
  const link = $('link[rel][href]')
    .toArray()
    .find((el) => (el.attribs.rel ?? '').toLowerCase().split(/\s+/).includes('canonical'));
  const href = link?.attribs.href?.trim();
  if (!href) return undefined;
  try {
    const page = new URL(pageUrl);
    const base = new URL($('base[href]').first().attr('href') ?? pageUrl, pageUrl);
    const canonical = new URL(href, base);
    if (canonical.origin !== page.origin) return undefined;
    canonical.hash = '';
    return canonical.href;
  } catch {
    return undefined;
  }
}

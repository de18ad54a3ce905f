import { resolveKnowledgeUrl } from '../ingest/knowledge-url.js';

/**
 * Match a URL someone typed (absolute, or just a path like /faq/q001.html) to an indexed page.
 * Returns undefined when nothing or more than one page matches a bare path.
 */
export function resolvePageUrl(input: string, pageUrls: Iterable<string>): string | undefined {
  const urls = [...pageUrls];
  if (urls.includes(input)) return input;
  const path = pathOf(input);
  if (path === undefined) return undefined;
  const matches = urls.filter((u) => pathOf(u) === path);
  return matches.length === 1 ? matches[0] : undefined;
}

function pathOf(url: string): string | undefined {
  try {
    const u = new URL(url, 'http://placeholder.invalid');
    return (u.pathname.replace(/\/+$/, '') || '/') + u.search;
  } catch {
    return undefined;
  }
}

/**
 * The page a Q&A item belongs to, from what an owner typed: an indexed page as resolvePageUrl
 * finds it, else an http(s) URL — or a path, resolved against the site URL — on one of the bot's
 * sites. Undefined for anything else (another site, mailto:, not a URL), as a link customers
 * follow must not leave the company's site.
 */
export function resolveSitePageUrl(input: string, site: { pageUrls: Iterable<string>; siteUrl: string; origins: Iterable<string> }): string | undefined {
  const indexed = resolvePageUrl(input, site.pageUrls);
  if (indexed) return indexed;
  let url: URL;
  try {
    url = new URL(resolveKnowledgeUrl(input, site.siteUrl));
  } catch {
    return undefined;
  }
  return [...site.origins].includes(url.origin) ? url.href : undefined;
}

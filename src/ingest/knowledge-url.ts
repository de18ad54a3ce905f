/**
 * URLs for knowledge/ files that are not crawled: written paths resolve against the bot's
 * site URL, and items without a URL get a readable one derived from their file or question.
 */

/** Resolve an absolute URL or a path (with or without leading slash) against the site's base URL. */
export function resolveKnowledgeUrl(urlOrPath: string, baseUrl: string): string {
  const url = new URL(urlOrPath.trim(), withTrailingSlash(baseUrl));
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`not an http(s) URL: ${urlOrPath}`);
  url.hash = '';
  return url.href;
}

/** "Hvordan bytter jeg SIM-kort?" → "hvordan-bytter-jeg-sim-kort": lowercase ASCII with dashes. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

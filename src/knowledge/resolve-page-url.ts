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

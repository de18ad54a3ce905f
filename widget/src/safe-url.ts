import { findTextLinks } from '../../src/protocol/text-links.js';

/** An http(s) URL made absolute, or null: the only links the widget ever creates. */
export function safeHttpUrl(raw: string, base?: string): string | null {
  try {
    const url = new URL(raw.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Split text into plain parts and http(s) URLs, so URLs can become links and the rest stays text.
 * Which URLs is the shared rule in src/protocol/text-links.ts: the server strips every link it
 * finds that is not an answer's source, so the widget must not find any others.
 */
export function splitLinks(text: string): Array<{ text: string; href?: string }> {
  const parts: Array<{ text: string; href?: string }> = [];
  let last = 0;
  for (const found of findTextLinks(text)) {
    const href = safeHttpUrl(found.url);
    if (!href) continue;
    if (found.start > last) parts.push({ text: text.slice(last, found.start) });
    parts.push({ text: found.url, href });
    last = found.end;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

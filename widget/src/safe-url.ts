/** An http(s) URL made absolute, or null: the only links the widget ever creates. */
export function safeHttpUrl(raw: string, base?: string): string | null {
  try {
    const url = new URL(raw.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Split text into plain parts and http(s) URLs, so URLs can become links and the rest stays text. */
export function splitLinks(text: string): Array<{ text: string; href?: string }> {
  const parts: Array<{ text: string; href?: string }> = [];
  const re = /\bhttps?:\/\/[^\s<>"')\]]+[^\s<>"')\].,;:!?]/gi;
  let last = 0;
  for (const m of text.matchAll(re)) {
    const href = safeHttpUrl(m[0]);
    if (!href) continue;
    if (m.index! > last) parts.push({ text: text.slice(last, m.index) });
    parts.push({ text: m[0], href });
    last = m.index! + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

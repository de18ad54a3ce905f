import type { Hit } from '../retrieval/types.js';

/** Text without HTML tags, entities or Markdown emphasis and links, whitespace collapsed. */
export function toPlainText(text: string): string {
  return decodeEntities(text)
    .replace(/<\/?[a-z][^>]*>/gi, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return named[e.toLowerCase()] ?? m;
  });
}

// The chunk's text without lines that only repeat its title or headings: those match the
// question's words best of all, but "PUK og PIN" is not an answer.
export function passageOf(hit: Hit): string {
  const headings = new Set([hit.chunk.title, ...hit.chunk.headingPath].map((h) => h.trim().toLowerCase()));
  return toPlainText(hit.chunk.text)
    .split('\n')
    .filter((line) => !headings.has(line.trim().toLowerCase()))
    .join('\n');
}

/**
 * Markdown to heading sections of plain text, the same shape the HTML extractor produces, so
 * knowledge/ files chunk like crawled pages. A deliberately small CommonMark subset: what
 * content owners write in FAQ pages (headings, paragraphs, lists, tables, quotes, code).
 */

import { createSectionBuilder, type SectionBuilder } from './section-builder.js';
import type { Section } from './types.js';

export interface MarkdownDocument {
  sections: Section[];
  /** Text of the first level-1 heading, if any: the title when front matter has none. */
  firstH1?: string;
}

const FENCE = /^\s*(```+|~~~+)/;
const ATX = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+\s*)?$/;
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(.*)$/;
const TABLE_DIVIDER = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const RULE = /^\s{0,3}(?:-\s*){3,}$|^\s{0,3}(?:\*\s*){3,}$|^\s{0,3}(?:_\s*){3,}$/;
const LINK_DEFINITION = /^\s{0,3}\[[^\]]+\]:\s+\S+/;

/** Sections of a Markdown body (front matter already removed). */
export function markdownSections(markdown: string): MarkdownDocument {
  const builder = createSectionBuilder();
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let paragraph: string[] = [];
  let firstH1: string | undefined;
  const flush = (): void => {
    if (paragraph.length > 0) builder.line(inlineText(paragraph.join(' ')));
    paragraph = [];
  };
  const heading = (level: number, text: string): void => {
    flush();
    const plain = inlineText(text);
    if (level === 1 && firstH1 === undefined && plain !== '') firstH1 = plain;
    builder.heading(level, plain);
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const fence = FENCE.exec(line);
    if (fence?.[1]) {
      flush();
      i = codeBlock(lines, i, fence[1], builder);
      continue;
    }
    const atx = ATX.exec(line);
    if (atx?.[1]) {
      heading(atx[1].length, atx[2] ?? '');
      continue;
    }
    const next = lines[i + 1] ?? '';
    if (paragraph.length === 0 && line.trim() !== '' && !LIST_ITEM.test(line) && /^\s{0,3}(=+|-+)\s*$/.test(next)) {
      heading(next.trim().startsWith('=') ? 1 : 2, line);
      i += 1;
      continue;
    }
    if (line.trim() === '' || RULE.test(line) || LINK_DEFINITION.test(line)) {
      flush();
      continue;
    }
    if (line.trimStart().startsWith('|') || (line.includes('|') && TABLE_DIVIDER.test(next))) {
      flush();
      if (!TABLE_DIVIDER.test(line)) builder.line(tableRow(line));
      continue;
    }
    const body = line.replace(/^\s{0,3}(?:>\s?)+/, '');
    const item = LIST_ITEM.exec(body);
    if (item) {
      flush();
      paragraph.push(item[1] ?? '');
      continue;
    }
    paragraph.push(body.trim());
  }
  flush();
  return { sections: builder.sections(), ...(firstH1 !== undefined ? { firstH1 } : {}) };
}

/** Add a fenced code block's lines as text; returns the index of its closing fence. */
function codeBlock(lines: readonly string[], start: number, fence: string, builder: SectionBuilder): number {
  let i = start + 1;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim().startsWith(fence)) break;
    builder.line(line);
  }
  return i;
}

function tableRow(line: string): string {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => inlineText(cell.replace(/\\\|/g, '|')))
    .filter((cell) => cell !== '')
    .join(' | ');
}

/** Markdown inline syntax to plain text: links and images keep their text, markers go. */
export function inlineText(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<(https?:\/\/[^>\s]+|[^@>\s]+@[^>\s]+)>/g, '$1')
    .replace(/<\/?[a-zA-Z][^>]*>/g, ' ')
    .replace(/`+([^`]+)`+/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(?<![\p{L}\p{N}*])\*(?=\S)(.+?)(?<=\S)\*(?![\p{L}\p{N}*])/gu, '$1')
    .replace(/(?<![\p{L}\p{N}_])_(?=\S)(.+?)(?<=\S)_(?![\p{L}\p{N}_])/gu, '$1')
    .replace(/~~(.+?)~~/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

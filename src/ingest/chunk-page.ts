/**
 * Cuts an extracted page into retrieval chunks that follow its heading sections: small sibling
 * sections are merged (a FAQ page with one short answer per h2 becomes a few chunks, not dozens
 * of fragments), long ones are split between sentences with a little overlap so a passage that
 * straddles the cut is still found whole in one of the two chunks.
 */

import { createHash } from 'node:crypto';
import { countWords, splitSentences } from './split-sentences.js';
import type { Chunk, ExtractedPage, Section } from './types.js';

export interface ChunkOptions {
  /** Sections below this many words are merged with their neighbours. */
  minWords?: number;
  /** Upper bound of a chunk, except for a single sentence longer than this. */
  maxWords?: number;
  /** Words repeated from the end of one piece of a long section at the start of the next. */
  overlapWords?: number;
}

const DEFAULTS = { minWords: 100, maxWords: 350, overlapWords: 40 } satisfies Required<ChunkOptions>;

/** A piece of text with the heading path it sits under. */
interface Piece {
  headingPath: string[];
  text: string;
  /** Heading lines the merged sections put into `text`. */
  subheadings?: string[];
}

/** Chunks of a page in reading order, with stable ids derived from url and position. */
export function chunkPage(page: ExtractedPage, options: ChunkOptions = {}): Chunk[] {
  const opts = { ...DEFAULTS, ...options };
  const pieces = mergeSmallSections(page.sections, opts).flatMap((p) => splitLongPiece(p, opts));
  return pieces.map((piece, ordinal) => ({
    id: chunkId(page.url, ordinal),
    url: page.url,
    title: page.title,
    headingPath: piece.headingPath,
    text: piece.text,
    lang: page.lang,
    kind: 'page' as const,
    ...(piece.subheadings?.length ? { subheadings: piece.subheadings } : {}),
  }));
}

/** sha1 of url + '#' + ordinal, shortened: stable across rebuilds while the page is unchanged. */
export function chunkId(url: string, ordinal: number): string {
  return createHash('sha1').update(`${url}#${ordinal}`).digest('hex').slice(0, 16);
}

function mergeSmallSections(sections: readonly Section[], opts: Required<ChunkOptions>): Piece[] {
  const groups: Section[][] = [];
  for (const section of sections) {
    const group = groups[groups.length - 1];
    if (group && canJoin(group, section, opts)) group.push(section);
    else groups.push([section]);
  }
  return groups.map(toPiece);
}

function canJoin(group: readonly Section[], next: Section, opts: Required<ChunkOptions>): boolean {
  const last = group[group.length - 1];
  if (!last) return false;
  const words = group.reduce((sum, s) => sum + sectionWords(s), 0);
  const nextWords = sectionWords(next);
  // Grow a group until it is big enough to stand alone; after that only absorb crumbs.
  const wanted = words < opts.minWords || nextWords < opts.minWords / 4;
  if (!wanted || words + nextWords > opts.maxWords) return false;
  // Follow the reading order without leaving the family: a sibling, child or uncle of the last
  // section, never a jump into another branch's depths (whose headings would be lost).
  return startsWith(last.headingPath, parent(next.headingPath));
}

// In a merged piece the members' own headings become lines, so their words stay searchable.
function toPiece(group: readonly Section[]): Piece {
  if (group.length === 1 && group[0]) return { headingPath: group[0].headingPath, text: group[0].text };
  const headingPath = group.map((s) => s.headingPath).reduce(commonPrefix);
  const subheadings: string[] = [];
  const text = group
    .map((s) => {
      const own = s.headingPath.slice(headingPath.length).join(' – ');
      if (!own) return s.text;
      subheadings.push(own);
      return `${own}\n${s.text}`;
    })
    .join('\n');
  return { headingPath, text, subheadings };
}

function splitLongPiece(piece: Piece, opts: Required<ChunkOptions>): Piece[] {
  if (countWords(piece.text) <= opts.maxWords) return [piece];
  const units = sentenceUnits(piece.text, opts.maxWords);
  const pieces: Piece[] = [];
  let window: Unit[] = [];
  let words = 0;
  for (const unit of units) {
    if (words + unit.words > opts.maxWords && window.length > 0) {
      pieces.push({ ...piece, text: joinUnits(window) });
      window = overlapTail(window, opts.overlapWords);
      words = window.reduce((sum, u) => sum + u.words, 0);
      if (words + unit.words > opts.maxWords) [window, words] = [[], 0];
    }
    window.push(unit);
    words += unit.words;
  }
  if (window.length > 0) pieces.push({ ...piece, text: joinUnits(window) });
  return pieces;
}

interface Unit {
  text: string;
  words: number;
  /** Starts a new line (list item, table row, paragraph) rather than continuing one. */
  newLine: boolean;
}

function sentenceUnits(text: string, maxWords: number): Unit[] {
  return text.split('\n').flatMap((line) =>
    splitSentences(line)
      .flatMap((sentence) => hardSplit(sentence, maxWords))
      .map((s, i) => ({ text: s, words: countWords(s), newLine: i === 0 })),
  );
}

// A "sentence" longer than a whole chunk is a run-on list or a table cell dump, not prose: cut it
// at word boundaries rather than let one chunk grow without bound.
function hardSplit(sentence: string, maxWords: number): string[] {
  const words = sentence.split(/\s+/);
  if (words.length <= maxWords) return [sentence];
  const parts: string[] = [];
  for (let i = 0; i < words.length; i += maxWords) parts.push(words.slice(i, i + maxWords).join(' '));
  return parts;
}

/** The last whole sentences of a window that fit in the overlap budget. */
function overlapTail(window: readonly Unit[], overlapWords: number): Unit[] {
  const tail: Unit[] = [];
  let words = 0;
  for (let i = window.length - 1; i > 0; i--) {
    const unit = window[i];
    if (!unit || words + unit.words > overlapWords) break;
    tail.unshift(unit);
    words += unit.words;
  }
  return tail.map((u, i) => (i === 0 ? { ...u, newLine: true } : u));
}

function joinUnits(units: readonly Unit[]): string {
  return units.map((u, i) => (i === 0 ? u.text : `${u.newLine ? '\n' : ' '}${u.text}`)).join('');
}

function sectionWords(section: Section): number {
  return countWords(section.text) + section.headingPath.length;
}

function parent(path: readonly string[]): readonly string[] {
  return path.slice(0, -1);
}

function startsWith(path: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= path.length && prefix.every((h, i) => h === path[i]);
}

function commonPrefix(a: string[], b: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < Math.min(a.length, b.length) && a[i] === b[i]; i++) out.push(a[i] as string);
  return out;
}

/**
 * Turns the main content element into heading sections of readable plain text: one line per
 * paragraph, list item and table row (cells joined by " | "), link text kept and URLs dropped.
 */

import type { Cheerio } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { createSectionBuilder, type SectionBuilder } from './section-builder.js';
import type { Section } from './types.js';

const BLOCK = new Set(
  `address article aside blockquote caption dd details dialog div dl dt fieldset figcaption figure
  footer header hgroup hr li main nav ol p pre section summary table tbody tfoot thead ul h5 h6
  center legend menu`.split(/\s+/),
);
const HEADING = /^h([1-4])$/;

/** Sections of a content element, split at its h1–h4 headings. */
export function htmlSections(root: Cheerio<Element>): Section[] {
  const builder = createSectionBuilder();
  const state = { builder, pending: '' };
  for (const el of root.toArray()) walk(el, state);
  flush(state);
  return builder.sections();
}

interface WalkState {
  builder: SectionBuilder;
  /** Inline text of the line being built. */
  pending: string;
}

function walk(node: AnyNode, state: WalkState): void {
  if (node.type === 'text') {
    state.pending += node.data;
    return;
  }
  if (node.type !== 'tag' && node.type !== 'root') return;
  if (node.type === 'root') {
    for (const child of node.children) walk(child, state);
    return;
  }
  const name = node.name.toLowerCase();
  const heading = HEADING.exec(name);
  if (heading) {
    flush(state);
    // An unclosed <h1> swallows the paragraphs after it: only its leading inline text is heading.
    const firstBlock = node.children.findIndex((c) => c.type === 'tag' && (BLOCK.has(c.name) || HEADING.test(c.name)));
    const own = firstBlock === -1 ? node.children : node.children.slice(0, firstBlock);
    state.builder.heading(Number(heading[1]), own.map((c) => inlineText(c)).join(''));
    if (firstBlock !== -1) for (const child of node.children.slice(firstBlock)) walk(child, state);
    flush(state);
    return;
  }
  if (name === 'tr') {
    flush(state);
    const cells = node.children.filter((c): c is Element => c.type === 'tag' && (c.name === 'td' || c.name === 'th'));
    state.builder.line(cells.map((c) => inlineText(c)).filter((t) => t !== '').join(' | '));
    return;
  }
  if (name === 'br') return flush(state);
  if (name === 'pre') {
    flush(state);
    for (const line of inlineText(node, true).split('\n')) state.builder.line(line);
    return;
  }
  const block = BLOCK.has(name);
  if (block) flush(state);
  for (const child of node.children) walk(child, state);
  if (block) flush(state);
}

function flush(state: WalkState): void {
  state.builder.line(state.pending);
  state.pending = '';
}

/** All text below a node on one line (or with newlines kept, for <pre>). */
function inlineText(node: AnyNode, keepNewlines = false): string {
  const parts: string[] = [];
  const visit = (n: AnyNode): void => {
    if (n.type === 'text') parts.push(n.data);
    else if (n.type === 'tag') {
      const spaced = !keepNewlines && (BLOCK.has(n.name) || n.name === 'br' || n.name === 'td' || n.name === 'th');
      if (n.name === 'br') parts.push(keepNewlines ? '\n' : ' ');
      if (spaced) parts.push(' ');
      for (const child of n.children) visit(child);
      if (spaced) parts.push(' ');
    }
  };
  visit(node);
  const text = parts.join('');
  return keepNewlines ? text : text.replace(/\s+/g, ' ').trim();
}

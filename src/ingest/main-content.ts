/**
 * Chooses the element that holds a page's main content: the one the author marked (main,
 * role=main, article), else the block with the most prose and fewest links — a small version
 * of the paragraph-scoring idea behind Readability, enough for FAQ and help-centre pages.
 */

import type { Cheerio, CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';

const PROSE = 'p, pre, td, li, dd, blockquote';
const MIN_PROSE_CHARS = 25;
const SIBLING_SHARE = 0.2;

/** The main content element of a cleaned document (after boilerplate removal). */
export function pickMainContent($: CheerioAPI): Cheerio<Element> {
  for (const selector of ['main', '[role=main]']) {
    const marked = largest($, $(selector).toArray().filter((el): el is Element => el.type === 'tag'));
    if (marked) return $(marked);
  }
  const article = largest($, $('article').toArray());
  if (article && $('article').length === 1) return $(article);
  return densest($) ?? ($('body').length > 0 ? $('body') : $.root().children().first());
}

function largest($: CheerioAPI, elements: Element[]): Element | undefined {
  let best: Element | undefined;
  let bestLength = 0;
  for (const el of elements) {
    const length = textLength($(el).text());
    if (length > bestLength) [best, bestLength] = [el, length];
  }
  return best;
}

/**
 * Each prose block scores by its length and commas and gives that score to its parent and half
 * to its grandparent; the container with the best score after discounting link text wins.
 * Several articles (a list of FAQ entries) thus elect their common parent.
 */
function densest($: CheerioAPI): Cheerio<Element> | undefined {
  const scores = new Map<Element, number>();
  for (const el of $(PROSE).toArray()) {
    const text = $(el).text();
    const length = textLength(text);
    if (length < MIN_PROSE_CHARS) continue;
    const score = 1 + (text.match(/[,;]/g)?.length ?? 0) + Math.min(Math.floor(length / 100), 3);
    const parent = el.parent?.type === 'tag' ? el.parent : undefined;
    const grandparent = parent?.parent?.type === 'tag' ? parent.parent : undefined;
    if (parent) scores.set(parent, (scores.get(parent) ?? 0) + score);
    if (grandparent) scores.set(grandparent, (scores.get(grandparent) ?? 0) + score / 2);
  }
  const adjusted = new Map<Element, number>();
  for (const [el, score] of scores) adjusted.set(el, score * (1 - linkDensity($, el)));
  let best: Element | undefined;
  let bestScore = 0;
  for (const [el, score] of adjusted) if (score > bestScore) [best, bestScore] = [el, score];
  if (!best) return undefined;
  // Content split over sibling blocks (one div per FAQ section): take their common parent.
  const parent = best.parent?.type === 'tag' ? best.parent : undefined;
  const strongSibling = $(best)
    .siblings()
    .toArray()
    .some((sibling) => (adjusted.get(sibling) ?? 0) >= bestScore * SIBLING_SHARE);
  return lift($, parent && strongSibling ? $(parent) : $(best));
}

// Prose inside list items or table cells elects the list or row; climb to the whole list/table
// so that sibling items are not lost.
function lift($: CheerioAPI, el: Cheerio<Element>): Cheerio<Element> {
  const container = el.closest('table, ul, ol, dl');
  const parent = container.parent();
  return container.length > 0 && parent.length > 0 ? (parent as Cheerio<Element>) : el;
}

function linkDensity($: CheerioAPI, el: Element): number {
  const total = textLength($(el).text());
  if (total === 0) return 1;
  const links = $(el).find('a').toArray().reduce((sum, a) => sum + textLength($(a).text()), 0);
  return Math.min(links / total, 1);
}

function textLength(text: string): number {
  return text.replace(/\s+/g, ' ').trim().length;
}

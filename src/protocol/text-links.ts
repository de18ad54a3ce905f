/**
 * Which parts of a message's text are links. The widget and the agent console make links with
 * exactly this rule, and the answer sanitiser removes every non-source link it finds with it, so
 * the two cannot disagree about what becomes clickable. Keep this module free of Node and DOM
 * imports: it is bundled into widget.js.
 *
 * An http(s) URL is found wherever its scheme appears, even inside a word ("siden.https://…",
 * "blåhttps://…"): a rule that waits for a word boundary has to agree with the other side on what
 * a word is, and that disagreement is how foreign links got past the sanitiser.
 */

// Characters that end a URL. Brackets end it too, so a citation like "[1]" right after a link
// is never part of it.
const END = '\\s<>"\'`()[\\]{}';
// Sentence punctuation after a URL belongs to the sentence.
const TRAILING = '.,;:!?';

const LINK = new RegExp(`https?://[^${END}]*[^${END}${TRAILING}]`, 'gi');
const LINK_AT = new RegExp(LINK.source, 'iy');
// Text up to the end that more text could still turn into a link or make a longer one.
const GROWING = `h(?:t(?:t(?:p(?:s?(?::(?:/(?:/[^${END}]*)?)?)?)?)?)?)?$`;
const GROWING_ANYWHERE = new RegExp(GROWING, 'i');
const GROWING_AT = new RegExp(GROWING, 'iy');

/** A link found in text: `text.slice(start, end) === url`. */
export interface TextLink {
  start: number;
  end: number;
  url: string;
}

/** Every http(s) URL in the text that becomes a link, in order. */
export function findTextLinks(text: string): TextLink[] {
  return [...text.matchAll(new RegExp(LINK))].map((m) => ({ start: m.index, end: m.index + m[0].length, url: m[0] }));
}

/** The link that starts exactly at `index`, if one does. */
export function textLinkAt(text: string, index: number): TextLink | null {
  const re = new RegExp(LINK_AT);
  re.lastIndex = index;
  const m = re.exec(text);
  return m ? { start: index, end: index + m[0].length, url: m[0] } : null;
}

/**
 * For text that more will be appended to: where a link may still be forming or growing at its
 * end, or text.length when everything before the end is settled.
 */
export function linkMayGrowFrom(text: string): number {
  return GROWING_ANYWHERE.exec(text)?.index ?? text.length;
}

/** Whether, with more text to come, a link may be forming or growing from `index` to the end. */
export function linkMayGrowAt(text: string, index: number): boolean {
  const re = new RegExp(GROWING_AT);
  re.lastIndex = index;
  return re.test(text);
}

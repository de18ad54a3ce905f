import type { Message } from '../../src/protocol/widget-api.js';
import { h, link, richText } from './dom.js';
import type { Strings } from './strings.js';

/** One message as an element: text (never markup), source links, and "Did that help?" on answers. */
export function messageView(m: Message, t: Strings, onFeedback: ((helpful: boolean) => void) | null): HTMLElement {
  const who = m.role === 'customer' ? t.you : m.role === 'agent' ? (m.author ?? t.agent) : m.role === 'bot' ? t.bot : null;
  const el = h('div', { class: `msg ${m.role}`, 'data-testid': 'message', 'data-role': m.role, 'data-outcome': m.outcome, 'data-seq': String(m.seq) }, who ? h('span', { class: 'who sr' }, `${who}: `) : null, richText(m.text));
  if (m.role === 'agent' && m.author) el.prepend(h('span', { class: 'who', 'aria-hidden': 'true' }, m.author));
  const sources = linkedSources(m);
  if (sources.length) {
    // Numbered as the answer cites them, in text rather than list markers: read aloud, "[2]" in
    // the list sounds like "[2]" in the answer, and a left-out source leaves its number unused.
    const numbered = citesByNumber(m.text);
    const items = sources.map((s) => h('li', {}, numbered ? h('span', { class: 'cite' }, `[${s.n}] `) : null, link(s.title || s.url, s.url)));
    const list = h('ul', { class: 'sources', 'aria-label': t.sources, 'data-testid': 'sources' }, ...items);
    if (numbered) {
      list.classList.add('cited');
      list.setAttribute('role', 'list'); // without markers Safari would no longer announce a list
    }
    el.append(list);
  }
  if (onFeedback) {
    const box = h('div', { class: 'feedback', 'data-testid': 'feedback' }, h('span', {}, t.helped));
    const answer = (helpful: boolean) => {
      onFeedback(helpful);
      // The pressed button goes: the thanks takes the focus, or it would fall to the page.
      const thanks = h('span', { role: 'status', tabindex: '-1', 'data-testid': 'feedback-thanks' }, t.thanksFeedback);
      box.replaceChildren(thanks);
      thanks.focus();
    };
    const yes = h('button', { type: 'button' }, t.yes);
    const no = h('button', { type: 'button' }, t.no);
    yes.addEventListener('click', () => answer(true));
    no.addEventListener('click', () => answer(false));
    box.append(yes, no);
    el.append(box);
  }
  return el;
}

type Source = NonNullable<Message['sources']>[number];

/**
 * The sources worth a link under an answer, each with `n`, its place in `sources`: the answer's
 * [n] cites it. A Q&A item without a page is left out, as Intercom's Fin links no source for its
 * snippets (answers kept off the public help centre): its URL leads nowhere, its title only
 * repeats the question, and the answer is the company's own word.
 */
export function linkedSources(m: Pick<Message, 'sources'>): Array<Source & { n: number }> {
  return (m.sources ?? []).map((s, i) => ({ ...s, n: i + 1 })).filter((s) => !s.noPage);
}

/** Whether an answer cites its sources by number, as "[1]" or "[1, 3]" (a chat model's answers do). */
export function citesByNumber(text: string): boolean {
  return /\[\d+(?:, ?\d+)*\]/.test(text);
}

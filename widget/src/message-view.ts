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
    el.append(h('ul', { class: 'sources', 'aria-label': t.sources, 'data-testid': 'sources' }, ...sources.map((s) => h('li', {}, link(s.title || s.url, s.url)))));
  }
  if (onFeedback) {
    const box = h('div', { class: 'feedback', 'data-testid': 'feedback' }, h('span', {}, t.helped));
    const answer = (helpful: boolean) => {
      onFeedback(helpful);
      box.replaceChildren(h('span', { role: 'status' }, t.thanksFeedback));
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

/**
 * The sources worth a link under an answer. A Q&A item without a page is left out, as Intercom's
 * Fin links no source for its snippets (answers kept off the public help centre): its URL leads
 * nowhere, its title only repeats the question, and the answer is the company's own word.
 */
export function linkedSources(m: Pick<Message, 'sources'>): NonNullable<Message['sources']> {
  return (m.sources ?? []).filter((s) => !s.noPage);
}

import type { Message } from '../../src/protocol/widget-api.js';
import { h, link, richText } from './dom.js';
import type { Strings } from './strings.js';

/** One message as an element: text (never markup), source links, and "Did that help?" on answers. */
export function messageView(m: Message, t: Strings, onFeedback: ((helpful: boolean) => void) | null): HTMLElement {
  const who = m.role === 'customer' ? t.you : m.role === 'agent' ? (m.author ?? t.agent) : m.role === 'bot' ? t.bot : null;
  const el = h('div', { class: `msg ${m.role}`, 'data-testid': 'message', 'data-role': m.role, 'data-outcome': m.outcome, 'data-seq': String(m.seq) }, who ? h('span', { class: 'who sr' }, `${who}: `) : null, richText(m.text));
  if (m.role === 'agent' && m.author) el.prepend(h('span', { class: 'who', 'aria-hidden': 'true' }, m.author));
  if (m.sources?.length) {
    el.append(h('ul', { class: 'sources', 'aria-label': t.sources, 'data-testid': 'sources' }, ...m.sources.map((s) => h('li', {}, link(s.title || s.url, s.url)))));
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

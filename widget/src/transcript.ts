import type { Message } from '../../src/protocol/widget-api.js';
import { h } from './dom.js';

// This close to the end still counts as reading the latest lines (sub-pixel scrolling, zoom).
const END_SLACK_PX = 32;

/**
 * The conversation as shown in the log: stored messages in sequence order, the customer's
 * questions not stored yet after them, and the bot's answer while it streams. New lines scroll the
 * log only while the reader is at its end: someone who scrolled up to read stays where they are.
 */
export function createTranscript(log: HTMLElement, render: (m: Message) => HTMLElement) {
  const messages = new Map<number, Message>();
  const views = new Map<number, HTMLElement>();
  const asked = new Set<string>(); // clientIds of stored questions
  const answered = new Set<string>(); // clientIds the bot's stored replies answer
  const pending = new Map<string, HTMLElement>();
  let streaming: { clientId: string; el: HTMLElement } | null = null;

  const atEnd = () => log.scrollHeight - log.scrollTop - log.clientHeight <= END_SLACK_PX;
  const scrollToEnd = () => void (log.scrollTop = log.scrollHeight);
  const following = (change: () => void) => {
    const follow = atEnd();
    change();
    if (follow) scrollToEnd();
  };
  const dropPending = (clientId: string) => {
    pending.get(clientId)?.remove();
    pending.delete(clientId);
  };

  return {
    scrollToEnd,

    /** Highest seq with every earlier one present: where a resumed stream must continue. */
    contiguous(): number {
      let n = 0;
      while (messages.has(n + 1)) n++;
      return n;
    },

    /** Whether the bot's reply to the question sent as `clientId` is stored. */
    replied: (clientId: string): boolean => answered.has(clientId),

    /** Show a stored message once, in its place; false when it was shown already. */
    add(m: Message): boolean {
      // Before the duplicate check: a question resent after a reload, or by a second tab, comes
      // back as the message already shown, and its faded copy must still go.
      if (m.clientId && m.role === 'customer') {
        asked.add(m.clientId);
        dropPending(m.clientId);
      }
      if (messages.has(m.seq)) return false;
      messages.set(m.seq, m);
      const view = render(m);
      const after = [...views.keys()].filter((s) => s > m.seq).sort((a, b) => a - b)[0];
      const firstPending = pending.values().next().value;
      following(() => {
        if (m.clientId && m.role === 'bot') {
          answered.add(m.clientId);
          if (streaming?.clientId === m.clientId) {
            streaming.el.remove();
            streaming = null;
          }
        }
        if (after !== undefined) log.insertBefore(view, views.get(after)!);
        else if (firstPending) log.insertBefore(view, firstPending);
        else log.append(view);
      });
      views.set(m.seq, view);
      return true;
    },

    /** A question on its way, faded, until it comes back stored (unless it already has). */
    showPending(clientId: string, text: string): void {
      if (asked.has(clientId) || pending.has(clientId)) return;
      const el = h('div', { class: 'msg customer pending', 'data-testid': 'pending' }, text);
      pending.set(clientId, el);
      log.append(el);
      // The customer just asked: show the question whatever they were reading.
      scrollToEnd();
    },

    /** A question the server refused: it stays, with the reason. */
    failPending(clientId: string, text: string): void {
      pending.get(clientId)?.replaceChildren(document.createTextNode(text));
    },

    /** The bot's answer so far; the stored reply replaces it. */
    stream(clientId: string, text: string): void {
      // A delta overtaken by the stored reply (it came back on the POST first) must not reappear.
      if (answered.has(clientId)) return;
      following(() => {
        if (streaming?.clientId !== clientId) {
          streaming?.el.remove();
          streaming = { clientId, el: h('div', { class: 'msg bot', 'aria-hidden': 'true', 'data-testid': 'streaming' }) };
          log.append(streaming.el);
        }
        streaming.el.textContent = text;
      });
    },
  };
}

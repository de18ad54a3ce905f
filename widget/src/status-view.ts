import type { ConversationState } from '../../src/protocol/widget-api.js';
import { h } from './dom.js';
import type { Strings } from './strings.js';

export interface StatusActions {
  contact(email: string): Promise<boolean>;
  rate(score: number, comment: string): Promise<boolean>;
}

/** The bar above the input: queue place, the offline promise and e-mail form, the agent, or the rating (then thanks). */
export function statusView(state: ConversationState, t: Strings, actions: StatusActions, rated: boolean): HTMLElement | null {
  if (rated && state.status === 'closed') return h('div', { class: 'status', role: 'status', 'data-testid': 'rated' }, t.rateThanks);
  if (state.ratingRequested) return ratingView(t, actions);
  if (state.status === 'queued' && state.queue) {
    const box = h('div', { class: 'status', role: 'status', 'data-testid': 'queue' }, h('p', { style: 'margin:0' }, t.queue(state.queue.position, state.queue.waitMinutes)));
    if (!state.queue.staffed && !state.queue.emailSaved) box.append(h('p', { style: 'margin:0' }, t.unstaffed), emailForm(t, actions));
    return box;
  }
  if (state.status === 'agent' && state.agentName) return h('div', { class: 'status', role: 'status', 'data-testid': 'with-agent' }, t.withAgent(state.agentName));
  if (state.status === 'offline' && state.offline) {
    const box = h('div', { class: 'status', role: 'status', 'data-testid': 'offline' }, h('p', { style: 'margin:0' }, state.offline.text));
    if (!state.offline.emailSaved) box.append(emailForm(t, actions));
    return box;
  }
  return null;
}

function emailForm(t: Strings, actions: StatusActions): HTMLElement {
  const input = h('input', { type: 'email', required: true, autocomplete: 'email', id: 'lr-email', 'aria-describedby': 'lr-email-error', 'data-testid': 'email' });
  // Below the row, not in it: a flex item there squeezed the field to a sliver.
  const error = h('p', { class: 'error', id: 'lr-email-error', role: 'alert', 'data-testid': 'email-error' });
  const form = h('form', { novalidate: true }, h('label', { for: 'lr-email', class: 'sr' }, t.emailLabel), input, h('button', { class: 'primary', type: 'submit' }, t.emailSend));
  input.setAttribute('placeholder', t.emailLabel);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!input.checkValidity() || !input.value.includes('.')) {
      error.textContent = t.emailInvalid;
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    if (!(await actions.contact(input.value.trim()))) error.textContent = t.emailInvalid;
  });
  return h('div', {}, form, error);
}

function ratingView(t: Strings, actions: StatusActions): HTMLElement {
  let score: number | null = null;
  const buttons = Array.from({ length: 11 }, (_, i) => {
    const b = h('button', { type: 'button', role: 'radio', 'aria-checked': 'false', 'data-score': String(i) }, String(i));
    b.addEventListener('click', () => {
      score = i;
      buttons.forEach((x, j) => x.setAttribute('aria-checked', String(j === i)));
    });
    return b;
  });
  const comment = h('textarea', { id: 'lr-comment', rows: '2', maxlength: '1000' });
  const send = h('button', { class: 'primary', type: 'submit' }, t.rateSend);
  const form = h(
    'form',
    { 'data-testid': 'rating' },
    h('div', { class: 'scale', role: 'radiogroup', 'aria-label': t.rateQuestion }, ...buttons),
    h('label', { for: 'lr-comment', class: 'sr' }, t.rateComment),
    comment,
    send,
  );
  comment.setAttribute('placeholder', t.rateComment);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (score === null) return buttons[0]!.focus();
    await actions.rate(score, comment.value.trim());
  });
  return h('div', { class: 'status' }, h('p', { style: 'margin:0', id: 'lr-rate-q' }, t.rateQuestion), form);
}

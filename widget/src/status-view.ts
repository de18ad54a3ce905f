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

/** Arrow keys, Home and End: the score each moves to from `i` (0–10, wrapping round). */
const RATING_KEYS: Record<string, (i: number) => number> = {
  ArrowRight: (i) => (i + 1) % 11,
  ArrowDown: (i) => (i + 1) % 11,
  ArrowLeft: (i) => (i + 10) % 11,
  ArrowUp: (i) => (i + 10) % 11,
  Home: () => 0,
  End: () => 10,
};

// A radio group as the ARIA pattern has it: one Tab stop (the chosen score, else 0), arrows move
// and choose, and the group is named by the visible question rather than by a second copy of it.
function ratingView(t: Strings, actions: StatusActions): HTMLElement {
  let score: number | null = null;
  const radios = Array.from({ length: 11 }, (_, i) => h('button', { type: 'button', role: 'radio', 'aria-checked': 'false', tabindex: i === 0 ? '0' : '-1', 'data-score': String(i) }, String(i)));
  const choose = (i: number, focus: boolean) => {
    score = i;
    radios.forEach((r, j) => {
      r.setAttribute('aria-checked', String(j === i));
      r.tabIndex = j === i ? 0 : -1;
    });
    if (focus) radios[i]!.focus();
  };
  radios.forEach((r, i) => {
    r.addEventListener('click', () => choose(i, false));
    r.addEventListener('keydown', (e) => {
      const move = RATING_KEYS[e.key];
      if (!move) return;
      e.preventDefault();
      choose(move(i), true);
    });
  });
  const comment = h('textarea', { id: 'lr-comment', rows: '2', maxlength: '1000' });
  const send = h('button', { class: 'primary', type: 'submit' }, t.rateSend);
  const form = h(
    'form',
    { 'data-testid': 'rating' },
    h('div', { class: 'scale', role: 'radiogroup', 'aria-labelledby': 'lr-rate-q' }, ...radios),
    h('label', { for: 'lr-comment', class: 'sr' }, t.rateComment),
    comment,
    send,
  );
  comment.setAttribute('placeholder', t.rateComment);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (score === null) return radios[0]!.focus();
    await actions.rate(score, comment.value.trim());
  });
  return h('div', { class: 'status' }, h('p', { style: 'margin:0', id: 'lr-rate-q' }, t.rateQuestion), form);
}

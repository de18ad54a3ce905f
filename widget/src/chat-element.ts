import { messageSchema, widgetEventSchemas, type ConversationState, type Message, type WidgetConfig } from '../../src/protocol/widget-api.js';
import { createApi } from './api.js';
import { h } from './dom.js';
import { openEventStream } from './event-stream.js';
import { messageView } from './message-view.js';
import { panelView } from './panel-view.js';
import { statusView } from './status-view.js';
import { createStore } from './store.js';
import { pickLang, stringsFor } from './strings.js';
import { FULL_SCREEN, styles } from './styles.js';
import { modalWhenFullScreen } from './focus-trap.js';
import { createTranscript } from './transcript.js';
import { typingSender } from './typing.js';

const randomId = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`).replace(/[^A-Za-z0-9_-]/g, '');

/** `<laerling-chat data-base="https://host" data-key="KEY">`: the whole widget in a Shadow DOM. */
export class LaerlingChat extends HTMLElement {
  private started = false;

  connectedCallback(): void {
    if (this.started) return;
    this.started = true;
    void start(this, this.dataset.base ?? location.origin, this.dataset.key ?? '');
  }
}

async function start(host: HTMLElement, origin: string, key: string): Promise<void> {
  const base = `${origin}/api/widget/${encodeURIComponent(key)}`;
  const store = createStore(key);
  let token = store.get('token');
  const api = createApi(base, () => token);
  const configResult = await api.config();
  if ('error' in configResult) return void console.warn(`Lærling widget: ${configResult.error.message}`);
  const config: WidgetConfig = configResult.data;
  const lang = pickLang(document.documentElement.lang, config.languages, config.defaultLanguage);
  const t = stringsFor(lang);
  const browserId = store.get('browser') ?? randomId();
  store.set('browser', browserId);

  const root = host.attachShadow({ mode: 'open' });
  const { launcher, log, showTyping, working, net, status, input, form, person, closeBtn, panel } = panelView(config, t, lang);
  root.append(h('style', {}, styles(config.theme.color)), launcher, panel);
  log.append(h('div', { class: 'msg bot', 'data-testid': 'greeting' }, config.greeting[lang]));

  let state: ConversationState = { status: 'bot', ratingRequested: false };
  let rated = false;
  let statusKey = '';
  const feedbackGiven = new Set<number>(JSON.parse(store.get('feedback') ?? '[]') as number[]);
  let outbox: Array<{ clientId: string; text: string }> = JSON.parse(store.get('outbox') ?? '[]');
  let stream: ReturnType<typeof openEventStream> | null = null;
  const transcript = createTranscript(log, (m) => {
    const canRate = m.role === 'bot' && m.outcome === 'answer' && !feedbackGiven.has(m.seq);
    return messageView(m, t, canRate ? (helpful) => void giveFeedback(m.seq, helpful) : null);
  });
  // A message after closing starts over with the bot, so it answers then too.
  const botAnswers = () => state.status === 'bot' || state.status === 'closed';

  function merge(m: Message): void {
    if (!transcript.add(m)) return;
    if (m.role === 'agent') showTyping(false);
    if (m.role === 'bot' && m.clientId) working.answered(m.clientId);
    else if (m.role !== 'customer') working.answered();
    store.set('lastSeq', String(transcript.contiguous()));
  }

  function applyState(next: ConversationState): void {
    state = next;
    if (!botAnswers()) working.answered();
    // A new chat after closing may be rated again; until then the thanks stays.
    if (state.status !== 'closed') rated = false;
    // Already waiting for or talking with a person: the offer would only queue them again. If it
    // had the focus, the input takes it, or keyboard and screen-reader users lose their place.
    const hadFocus = root.activeElement === person;
    person.hidden = state.status === 'queued' || state.status === 'offline' || state.status === 'agent';
    if (hadFocus && person.hidden) input.focus();
    // The same state again (a resent event) keeps the bar as it is, an address being typed too.
    const key = JSON.stringify([state, rated]);
    if (key === statusKey) return;
    statusKey = key;
    const focusInStatus = status.contains(root.activeElement);
    const view = statusView(state, t, { contact, rate }, rated);
    status.replaceChildren(...(view ? [view] : []));
    // The form just sent (e-mail, rating) is gone with the focus: the news that replaced it takes it.
    if (focusInStatus && !status.contains(root.activeElement)) focusStatus();
  }

  function focusStatus(): void {
    const view = status.firstElementChild as HTMLElement | null;
    if (!view) return input.focus();
    view.tabIndex = -1;
    view.focus();
  }

  async function giveFeedback(seq: number, helpful: boolean) {
    feedbackGiven.add(seq);
    store.set('feedback', JSON.stringify([...feedbackGiven]));
    await api.feedback(seq, helpful);
  }
  // The server's state event can overtake the response and replace the form first, sending the
  // focus to the input; the answer then hands it to the news all the same.
  async function contact(email: string) {
    const r = await api.contact(email);
    if ('data' in r) sent(() => applyState(r.data.state));
    return 'data' in r;
  }
  async function rate(score: number, comment: string) {
    const r = await api.rate(score, comment || undefined);
    if ('error' in r) return false;
    rated = true;
    sent(() => applyState(state));
    return true;
  }
  function sent(apply: () => void): void {
    const lost = root.activeElement === input;
    apply();
    if (lost && status.firstElementChild) focusStatus();
  }

  function connect(): void {
    stream?.close();
    stream = openEventStream({
      url: `${base}/events`,
      token: () => token,
      lastId: transcript.contiguous,
      onStatus: (up) => {
        net.textContent = up ? '' : t.offlineNetwork;
        if (up) void flush();
      },
      onEvent: (e) => {
        let data: unknown;
        try {
          data = JSON.parse(e.data);
        } catch {
          return;
        }
        if (e.event === 'message') {
          const m = messageSchema.safeParse(data);
          if (m.success) merge(m.data);
        } else if (e.event === 'state') {
          const s = widgetEventSchemas.state.safeParse(data);
          if (s.success) applyState(s.data);
        } else if (e.event === 'typing') {
          const ty = widgetEventSchemas.typing.safeParse(data);
          if (ty.success && ty.data.role === 'agent') showTyping(ty.data.typing);
        } else if (e.event === 'delta') {
          const d = widgetEventSchemas.delta.safeParse(data);
          if (!d.success) return;
          working.answered(d.data.clientId);
          transcript.stream(d.data.clientId, d.data.text);
        }
      },
    });
  }

  async function ensureConversation(): Promise<boolean> {
    if (token) return true;
    const r = await api.start({ pageUrl: location.href, lang, browserId, timezone: Intl.DateTimeFormat().resolvedOptions().timeZone });
    if ('error' in r) return false;
    token = r.data.token;
    store.set('token', r.data.token);
    applyState(r.data.state);
    connect();
    return true;
  }

  function forget(): void {
    token = null;
    store.remove('token');
    store.remove('lastSeq');
    stream?.close();
    stream = null;
  }

  let flushing = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  async function flush(): Promise<void> {
    if (flushing) return;
    flushing = true;
    clearTimeout(retryTimer);
    try {
      while (outbox.length) {
        const item = outbox[0]!;
        if (!(await ensureConversation())) return retry(3);
        const r = await api.send({ clientId: item.clientId, text: item.text, pageUrl: location.href });
        if ('error' in r) {
          const { status: code, retryAfter } = r.error;
          if (code === 404) {
            forget();
            continue;
          }
          if (code === 0 || code >= 500 || code === 429) {
            net.textContent = t.offlineNetwork;
            return retry(retryAfter ?? 3);
          }
          transcript.failPending(item.clientId, `${item.text} — ${r.error.message}`);
          working.answered(item.clientId);
        } else {
          net.textContent = '';
          merge(r.data.message);
          if (r.data.reply) merge(r.data.reply);
          applyState(r.data.state);
        }
        outbox.shift();
        store.set('outbox', JSON.stringify(outbox));
      }
    } finally {
      flushing = false;
    }
  }
  function retry(seconds: number): void {
    retryTimer = setTimeout(() => void flush(), seconds * 1000);
  }

  function send(text: string): void {
    const clientId = randomId();
    outbox.push({ clientId, text });
    store.set('outbox', JSON.stringify(outbox));
    transcript.showPending(clientId, text);
    if (botAnswers()) working.asked(clientId);
    void flush();
  }

  function setOpen(open: boolean, focus = true): void {
    panel.hidden = !open;
    launcher.setAttribute('aria-expanded', String(open));
    launcher.setAttribute('aria-label', open ? t.close : t.open);
    store.set('open', open ? '1' : '0');
    // The log could not scroll while hidden: opening shows the latest messages.
    if (open) transcript.scrollToEnd();
    if (focus) (open ? input : launcher).focus();
  }

  launcher.addEventListener('click', () => setOpen(panel.hidden));
  closeBtn.addEventListener('click', () => setOpen(false));
  panel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') setOpen(false);
  });
  modalWhenFullScreen(panel, root, FULL_SCREEN);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    sendTyping(false);
    send(text);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      form.requestSubmit();
    }
  });
  const sendTyping = typingSender((on) => void api.typing(on), () => state.status === 'agent' && !!token);
  input.addEventListener('input', () => sendTyping(true));
  person.addEventListener('click', async () => {
    if (!(await ensureConversation())) return void (net.textContent = t.error);
    const r = await api.handoff();
    if ('data' in r) applyState(r.data.state);
  });
  window.addEventListener('online', () => {
    stream?.reconnectNow();
    void flush();
  });

  // Back from a reload or another page of the site: the same conversation, as it was.
  if (token) {
    const r = await api.history(0);
    if ('data' in r) {
      r.data.messages.forEach(merge);
      applyState(r.data.state);
      connect();
    } else if (r.error.status === 404) forget();
    else connect();
  }
  // Questions sent before a reload whose answers have not come: one may still be streaming.
  for (const item of outbox) {
    transcript.showPending(item.clientId, item.text);
    if (botAnswers() && !transcript.replied(item.clientId)) working.asked(item.clientId);
  }
  if (outbox.length) void flush();
  if (store.get('open') === '1') setOpen(true, false);
}

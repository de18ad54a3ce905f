import { h } from '../../widget/src/dom.js';
import { call, setCsrfToken, type QueueItem, type User } from './api.js';
import { onSubmitOnce } from './busy.js';
import { createChatTab, type ChatTab } from './chat-tab.js';
import { describeReason, formatDue, formatWait } from './format.js';
import { knowledgeView } from './knowledge-view.js';
import { createNotifier } from './notify.js';
import { CONSOLE_CSS } from './styles.js';

const app = document.getElementById('app')!;
document.head.append(h('style', {}, CONSOLE_CSS));

async function boot(): Promise<void> {
  const me = await call<{ user: User; csrfToken: string }>('GET', '/api/auth/me');
  if ('data' in me) {
    setCsrfToken(me.data.csrfToken);
    showView(me.data.user, me.data.user.role === 'owner' ? 'knowledge' : 'chats');
  } else showLogin();
}

function showLogin(message = ''): void {
  const email = h('input', { type: 'email', id: 'email', autocomplete: 'username', required: true });
  const password = h('input', { type: 'password', id: 'password', autocomplete: 'current-password', required: true });
  const error = h('p', { class: 'notice', role: 'alert' }, message);
  const form = h(
    'form',
    { class: 'login', 'data-testid': 'login' },
    h('h1', { style: 'font-size:18px;margin:0' }, 'Lærling console'),
    h('label', { for: 'email' }, 'E-mail'),
    email,
    h('label', { for: 'password' }, 'Password'),
    password,
    h('button', { class: 'primary', type: 'submit' }, 'Sign in'),
    error,
  );
  // Two logins would leave two sessions, and the CSRF token kept could be the other one's.
  onSubmitOnce(form, async () => {
    const r = await call<{ user: User; csrfToken: string }>('POST', '/api/auth/login', { email: email.value, password: password.value });
    if ('error' in r) return void (error.textContent = r.error.message);
    setCsrfToken(r.data.csrfToken);
    showView(r.data.user, r.data.user.role === 'owner' ? 'knowledge' : 'chats', 'signed-in');
  }, 'Signing in…');
  app.replaceChildren(form);
  email.focus();
}

/** The top bar; owners and admins switch between chats and knowledge there. */
function topBar(user: User, active: 'chats' | 'knowledge', logout: HTMLButtonElement, go: (view: 'chats' | 'knowledge') => void): HTMLElement {
  const views = user.role === 'agent' ? [] : (['chats', 'knowledge'] as const).map((v) => {
    const b = h('button', { type: 'button', 'aria-current': String(v === active), 'data-testid': `view-${v}` }, v === 'chats' ? 'Chats' : 'Knowledge');
    b.addEventListener('click', () => go(v));
    return b;
  });
  return h('div', { class: 'top' }, h('h1', {}, 'Lærling console'), ...views, h('span', {}, `${user.name} (${user.role})`), logout);
}

/**
 * How a view was reached: its old controls are gone with the focus, which goes to the new view's
 * start after signing in, or to the same view button after switching. A page load leaves it be.
 */
type Arrival = 'signed-in' | 'switched' | null;

function landFocus(view: 'chats' | 'knowledge', arrival: Arrival): void {
  const target = arrival === 'switched' ? `[data-testid=view-${view}]` : view === 'chats' ? '[data-testid=queue-heading]' : '.sections [aria-current=true]';
  if (arrival) app.querySelector<HTMLElement>(target)?.focus();
}

function showView(user: User, view: 'chats' | 'knowledge', arrival: Arrival = null): void {
  if (view === 'chats') return showConsole(user, arrival);
  const logout = h('button', { type: 'button', 'data-testid': 'logout' }, 'Sign out');
  let leave: () => void = () => undefined;
  const go = (v: 'chats' | 'knowledge') => {
    leave();
    showView(user, v, 'switched');
  };
  logout.addEventListener('click', async () => {
    leave();
    await call('POST', '/api/auth/logout');
    showLogin();
  });
  void knowledgeView(app, topBar(user, 'knowledge', logout, go), user).then((cleanup) => {
    leave = cleanup;
    landFocus('knowledge', arrival);
  });
}

function showConsole(user: User, arrival: Arrival): void {
  const notifier = createNotifier('Lærling console');
  const logout = h('button', { type: 'button', 'data-testid': 'logout' }, 'Sign out');
  // Not a live region: waiting times tick and items come and go, which would be read out
  // endlessly. Only arrivals are announced, in one short line of their own.
  const queueList = h('div', { 'data-testid': 'queue' });
  const arrivals = h('p', { class: 'sr', role: 'status', 'data-testid': 'queue-status' });
  const tabList = h('div', { role: 'tablist', 'aria-label': 'Open chats' });
  const panels = h('div', { style: 'display:contents' });
  const empty = h('p', { class: 'empty' }, 'Claim a chat from the queue to start.');
  // Focus lands here when its control went away (signed in, a chat closed, a claim refused).
  const queueHeading = h('h2', { tabindex: '-1', 'data-testid': 'queue-heading' }, 'Waiting');
  const notice = h('p', { class: 'notice', role: 'alert' });
  app.replaceChildren(
    topBar(user, 'chats', logout, (v) => {
      if (v === 'chats') return;
      leave();
      showView(user, v, 'switched');
    }),
    h('div', { class: 'layout' }, h('section', { class: 'queue', 'aria-label': 'Queue' }, queueHeading, notice, arrivals, queueList), h('section', { class: 'tabs' }, tabList, empty, panels)),
  );
  const tabs = new Map<string, ChatTab>();
  let known: Set<number> | null = null;
  const views = new Map<number, { key: string; el: HTMLElement }>();

  const select = (id: string) => {
    for (const [cid, t] of tabs) {
      const on = cid === id;
      t.tab.setAttribute('aria-selected', String(on));
      t.tab.tabIndex = on ? 0 : -1;
      t.panel.hidden = !on;
    }
    empty.hidden = tabs.size > 0;
  };
  const openTab = (item: Pick<QueueItem, 'conversationId' | 'botName' | 'lang'>, focus: boolean) => {
    if (tabs.has(item.conversationId)) return focus && select(item.conversationId);
    const t = createChatTab(item.conversationId, `${item.botName} · ${item.lang}`, user.name, () => {
      t.dispose();
      t.tab.remove();
      t.panel.remove();
      tabs.delete(item.conversationId);
      const next = [...tabs.keys()][0];
      if (next) {
        select(next);
        tabs.get(next)!.tab.focus();
      } else {
        empty.hidden = false;
        queueHeading.focus();
      }
      void refresh();
    });
    t.tab.addEventListener('click', () => select(item.conversationId));
    t.tab.addEventListener('keydown', (e) => {
      const ids = [...tabs.keys()];
      const i = ids.indexOf(item.conversationId);
      const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
      if (!step) return;
      const next = ids[(i + step + ids.length) % ids.length]!;
      select(next);
      tabs.get(next)!.tab.focus();
    });
    tabs.set(item.conversationId, t);
    tabList.append(t.tab);
    panels.append(t.panel);
    if (focus || tabs.size === 1) select(item.conversationId);
  };

  const refresh = async () => {
    const r = await call<{ waiting: QueueItem[]; mine: QueueItem[] }>('GET', '/api/agent/queue');
    if (left) return; // answered after the view was left: nothing of it is on screen any more
    if ('error' in r) {
      if (r.error.status !== 401) return void (notice.textContent = r.error.message);
      leave();
      return showLogin('Your session has ended. Please sign in again.');
    }
    notice.textContent = '';
    const ids = new Set(r.data.waiting.map((i) => i.handoffId));
    const arrived = r.data.waiting.filter((i) => known !== null && !known.has(i.handoffId));
    notifier.waiting(ids.size, arrived.length > 0);
    // The chats already waiting at sign-in are in the list to read; only later ones are news.
    if (arrived.length) arrivals.textContent = arrivalText(arrived);
    known = ids;
    queueList.replaceChildren(...(r.data.waiting.length ? r.data.waiting.map((item) => keptView(item)) : [h('p', { class: 'empty' }, 'Nobody is waiting.')]));
    for (const id of views.keys()) if (!ids.has(id)) views.delete(id);
    for (const item of r.data.mine) openTab(item, false);
  };
  // An unchanged item keeps its element: a Claim button with the focus stays where it is.
  const keptView = (item: QueueItem) => {
    const { waitingSeconds: _ticks, ...rest } = item;
    const key = JSON.stringify(rest);
    const kept = views.get(item.handoffId);
    // A Claim that failed left its button disabled: that item is drawn anew.
    if (kept?.key === key && !kept.el.querySelector('button')?.disabled) return kept.el;
    const el = queueItemView(item, claim);
    views.set(item.handoffId, { key, el });
    return el;
  };
  const claim = async (item: QueueItem) => {
    const r = await call<{ conversationId: string }>('POST', `/api/agent/handoffs/${item.handoffId}/claim`);
    if ('error' in r) notice.textContent = r.error.status === 409 ? 'Another agent took that chat.' : r.error.message;
    else {
      openTab(item, true);
      tabs.get(item.conversationId)?.focusReply();
    }
    await refresh();
    // A refused claim: its item (and button) left the queue.
    if (!document.activeElement || document.activeElement === document.body) queueHeading.focus();
  };

  logout.addEventListener('click', async () => {
    await call('POST', '/api/auth/logout');
    leave();
    showLogin();
  });
  // The queue stream pushes changes; a slow poll keeps waiting times fresh if it drops.
  const events = new EventSource('/api/agent/events');
  events.addEventListener('queue', () => void refresh());
  const poll = setInterval(() => void refresh(), 15_000);
  // Leaving the view, by sign-out, switch or an ended session: an open queue stream would count
  // the agent as online (customers promised a wait nobody will serve), and a poll would show the
  // sign-in form again every 15 s, wiping what was typed in it.
  let left = false;
  function leave(): void {
    left = true;
    events.close();
    clearInterval(poll);
    for (const t of tabs.values()) t.dispose();
  }
  landFocus('chats', arrival);
  void refresh();
}

function queueItemView(item: QueueItem, claim: (item: QueueItem) => Promise<void>): HTMLElement {
  const button = h('button', { class: 'primary', type: 'button', 'data-testid': 'claim' }, 'Claim');
  button.addEventListener('click', () => {
    button.disabled = true;
    void claim(item);
  });
  const since = Date.now() - item.waitingSeconds * 1000;
  const waited = h('span', { 'data-since': String(since) }, formatWait(item.waitingSeconds));
  return h(
    'article',
    { class: `item ${item.mood}`, 'data-testid': 'queue-item', 'data-handoff-id': String(item.handoffId) },
    h('div', { class: 'row' }, h('strong', {}, item.botName), h('span', { class: 'meta' }, item.lang.toUpperCase()), h('span', { class: 'meta' }, 'waiting '), waited),
    h('div', { class: 'meta' }, describeReason(item.reason, item.detail), item.mood === 'frustrated' ? ' · ⚠ frustrated' : ''),
    h('div', {}, item.summary),
    item.replyBy ? h('div', { class: 'meta' }, `Outside hours · reply by ${formatDue(item.replyBy)}${item.email ? ` to ${item.email}` : ''}`) : null,
    button,
  );
}

/** "New chat waiting: Fjordmobil (NB)", or how many arrived at once. */
function arrivalText(arrived: QueueItem[]): string {
  if (arrived.length > 1) return `${arrived.length} new chats waiting`;
  const item = arrived[0]!;
  return `New chat waiting: ${item.botName} (${item.lang.toUpperCase()})`;
}

// Waiting times tick without refetching; a text that reads the same is left alone.
setInterval(() => {
  for (const el of document.querySelectorAll<HTMLElement>('[data-since]')) {
    const text = formatWait((Date.now() - Number(el.dataset.since)) / 1000);
    if (el.textContent !== text) el.textContent = text;
  }
}, 1000);

void boot();

import { h, link, richText } from '../../widget/src/dom.js';
import { typingIndicator, typingSender } from '../../widget/src/typing.js';
import { call, type Context, type Suggestion, type TranscriptMessage } from './api.js';
import { whileBusy } from './busy.js';
import { describeReason, formatDue, mergeBySeq } from './format.js';
import { sourceView } from './source-view.js';

export interface ChatTab {
  conversationId: string;
  tab: HTMLButtonElement;
  panel: HTMLElement;
  /** Put the focus in the reply box (a chat just claimed). */
  focusReply(): void;
  dispose(): void;
}

const randomId = () => crypto.randomUUID().replace(/-/g, '');

/** One claimed chat: transcript with the bot's sources and confidence, context, suggested reply, reply box. */
export function createChatTab(conversationId: string, title: string, me: string, onDone: () => void): ChatTab {
  const tab = h('button', { role: 'tab', id: `tab-${conversationId}`, 'aria-controls': `panel-${conversationId}`, 'aria-selected': 'false', 'data-testid': 'tab' }, title);
  const transcript = h('div', { class: 'transcript', role: 'log', 'aria-live': 'polite', 'aria-label': 'Transcript', 'data-testid': 'transcript' });
  const typing = h('div', { class: 'typing', 'aria-live': 'polite', 'data-testid': 'customer-typing' });
  const showTyping = typingIndicator(typing, 'The customer is typing…');
  const side = h('aside', { class: 'side', 'aria-label': 'Context', 'data-testid': 'context' });
  const reply = h('textarea', { id: `reply-${conversationId}`, 'data-testid': 'reply', placeholder: 'Write a reply…' });
  const notice = h('p', { class: 'notice', role: 'alert' });
  const send = h('button', { class: 'primary', type: 'button', 'data-testid': 'send' }, 'Send');
  const release = h('button', { type: 'button', 'data-testid': 'release' }, 'Hand back to queue');
  const teach = h('input', { type: 'checkbox', id: `teach-${conversationId}`, 'data-testid': 'teach' });
  const close = h('button', { type: 'button', 'data-testid': 'close' }, 'Close chat');
  const actions = h('div', { class: 'row' }, send, release, h('span', { style: 'flex:1' }), teach, h('label', { for: `teach-${conversationId}` }, 'Teach the bot'), close);
  const compose = h('div', { class: 'compose' }, typing, h('label', { for: `reply-${conversationId}`, class: 'sr' }, 'Reply'), reply, notice, actions);
  const panel = h(
    'div',
    { role: 'tabpanel', id: `panel-${conversationId}`, 'aria-labelledby': `tab-${conversationId}`, hidden: true, 'data-testid': 'chat' },
    h('div', { style: 'display:flex;flex-direction:column;min-height:0' }, transcript, compose),
    side,
  );
  const shown = new Map<number, HTMLElement>();

  // Only new messages are added, each in its place by seq: the log reads out what was added, and
  // rebuilding it would read (or lose) the whole conversation again.
  const render = (incoming: TranscriptMessage[]) => {
    const fresh = mergeBySeq([], incoming.filter((m) => !shown.has(m.seq)));
    if (!fresh.length) return;
    for (const m of fresh) {
      const view = messageView(m, me);
      const after = [...shown.keys()].filter((seq) => seq > m.seq).sort((a, b) => a - b)[0];
      transcript.insertBefore(view, after === undefined ? null : shown.get(after)!);
      shown.set(m.seq, view);
    }
    transcript.scrollTop = transcript.scrollHeight;
    if (fresh.some((m) => m.role === 'customer')) showTyping(false);
  };

  void (async () => {
    const ctx = await call<Context>('GET', `/api/agent/conversations/${conversationId}/context`);
    if ('error' in ctx) return void (notice.textContent = ctx.error.message);
    render(ctx.data.messages);
    side.replaceChildren(...contextView(ctx.data));
    const suggestion = await call<Suggestion>('GET', `/api/agent/conversations/${conversationId}/suggestion`);
    if ('data' in suggestion && suggestion.data.text) side.prepend(suggestionView(suggestion.data, (text) => {
      reply.value = reply.value ? `${reply.value}\n\n${text}` : text;
      reply.focus();
    }));
  })();

  // EventSource sends the session cookie and resumes with Last-Event-ID by itself.
  const events = new EventSource(`/api/agent/conversations/${conversationId}/events`);
  events.addEventListener('message', (e) => render([JSON.parse((e as MessageEvent<string>).data) as TranscriptMessage]));
  events.addEventListener('typing', (e) => {
    const data = JSON.parse((e as MessageEvent<string>).data) as { role: string; typing: boolean };
    if (data.role === 'customer') showTyping(data.typing);
  });

  const sendTyping = typingSender((on) => void call('POST', `/api/agent/conversations/${conversationId}/typing`, { typing: on }));
  reply.addEventListener('input', () => sendTyping(true));

  const submit = async () => {
    const text = reply.value.trim();
    if (!text) return;
    const clientId = randomId();
    reply.value = '';
    sendTyping(false);
    for (let attempt = 0; attempt < 3; attempt++) {
      const r = await call<{ message: TranscriptMessage }>('POST', `/api/agent/conversations/${conversationId}/messages`, { clientId, text });
      if ('data' in r) return render([r.data.message]);
      if (r.error.status !== 0) {
        reply.value = text;
        return void (notice.textContent = r.error.message);
      }
      await new Promise((res) => setTimeout(res, 1000 * (attempt + 1)));
    }
    reply.value = text;
    notice.textContent = 'Could not send — check the connection and try again.';
  };
  send.addEventListener('click', () => void submit());
  reply.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      void submit();
    }
  });
  // Closing or handing back ends the chat here: a second click (or the other button) meanwhile
  // would be refused, or close a chat already handed back. The whole row waits, Send too.
  const finish = (control: HTMLButtonElement, busyLabel: string, path: string, body: unknown) =>
    whileBusy(control, async () => {
      const r = await call('POST', `/api/agent/conversations/${conversationId}/${path}`, body);
      if ('error' in r) return void (notice.textContent = r.error.message);
      onDone();
    }, { busyLabel, group: actions });
  release.addEventListener('click', () => void finish(release, 'Handing back…', 'release', {}));
  close.addEventListener('click', () => void finish(close, 'Closing…', 'close', { teach: teach.checked }));

  return { conversationId, tab, panel, focusReply: () => reply.focus(), dispose: () => events.close() };
}

/** Who wrote a message, as a screen reader hears it before the text (colour alone tells them apart on screen). */
export function speaker(m: Pick<TranscriptMessage, 'role' | 'author'>, me: string): string | null {
  if (m.role === 'customer') return 'Customer';
  if (m.role === 'bot') return 'Bot';
  if (m.role === 'agent') return !m.author || m.author === me ? 'You' : m.author;
  return null;
}

function messageView(m: TranscriptMessage, me: string): HTMLElement {
  const who = speaker(m, me);
  const el = h('div', { class: `m ${m.role}${m.outcome === 'abstain' ? ' abstain' : ''}`, 'data-role': m.role, 'data-seq': String(m.seq) }, who ? h('span', { class: 'sr', 'data-testid': 'speaker' }, `${who}: `) : null, richText(m.text));
  if (m.role === 'bot') {
    const meta = `${m.outcome === 'abstain' ? 'Abstained' : 'Answered'}${m.confidence === undefined ? '' : ` · confidence ${m.confidence.toFixed(2)}`}`;
    el.append(h('div', { class: 'src' }, meta));
    if (m.sources?.length) el.append(h('div', { class: 'src' }, 'Sources: ', ...m.sources.flatMap((s, i) => [i ? ', ' : '', sourceView(s)])));
  }
  // The name on screen; the hidden prefix already says it to a screen reader.
  if (m.role === 'agent' && m.author) el.prepend(h('div', { class: 'src', 'aria-hidden': 'true' }, m.author));
  return el;
}

function contextView(ctx: Context): HTMLElement[] {
  const out: HTMLElement[] = [];
  const row = (label: string, value: Node | string) => h('div', {}, h('strong', {}, `${label}: `), value);
  if (ctx.handoff) {
    out.push(h('h3', {}, 'Why'), h('div', { 'data-testid': 'reason' }, describeReason(ctx.handoff.reason, ctx.handoff.detail)));
    out.push(h('h3', {}, 'Summary'), h('div', { 'data-testid': 'summary' }, ctx.handoff.summary));
    out.push(row('Mood', ctx.handoff.mood));
    if (ctx.handoff.replyBy) out.push(row('Promised reply by', formatDue(ctx.handoff.replyBy)));
  }
  out.push(row('Bot', ctx.conversation.botName), row('Language', ctx.conversation.lang));
  if (ctx.conversation.pageUrl) out.push(row('Page', link(ctx.conversation.pageUrl, ctx.conversation.pageUrl)));
  if (ctx.conversation.email) out.push(row('E-mail', emailView(ctx)));
  if (ctx.earlierConversations.length) {
    out.push(h('h3', {}, 'Earlier conversations from this browser'));
    out.push(h('ul', { 'data-testid': 'earlier' }, ...ctx.earlierConversations.map((c) => h('li', {}, `${new Date(c.createdAt).toLocaleDateString()} · ${c.firstQuestion ?? '(no question)'}`))));
  }
  return out;
}

// The customer left an address because nobody could answer at once: they have usually left the
// chat since, so the promised reply goes by e-mail (from the agent's own mail client, with the
// question as the subject), and the reply in the chat stays for when they come back.
function emailView(ctx: Context): HTMLElement {
  const question = ctx.messages.find((m) => m.role === 'customer')?.text ?? '';
  const subject = question.length > 80 ? `${question.slice(0, 79)}…` : question;
  const href = `mailto:${encodeURIComponent(ctx.conversation.email!).replace('%40', '@')}?subject=${encodeURIComponent(`Re: ${subject}`)}`;
  return h(
    'span',
    {},
    h('a', { href, 'data-testid': 'reply-by-email' }, ctx.conversation.email!),
    ' — the customer asked for the reply by e-mail; answer there if they have left the chat.',
  );
}

function suggestionView(s: Suggestion, insert: (text: string) => void): HTMLElement {
  const button = h('button', { type: 'button', 'data-testid': 'insert' }, 'Insert');
  button.addEventListener('click', () => insert(s.text));
  return h(
    'section',
    { 'data-testid': 'suggestion', 'aria-label': 'Suggested reply' },
    h('h3', {}, `Suggested reply (confidence ${s.confidence.toFixed(2)})`),
    h('p', { style: 'white-space:pre-wrap' }, s.text),
    s.sources.length ? h('div', { class: 'src' }, 'From: ', ...s.sources.flatMap((x, i) => [i ? ', ' : '', sourceView(x)])) : null,
    button,
  );
}

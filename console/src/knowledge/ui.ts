import { h } from '../../../widget/src/dom.js';
import { call, type Result } from '../api.js';
import { whileBusy, type BusyOptions } from '../busy.js';
import { formatWhen } from '../format.js';

/** What every knowledge section gets: the bot's API base and a place to report errors. */
export interface SectionContext {
  /** `/api/knowledge/bots/<id>` */
  base: string;
  notice: HTMLElement;
  /** Jump to another section (e.g. "write an answer" opens Q&A pre-filled). */
  open: (section: string, arg?: unknown) => void;
}

/** Call the API; on error show its message in the notice and return undefined. */
export async function load<T>(ctx: SectionContext, method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T | undefined> {
  const r: Result<T> = await call<T>(method, `${ctx.base}${path}`, body);
  if ('error' in r) {
    ctx.notice.textContent = r.error.message;
    return undefined;
  }
  ctx.notice.textContent = '';
  return r.data;
}

/** A button whose handler runs once at a time: disabled (and relabelled, if asked) meanwhile. */
export function button(label: string, onClick: () => Promise<unknown> | void, attrs: Record<string, string> = {}, busy: BusyOptions = {}): HTMLButtonElement {
  const b = h('button', { type: 'button', ...attrs }, label);
  b.addEventListener('click', () => void whileBusy(b, onClick, busy));
  return b;
}

/** A simple table from rows of cells (text or nodes). */
export function table(head: string[], rows: Array<Array<Node | string>>, attrs: Record<string, string> = {}): HTMLElement {
  return h(
    'table',
    { class: 'grid', ...attrs },
    h('thead', {}, h('tr', {}, ...head.map((c) => h('th', {}, c)))),
    h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((c) => h('td', {}, c))))),
  );
}

/** "72%" or "—". */
export const percent = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${Math.round(x * 100)}%`);

/** A short local date and time, or a dash. */
export const when = (iso: string | null | undefined) => (iso ? formatWhen(iso) : '—');

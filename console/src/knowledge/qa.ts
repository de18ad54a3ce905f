import { h, link } from '../../../widget/src/dom.js';
import { onSubmitOnce } from '../busy.js';
import { button, load, table, when, type SectionContext } from './ui.js';

export interface QaItem {
  id: string;
  question: string;
  alternatives: string[];
  answer: string;
  url?: string;
  createdBy: string;
  updatedAt: string;
  suggestionId?: number;
}

export interface QaDraft {
  question: string;
  alternatives: string[];
  answer: string;
  /**
   * The page the item belongs to (a full URL on the bot's site, or a path). When approving a
   * suggestion it means "already answered there": its questions then teach that page instead.
   */
  url?: string;
}

/**
 * A Q&A form (question, other phrasings one per line, answer, page); `submit` gets the validated fields, one save at a time
 * (`group`: where other buttons that must wait for the save live, default the form).
 */
export function qaForm(draft: Partial<QaDraft>, submitLabel: string, submit: (fields: QaDraft) => Promise<boolean>, opts: { pageLink?: boolean; group?: HTMLElement } = {}): HTMLFormElement {
  const question = h('input', { type: 'text', 'data-testid': 'qa-question', required: true, maxlength: '500' });
  question.value = draft.question ?? '';
  const alternatives = h('textarea', { 'data-testid': 'qa-alternatives', rows: '3' });
  alternatives.value = (draft.alternatives ?? []).join('\n');
  const answer = h('textarea', { 'data-testid': 'qa-answer', required: true, rows: '4', maxlength: '4000' });
  answer.value = draft.answer ?? '';
  const page = h('input', { type: 'text', 'data-testid': 'qa-url', placeholder: 'https://… or /path', maxlength: '2000' });
  page.value = draft.url ?? '';
  // An item without a page is shown to customers with no source link: its answer stands alone.
  const pageLabel = opts.pageLink
    ? 'Or: already answered on this page — the questions then lead to that page, and no Q&A item is added'
    : 'Page URL (optional): the page on your site this answer belongs to, linked under it as its source. Leave empty for no link.';
  const form = h(
    'form',
    { class: 'qa-form' },
    h('label', {}, 'Question', question),
    h('label', {}, 'Other ways to ask it (one per line)', alternatives),
    h('label', {}, 'Answer (shown as written)', answer),
    h('label', {}, pageLabel, page),
    h('button', { class: 'primary', type: 'submit', 'data-testid': 'qa-save' }, submitLabel),
  );
  // A save rebuilds the index (a second or more): a second click meanwhile would add the item twice.
  onSubmitOnce(form, async () => {
    const fields = {
      question: question.value.trim(),
      alternatives: alternatives.value.split('\n').map((l) => l.trim()).filter(Boolean),
      answer: answer.value.trim(),
      ...(page.value.trim() ? { url: page.value.trim() } : {}),
    };
    if (await submit(fields)) form.reset();
  }, 'Saving…', opts.group);
  return form;
}

/** Q&A items written in the console: create (optionally pre-filled from a gap), edit, delete. */
export async function qaSection(ctx: SectionContext, root: HTMLElement, prefill?: Partial<QaDraft>): Promise<void> {
  const list = h('div', {});
  const render = async () => {
    const data = await load<{ items: QaItem[]; fromFiles: Array<{ question: string; answer: string; url: string; noPage?: boolean }> }>(ctx, 'GET', '/qa');
    if (!data) return;
    const files = data.fromFiles.length
      ? h('details', {}, h('summary', {}, `${data.fromFiles.length} more from knowledge files (read-only: edit the files)`), table(['Question', 'Answer'], data.fromFiles.map((f) => [f.noPage ? f.question : link(f.question, f.url), f.answer])))
      : '';
    list.replaceChildren(
      data.items.length
        ? table(
            ['Question', 'Answer', 'Updated', ''],
            data.items.map((item) => [
              h(
                'div',
                {},
                item.question,
                item.alternatives.length ? h('div', { class: 'meta' }, `+ ${item.alternatives.length} other phrasing(s)`) : null,
                h('div', { class: 'meta', 'data-testid': 'qa-page' }, item.url ? link(item.url, item.url) : 'No page: answered without a source link'),
              ),
              item.answer,
              h('span', { class: 'meta' }, `${when(item.updatedAt)} · ${item.createdBy}${item.suggestionId ? ' · from an agent' : ''}`),
              h('div', { class: 'row' }, button('Edit', () => edit(item)), button('Delete', () => remove(item), { 'data-testid': 'qa-delete' })),
            ]),
            { 'data-testid': 'qa-list' },
          )
        : h('p', { class: 'empty' }, 'No Q&A items written here yet.'),
      files,
    );
  };
  const edit = (item: QaItem) => {
    const form = qaForm(item, 'Save changes', async (fields) => {
      const ok = await load(ctx, 'PUT', `/qa/${encodeURIComponent(item.id)}`, fields);
      if (ok) await render();
      return !!ok;
    });
    list.prepend(h('div', { class: 'card' }, h('h3', {}, 'Edit Q&A item'), form));
    // The Edit button waits (disabled) meanwhile, which would drop the focus to the page.
    firstField(form).focus();
  };
  const remove = async (item: QaItem) => {
    if (!confirm(`Delete "${item.question}"? The bot stops answering it at once.`)) return;
    if (await load(ctx, 'DELETE', `/qa/${encodeURIComponent(item.id)}`)) await render();
  };
  const create = qaForm(prefill ?? {}, 'Add Q&A item', async (fields) => {
    const ok = await load(ctx, 'POST', '/qa', fields);
    if (ok) await render();
    return !!ok;
  });
  root.replaceChildren(h('h2', {}, 'Q&A items'), h('div', { class: 'card' }, h('h3', {}, prefill ? 'Write an answer for this gap' : 'New Q&A item'), create), list);
  // Came from "Write an answer": that button is gone, and the pre-filled form is what comes next.
  if (prefill) firstField(create).focus();
  await render();
}

/** Indexed pages with their chunks, and what the bot learned (removable). */
export async function pagesSection(ctx: SectionContext, root: HTMLElement): Promise<void> {
  const data = await load<{ pages: Array<{ url: string; title: string; kind: string; chunks: number; words: number; noPage?: boolean }>; warnings: string[] }>(ctx, 'GET', '/pages');
  if (!data) return;
  const detail = h('div', { 'data-testid': 'page-detail' });
  const show = async (url: string) => {
    const page = await load<{ title: string; chunks: Array<{ headingPath: string[]; preview: string; words: number }> }>(ctx, 'GET', `/page?url=${encodeURIComponent(url)}`);
    if (!page) return;
    detail.replaceChildren(h('h3', {}, page.title), ...page.chunks.map((c) => h('div', { class: 'card' }, h('div', { class: 'meta' }, `${c.headingPath.join(' › ') || '—'} · ${c.words} words`), c.preview)));
  };
  root.replaceChildren(
    h('h2', {}, `Pages (${data.pages.length})`),
    data.warnings.length
      ? h('div', { class: 'notice', 'data-testid': 'build-warnings' }, h('strong', {}, 'Left out of the index (fix these and the bot reads them again):'), h('ul', {}, ...data.warnings.map((w) => h('li', {}, w))))
      : '',
    table(
      ['Page', 'Kind', 'Chunks', ''],
      data.pages.map((p) => [h('div', {}, p.title, h('div', { class: 'meta' }, p.noPage ? `${p.url} (no page: only names the Q&A item)` : link(p.url, p.url))), p.kind, String(p.chunks), button('Chunks', () => show(p.url))]),
    ),
    detail,
  );
}

/** A form's first field, where its editing starts. */
function firstField(form: HTMLFormElement): HTMLElement {
  return form.querySelector<HTMLElement>('input, textarea') ?? form;
}

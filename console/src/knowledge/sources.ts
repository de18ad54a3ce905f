import { h, link } from '../../../widget/src/dom.js';
import { onSubmitOnce } from '../busy.js';
import { button, load, table, when, type SectionContext } from './ui.js';

interface Run {
  id: number;
  status: 'running' | 'done' | 'failed';
  trigger: string;
  startedAt: string;
  finishedAt: string | null;
  changes: { added?: string[]; changed?: string[]; removed?: string[]; failed?: Array<{ url: string; code: string; message: string }>; skipped?: Array<{ url: string; reason: string }>; unchanged?: number; notReached?: number; removedSource?: string; error?: string };
}

interface SourcesData {
  sources: Array<{ id: number | null; url: string; recrawlDays: number; fromConfig: boolean }>;
  lastCrawlAt: string | null;
  crawledPages: number;
  runs: Run[];
}

/** Sites to crawl: add, remove, crawl now with live progress, and what the last crawl changed. */
export function sourcesSection(ctx: SectionContext, root: HTMLElement): () => void {
  const progress = h('p', { 'data-testid': 'crawl-progress', 'aria-live': 'polite' });
  const body = h('div', {});
  // A real label: a placeholder is gone once typing starts, and is no name for a screen reader.
  const url = h('input', { type: 'url', id: 'source-url', placeholder: 'https://www.example.com/', required: true, 'data-testid': 'source-url' });
  const days = daysInput(7, 'source-recrawl-days');
  const add = h('form', { class: 'row' }, h('label', { for: 'source-url' }, 'Site to add'), url, h('label', {}, 'Re-crawl every ', days, ' days'), h('button', { class: 'primary', type: 'submit' }, 'Add site'));
  onSubmitOnce(add, async () => {
    if (await load(ctx, 'POST', '/sources', { url: url.value, recrawlDays: days.valueAsNumber })) {
      url.value = '';
      await render();
    }
  }, 'Adding…');
  // "Crawl now" waits while a crawl runs (a second one would be refused), or with nothing to crawl.
  const state = { sites: 0, pages: 0, crawling: false, finished: new Set<number>() };
  const crawlBlocked = () => (state.crawling ? 'A crawl is running' : state.sites + state.pages === 0 ? 'Add a site first' : undefined);
  // Config-file sources are changed in the file; added ones here, saved when the field changes.
  const schedule = (s: SourcesData['sources'][number]): Node | string => {
    if (s.id === null) return `every ${s.recrawlDays} days`;
    const input = daysInput(s.recrawlDays, `recrawl-days-${s.id}`);
    input.addEventListener('change', async () => {
      if (!input.reportValidity()) return;
      const saved = await load<{ recrawlDays: number }>(ctx, 'PUT', `/sources/${s.id}`, { recrawlDays: input.valueAsNumber });
      // A refused change is explained in the notice; the field goes back to what is stored.
      s.recrawlDays = saved?.recrawlDays ?? s.recrawlDays;
      input.value = String(s.recrawlDays);
    });
    return h('label', {}, 'every ', input, ' days');
  };
  const render = async () => {
    const data = await load<SourcesData>(ctx, 'GET', '/sources');
    if (!data) return;
    const last = data.runs[0];
    // Nothing to crawl yet: the knowledge files are read at every index build, not crawled. With
    // no sites but crawled pages left (a site removed from the config file), a crawl clears them.
    state.sites = data.sources.length;
    state.pages = data.crawledPages;
    syncCrawl();
    body.replaceChildren(
      data.sources.length === 0 ? h('p', { class: 'empty' }, 'No sites yet: the bot answers from its knowledge files and Q&A items.') : table(
        ['Site', 'Re-crawl', ''],
        data.sources.map((s) => [
          link(s.url, s.url),
          schedule(s),
          s.fromConfig
            ? h('span', { class: 'meta' }, 'from the config file')
            : button('Remove', async () => {
                if (!confirm(`Remove ${s.url}? Its pages leave the index, and the bot stops answering from them.`)) return;
                if (await load(ctx, 'DELETE', `/sources/${s.id}`)) await render();
              }),
        ]),
        { 'data-testid': 'sources' },
      ),
      h('p', { class: 'meta' }, `${data.crawledPages} crawled pages in the index · last crawl ${when(data.lastCrawlAt)}`),
      last ? runView(last) : h('p', { class: 'empty' }, 'Not crawled from the console yet.'),
    );
  };
  const crawl = button(
    'Crawl now',
    async () => {
      const started = await load<{ runId: number }>(ctx, 'POST', '/crawl');
      if (!started) return;
      progress.textContent = 'Crawl started…';
      // A crawl of nothing can end before its 202 is read.
      state.crawling = !state.finished.has(started.runId);
    },
    { class: 'primary', 'data-testid': 'crawl-now' },
    { busyLabel: 'Starting…', blocked: () => crawlBlocked() !== undefined },
  );
  const syncCrawl = () => {
    if (crawl.dataset.busy === undefined) crawl.disabled = crawlBlocked() !== undefined;
    crawl.title = crawlBlocked() ?? (state.sites === 0 ? 'No sites left: removes the crawled pages from the index' : '');
  };
  const events = new EventSource(`${ctx.base}/events`);
  events.addEventListener('crawl', (e) => {
    const data = JSON.parse((e as MessageEvent<string>).data) as { runId?: number; status?: string; progress?: { indexed: number; unchanged: number; failed: number; queued: number; pagesPerSecond: number } };
    // Only this server's crawls send these (never a stale row), whoever started them.
    if (data.status) {
      state.crawling = data.status === 'running';
      if (!state.crawling && data.runId !== undefined) state.finished.add(data.runId);
      syncCrawl();
    }
    if (data.progress) {
      const p = data.progress;
      progress.textContent = `Crawling: ${p.indexed + p.unchanged} done, ${p.queued} queued, ${p.failed} failed · ${p.pagesPerSecond.toFixed(1)} pages/s`;
    } else if (data.status && data.status !== 'running') {
      progress.textContent = data.status === 'done' ? 'Crawl finished; the index is updated.' : 'Crawl failed.';
      void render();
    }
  });
  root.replaceChildren(h('h2', {}, 'Sources'), add, h('div', { class: 'row' }, crawl), progress, body);
  void render();
  return () => events.close();
}

// Days between scheduled re-crawls, as the API accepts them.
function daysInput(value: number, testId: string): HTMLInputElement {
  const input = h('input', { type: 'number', min: '1', max: '365', step: '1', required: true, 'data-testid': testId });
  input.value = String(value);
  return input;
}

function runView(run: Run): HTMLElement {
  const c = run.changes;
  const list = (title: string, items: Array<Node | string>) => (items.length ? h('details', {}, h('summary', {}, `${title} (${items.length})`), h('ul', {}, ...items.map((i) => h('li', {}, i)))) : '');
  return h(
    'div',
    { class: 'card', 'data-testid': 'last-crawl' },
    h('strong', {}, c.removedSource ? `Site removed: ${c.removedSource}` : `Last crawl: ${run.status}`),
    h('span', { class: 'meta' }, ` · ${when(run.startedAt)}${c.removedSource ? '' : ` · ${run.trigger === 'schedule' ? 'scheduled' : 'manual'}`}`),
    c.error ? h('p', { class: 'notice' }, c.error) : '',
    h('p', {}, `${c.added?.length ?? 0} new, ${c.changed?.length ?? 0} changed, ${c.removed?.length ?? 0} removed, ${c.failed?.length ?? 0} failed, ${c.unchanged ?? 0} unchanged${c.notReached ? `, ${c.notReached} not reached (page limit; kept)` : ''}`),
    list('New', (c.added ?? []).map((u) => link(u, u))),
    list('Changed', (c.changed ?? []).map((u) => link(u, u))),
    list('Removed', c.removed ?? []),
    list('Failed', (c.failed ?? []).map((f) => `${f.url}: ${f.message} [${f.code}]`)),
    list('Skipped', (c.skipped ?? []).map((s) => `${s.url}: ${s.reason}`)),
  );
}

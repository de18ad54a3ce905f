import { h, link } from '../../../widget/src/dom.js';
import { qaForm } from './qa.js';
import { button, load, table, when, type SectionContext } from './ui.js';
import { plural } from '../format.js';
import { sourceView, type SourceRef } from '../source-view.js';

interface Suggestion {
  id: number;
  question: string;
  answer: string;
  status: 'pending' | 'approved' | 'rejected';
  createdAt: string;
  decidedAt: string | null;
}

/** Agents' "teach the bot" suggestions: approve (as written or edited) or reject. */
export async function suggestionsSection(ctx: SectionContext, root: HTMLElement): Promise<void> {
  const data = await load<{ suggestions: Suggestion[] }>(ctx, 'GET', '/suggestions');
  if (!data) return;
  const pending = data.suggestions.filter((s) => s.status === 'pending');
  const decided = data.suggestions.filter((s) => s.status !== 'pending');
  const card = (s: Suggestion) => {
    // Approve and Reject decide the same suggestion: while one runs the other waits.
    const article = h('article', { class: 'card', 'data-testid': 'suggestion' });
    const form = qaForm({ question: s.question, answer: s.answer }, 'Approve', async (fields) => {
      const ok = await load(ctx, 'POST', `/suggestions/${s.id}/approve`, fields);
      if (ok) await suggestionsSection(ctx, root);
      return !!ok;
    }, { pageLink: true, group: article });
    const reject = button('Reject', async () => {
      if (await load(ctx, 'POST', `/suggestions/${s.id}/reject`)) await suggestionsSection(ctx, root);
    }, {}, { busyLabel: 'Rejecting…', group: article });
    article.append(h('div', { class: 'meta' }, `Suggested ${when(s.createdAt)} · edit before approving if needed`), form, reject);
    return article;
  };
  root.replaceChildren(
    h('h2', {}, `Suggestions from agents (${pending.length} waiting)`),
    ...(pending.length ? pending.map(card) : [h('p', { class: 'empty' }, 'Nothing to review.')]),
    decided.length ? h('h3', {}, 'Decided') : '',
    decided.length ? table(['Question', 'Decision', 'When'], decided.map((s) => [s.question, s.status, when(s.decidedAt)])) : '',
  );
}

interface GapGroup {
  key: string;
  label: string;
  count: number;
  examples: string[];
  firstSeen: string;
  lastSeen: string;
  handedOff: number;
  /** The page the bot would answer the group's question from now (a gap filled since). */
  answeredNow: (SourceRef & { confidence: number }) | null;
  /** Else the page it found closest, below its threshold. */
  closest: (SourceRef & { confidence: number }) | null;
}

/** Questions the bot could not answer, grouped, with "write an answer". */
export async function gapsSection(ctx: SectionContext, root: HTMLElement): Promise<void> {
  const data = await load<{ questions: number; groups: GapGroup[] }>(ctx, 'GET', '/gaps');
  if (!data) return;
  root.replaceChildren(
    h('h2', {}, `Knowledge gaps (${plural(data.questions, 'question')} in ${plural(data.groups.length, 'group')})`),
    ...(data.groups.length
      ? data.groups.map((g) =>
          h(
            'article',
            { class: 'card', 'data-testid': 'gap' },
            h('div', { class: 'row' }, h('strong', {}, g.label), h('span', { class: 'meta' }, `${g.count}× · ${g.handedOff} handed off · ${g.firstSeen === g.lastSeen ? `seen ${when(g.firstSeen)}` : `first ${when(g.firstSeen)} · last ${when(g.lastSeen)}`}`)),
            // The label is the first example: a one-question group shows it once.
            g.examples.length > 1 ? h('ul', {}, ...g.examples.map((e) => h('li', {}, e))) : '',
            g.answeredNow
              ? h('p', { class: 'meta', 'data-testid': 'answered-now' }, 'Answered now from ', sourceView(g.answeredNow), ` (confidence ${g.answeredNow.confidence.toFixed(2)}) — try it in the playground.`)
              : '',
            g.closest ? closestPage(ctx, g, g.closest, () => gapsSection(ctx, root)) : '',
            button('Write an answer', () => ctx.open('qa', { question: g.label, alternatives: g.examples.filter((e) => e !== g.label) })),
          ),
        )
      : [h('p', { class: 'empty' }, 'No gaps: every question got an answer.')]),
  );
}

/**
 * The page the bot found closest to an open gap, too unsure to answer from. Often the answer is
 * there and the customer only asked in other words (another language, other terms): the owner
 * confirms it in one click, and the group's questions become learned phrasings of that page.
 */
function closestPage(ctx: SectionContext, g: GapGroup, page: SourceRef & { confidence: number }, redraw: () => Promise<void>): HTMLElement {
  const teach = button('This page answers them', async () => {
    for (const question of g.examples) if (!(await load(ctx, 'POST', '/learned', { question, url: page.url }))) return;
    await redraw();
  }, { 'data-testid': 'teach-closest' }, { busyLabel: 'Teaching…' });
  return h(
    'p',
    { class: 'meta', 'data-testid': 'closest' },
    'Closest page: ',
    sourceView(page),
    ` (confidence ${page.confidence.toFixed(2)}, too low to answer). If it answers ${g.examples.length > 1 ? 'these questions' : 'this question'}: `,
    teach,
  );
}

interface LearnedItem {
  id: string;
  kind: 'learned' | 'negative';
  question: string;
  url: string;
  learnedAt: string;
  source: string;
}

/** Everything the bot learned from conversations, agents, owners and the CLI, removable one by one. */
export async function learnedSection(ctx: SectionContext, root: HTMLElement): Promise<void> {
  const data = await load<{ learned: LearnedItem[]; negative: LearnedItem[]; waiting: Array<{ question: string; url: string; confirmations: number }> }>(ctx, 'GET', '/learned');
  if (!data) return;
  const rows = (items: LearnedItem[]) =>
    items.map((i) => [
      i.question,
      link(i.url, i.url),
      h('span', { class: 'meta' }, `${i.source} · ${when(i.learnedAt)}`),
      button('Remove', async () => {
        if (await load(ctx, 'DELETE', `/learned/${i.kind}/${i.id}`)) await learnedSection(ctx, root);
      }),
    ]);
  root.replaceChildren(
    h('h2', {}, 'Learned phrasings'),
    h('p', { class: 'meta' }, 'Questions confirmed as answered by a page (by two different conversations, an agent or an owner). They help the bot find that page for similar questions.'),
    data.learned.length ? table(['Question', 'Page', 'Source', ''], rows(data.learned), { 'data-testid': 'learned-list' }) : h('p', { class: 'empty' }, 'Nothing learned yet.'),
    h('h3', {}, 'Did not help'),
    h('p', { class: 'meta' }, 'Questions two customers said a page did not answer: that page ranks lower for similar questions.'),
    data.negative.length ? table(['Question', 'Page', 'Source', ''], rows(data.negative)) : h('p', { class: 'empty' }, 'None.'),
    h('h3', {}, 'Waiting for a second confirmation'),
    data.waiting.length ? table(['Question', 'Page', 'Confirmations'], data.waiting.map((w) => [w.question, link(w.url, w.url), String(w.confirmations)])) : h('p', { class: 'empty' }, 'None.'),
  );
}

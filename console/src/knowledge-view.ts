import { h } from '../../widget/src/dom.js';
import { call, type User } from './api.js';
import { gapsSection, learnedSection, suggestionsSection } from './knowledge/learning.js';
import { metricsSection, playgroundSection } from './knowledge/metrics.js';
import { pagesSection, qaSection, type QaDraft } from './knowledge/qa.js';
import { sourcesSection } from './knowledge/sources.js';
import type { SectionContext } from './knowledge/ui.js';

type BotList = { bots: Array<{ id: string; name: string; badge: { text: string } }> };

const SECTIONS = {
  metrics: 'Metrics',
  gaps: 'Gaps',
  suggestions: 'Suggestions',
  qa: 'Q&A',
  learned: 'Learned',
  sources: 'Sources',
  pages: 'Pages',
  playground: 'Playground',
} as const;
type Section = keyof typeof SECTIONS;

/** The content owner's console: pick a bot, then a section. Returns a cleanup for when the view is left. */
export async function knowledgeView(root: HTMLElement, header: HTMLElement, user: User): Promise<() => void> {
  const notice = h('p', { class: 'notice', role: 'alert' });
  const bots = await call<BotList>('GET', '/api/knowledge/bots');
  if ('error' in bots) {
    root.replaceChildren(header, h('p', { class: 'notice' }, bots.error.message));
    return () => undefined;
  }
  const select = h('select', { 'aria-label': 'Bot', 'data-testid': 'bot-select' }, ...bots.data.bots.map((b) => h('option', { value: b.id }, b.name)));
  const badge = h('span', { class: 'meta', 'data-testid': 'owner-badge' });
  const nav = h('nav', { class: 'sections', 'aria-label': 'Knowledge sections' });
  // Not a live region: a section switch would read out thousands of characters. A short line
  // says when the new section is there instead.
  const body = h('section', { class: 'knowledge' });
  const loaded = h('p', { class: 'sr', role: 'status', 'data-testid': 'section-status' });
  let opening = 0;
  let cleanup: (() => void) | undefined;
  let current: Section = 'metrics';
  let badgeOf: string | undefined;
  const badges = new Map(bots.data.bots.map((b) => [b.id, b.badge.text]));
  // Asked again, not kept from start-up: new conversations move it, as they move Metrics.
  const refreshBadge = async (botId: string) => {
    const fresh = await call<BotList>('GET', '/api/knowledge/bots');
    if ('error' in fresh) return;
    for (const b of fresh.data.bots) badges.set(b.id, b.badge.text);
    // An answer that comes after the owner picked another bot must not label that one.
    if (select.value === botId) badge.textContent = badges.get(botId) ?? '';
  };

  const open = (section: string, arg?: unknown) => {
    cleanup?.();
    cleanup = undefined;
    current = section as Section;
    for (const b of nav.querySelectorAll('button')) b.setAttribute('aria-current', String(b.dataset.section === section));
    const bot = bots.data.bots.find((b) => b.id === select.value)!;
    if (badgeOf !== bot.id) badge.textContent = badges.get(bot.id) ?? '';
    // At start-up the list was just fetched: nothing to ask again yet.
    if (badgeOf !== undefined && (badgeOf !== bot.id || section === 'metrics')) void refreshBadge(bot.id);
    badgeOf = bot.id;
    const ctx: SectionContext = { base: `/api/knowledge/bots/${encodeURIComponent(bot.id)}`, notice, open };
    const area = h('div', {});
    body.replaceChildren(notice, area);
    let loading: Promise<void> | undefined;
    if (section === 'sources') cleanup = sourcesSection(ctx, area);
    else if (section === 'pages') loading = pagesSection(ctx, area);
    else if (section === 'qa') loading = qaSection(ctx, area, arg as Partial<QaDraft> | undefined);
    else if (section === 'suggestions') loading = suggestionsSection(ctx, area);
    else if (section === 'gaps') loading = gapsSection(ctx, area);
    else if (section === 'learned') loading = learnedSection(ctx, area);
    else if (section === 'playground') playgroundSection(ctx, area);
    else loading = metricsSection(ctx, area);
    const mine = ++opening;
    loaded.textContent = '';
    // Only the section still open is announced, and not when it failed (the notice says why).
    void Promise.resolve(loading).then(() => {
      if (mine === opening && !notice.textContent) loaded.textContent = `${SECTIONS[current]} loaded`;
    });
  };
  for (const [id, label] of Object.entries(SECTIONS)) {
    const b = h('button', { type: 'button', 'data-section': id, 'data-testid': `section-${id}` }, label);
    b.addEventListener('click', () => open(id));
    nav.append(b);
  }
  select.addEventListener('change', () => open(current));
  keepFocusIn(body, () => nav.querySelector<HTMLElement>('[aria-current=true]'));
  root.replaceChildren(header, h('div', { class: 'row toolbar' }, select, badge, h('span', { class: 'meta' }, `signed in as ${user.name}`)), nav, loaded, body);
  open('metrics');
  return () => cleanup?.();
}

/**
 * Sections redraw after an action (a suggestion approved, a Q&A item saved, a site removed), and
 * a focused control that is redrawn away drops the focus to <body>: keyboard and screen-reader
 * users would start over at the top of the page. It goes to `fallback` instead. A button disabled
 * while it works loses the focus too: it gets it back when it is enabled again (a failed save
 * leaves the owner in the form), or `fallback` gets it if the button is redrawn away meanwhile.
 */
function keepFocusIn(area: HTMLElement, fallback: () => HTMLElement | null): void {
  let focused: HTMLElement | null = null;
  area.addEventListener('focusin', (e) => (focused = e.target as HTMLElement));
  // A click anywhere is the owner moving on: focus they let go of is not taken back.
  const release = () => {
    if (!area.isConnected) return document.removeEventListener('pointerdown', release, true);
    focused = null;
  };
  document.addEventListener('pointerdown', release, true);
  new MutationObserver(() => {
    if (!focused || (document.activeElement !== document.body && document.activeElement !== null)) return;
    if (!area.contains(focused)) {
      focused = null;
      fallback()?.focus();
    } else if (!(focused as HTMLButtonElement).disabled) focused.focus();
  }).observe(area, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled'] });
}

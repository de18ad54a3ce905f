import { h, link } from '../../../widget/src/dom.js';
import { onSubmitOnce } from '../busy.js';
import { button, load, percent, table, when, type SectionContext } from './ui.js';
import { describeReason, plural } from '../format.js';
import { sourceView, type SourceRef } from '../source-view.js';

interface Day {
  date: string;
  conversations: number;
  confirmed: number;
  assumed: number;
  notResolved: number;
  rate: number | null;
}

interface Metrics {
  resolution: { confirmed: number; assumed: number; notResolved: number; pending: number; sample: number; rate: number | null };
  daily: Day[];
  handoffReasons: Record<string, number>;
  csat: { count: number; mean: number | null; distribution: number[] };
  lowRatings: Array<{ conversationId: string; score: number; comment: string | null; createdAt: string; followedUpAt: string | null; email: string | null; transcript: Array<{ role: string; text: string }> }>;
  topics: Array<{ topic: string; url: string; conversations: number; resolved: number; rate: number | null }>;
}

const SVG = 'http://www.w3.org/2000/svg';

/**
 * The bars' colours: each at least 3:1 against the white chart (WCAG's minimum for graphics; the
 * light green and peach before were 1.8:1 and 1.3:1), confirmed and assumed 3:1 apart too.
 */
export const CHART_COLOURS = { confirmed: '#0e4d24', assumed: '#2da44e', notResolved: '#bc4c00' } as const;

function svg(tag: string, attrs: Record<string, string | number>): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** Resolution rate per day as a line over stacked confirmed/assumed bars (SVG, no library). */
function rateChart(days: Day[]): Element {
  const width = 640;
  const height = 160;
  const step = width / Math.max(days.length, 1);
  const max = Math.max(1, ...days.map((d) => d.conversations));
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height + 20}`, role: 'img', 'aria-label': 'Resolution rate per day (the table below has the numbers)', class: 'chart' });
  days.forEach((d, i) => {
    const x = i * step + 1;
    // A white edge between stacked parts tells them apart whatever their colours.
    const bar = (n: number, offset: number, color: string) => chart.append(svg('rect', { x, y: height - ((offset + n) / max) * height, width: Math.max(step - 2, 1), height: (n / max) * height, fill: color, stroke: '#fff', 'stroke-width': 1 }));
    bar(d.confirmed, 0, CHART_COLOURS.confirmed);
    bar(d.assumed, d.confirmed, CHART_COLOURS.assumed);
    bar(d.notResolved, d.confirmed + d.assumed, CHART_COLOURS.notResolved);
  });
  const points = days.map((d, i) => (d.rate === null ? null : `${i * step + step / 2},${height - d.rate * height}`)).filter(Boolean);
  if (points.length) chart.append(svg('polyline', { points: points.join(' '), fill: 'none', stroke: '#0b5cad', 'stroke-width': 2 }));
  const label = (text: string, x: number, anchor: string) => {
    const t = svg('text', { x, y: height + 14, 'font-size': 11, 'text-anchor': anchor, fill: '#57606a' });
    t.textContent = text;
    chart.append(t);
  };
  if (days.length) {
    label(days[0]!.date, 0, 'start');
    label(days.at(-1)!.date, width, 'end');
  }
  return chart;
}

/** Resolution over time, confirmed vs assumed, handoff reasons, CSAT, low ratings to follow up, top topics. */
export async function metricsSection(ctx: SectionContext, root: HTMLElement): Promise<void> {
  const m = await load<Metrics>(ctx, 'GET', '/metrics');
  if (!m) return;
  const r = m.resolution;
  const dist = m.csat.distribution;
  const maxDist = Math.max(1, ...dist);
  root.replaceChildren(
    h('h2', {}, 'Metrics'),
    h(
      'div',
      { class: 'row', 'data-testid': 'resolution' },
      h('div', { class: 'card stat' }, h('strong', {}, percent(r.rate)), h('div', { class: 'meta' }, `resolution rate · ${plural(r.sample, 'conversation')}`)),
      h('div', { class: 'card stat' }, h('strong', {}, String(r.confirmed)), h('div', { class: 'meta' }, 'confirmed')),
      h('div', { class: 'card stat' }, h('strong', {}, String(r.assumed)), h('div', { class: 'meta' }, 'assumed (30 min silence)')),
      h('div', { class: 'card stat' }, h('strong', {}, String(r.notResolved)), h('div', { class: 'meta' }, 'not resolved')),
      h('div', { class: 'card stat' }, h('strong', {}, m.csat.mean === null ? '—' : m.csat.mean.toFixed(1)), h('div', { class: 'meta' }, `CSAT mean · ${plural(m.csat.count, 'rating')}`)),
    ),
    h('h3', {}, 'Resolution over time'),
    h('p', { class: 'meta' }, 'Bars: confirmed (dark green), assumed (green), not resolved (orange). Line: rate.'),
    rateChart(m.daily),
    h(
      'details',
      {},
      h('summary', {}, 'Resolution per day as a table'),
      table(['Day', 'Conversations', 'Confirmed', 'Assumed', 'Not resolved', 'Rate'], m.daily.map((d) => [d.date, String(d.conversations), String(d.confirmed), String(d.assumed), String(d.notResolved), percent(d.rate)]), { 'data-testid': 'daily-table' }),
    ),
    h('h3', {}, 'Handoff reasons'),
    table(['Reason', 'Handoffs'], Object.entries(m.handoffReasons).map(([reason, n]) => [reason, String(n)])),
    h('h3', {}, 'CSAT distribution (0–10)'),
    // Counts as text above each bar; a screen reader hears "8: 3 ratings" once, not the parts.
    h(
      'ul',
      { class: 'bars', 'aria-label': 'Ratings per score' },
      ...dist.map((n, score) =>
        h('li', { class: 'bar', 'data-testid': 'csat-bar' }, h('span', { 'aria-hidden': 'true' }, String(n)), h('div', { style: `height:${(n / maxDist) * 60}px`, 'aria-hidden': 'true' }), h('span', { 'aria-hidden': 'true' }, String(score)), h('span', { class: 'sr' }, `${score}: ${plural(n, 'rating')}`)),
      ),
    ),
    h('h3', {}, 'Top topics'),
    table(['Topic', 'Conversations', 'Resolved'], m.topics.map((t) => [link(t.topic, t.url), String(t.conversations), percent(t.rate)])),
    h('h3', {}, 'Low ratings (6 or less) to follow up'),
    ...(m.lowRatings.length
      ? m.lowRatings.map((l) =>
          h(
            'details',
            { class: 'card', 'data-testid': 'low-rating' },
            h('summary', {}, `${l.score}/10 · ${when(l.createdAt)}${l.comment ? ` · “${l.comment}”` : ''}${l.followedUpAt ? ' · ✓ followed up' : ''}`),
            l.email ? h('p', {}, 'Contact: ', h('a', { href: `mailto:${l.email}` }, l.email)) : h('p', { class: 'meta' }, 'No contact address left.'),
            ...l.transcript.map((t) => h('div', { class: `m ${t.role}` }, t.text)),
            l.followedUpAt
              ? ''
              : button('Mark as followed up', async () => {
                  if (await load(ctx, 'POST', `/ratings/${l.conversationId}/followed-up`)) await metricsSection(ctx, root);
                }),
          ),
        )
      : [h('p', { class: 'empty' }, 'No low ratings.')]),
  );
}

/** Ask anything and see what the bot would do, and why. */
export function playgroundSection(ctx: SectionContext, root: HTMLElement): void {
  // A real label: a placeholder is gone once typing starts, and is no name for a screen reader.
  const input = h('input', { type: 'text', id: 'playground-question', placeholder: 'Ask as a customer would…', 'data-testid': 'playground-question', required: true });
  const out = h('div', { 'data-testid': 'playground-result' });
  const form = h('form', { class: 'row' }, h('label', { for: 'playground-question' }, 'Question'), input, h('button', { class: 'primary', type: 'submit' }, 'Ask'));
  onSubmitOnce(form, async () => {
    const r = await load<{
      outcome: string;
      answer: string;
      confidence: number;
      threshold: number;
      ms: number;
      candidates: Array<SourceRef & { score: number }>;
      handoff: { reason: string; detail?: string } | null;
    }>(ctx, 'POST', '/playground', { question: input.value });
    if (!r) return;
    out.replaceChildren(
      r.handoff
        ? h('p', { 'data-testid': 'playground-handoff' }, h('strong', {}, 'Hands off to a person'), ` (${describeReason(r.handoff.reason, r.handoff.detail ?? null)}) — in a chat the bot would not answer; what it found:`)
        : '',
      h('p', {}, h('strong', {}, r.outcome === 'answer' ? 'Answers' : 'Abstains'), ` · confidence ${r.confidence.toFixed(2)} (threshold ${r.threshold.toFixed(2)}) · ${r.ms} ms`),
      h('div', { class: 'card answer' }, r.answer),
      table(['#', 'Candidate', 'Score'], r.candidates.map((c, i) => [String(i + 1), sourceView(c), c.score.toFixed(3)])),
    );
  }, 'Asking…');
  root.replaceChildren(h('h2', {}, 'Playground'), form, out);
}

import { upsertUser } from '../src/auth/users.js';
import { openBots } from '../src/cli/open-bots.js';
import { EventHub } from '../src/conversations/event-hub.js';
import { createApp } from '../src/http/create-app.js';
import { computeMetrics, urlPath, type SuiteMetrics } from './lib/metrics.js';
import { runQuestions, type EvalQuestion } from './lib/run-questions.js';
import { prepareStackFaq, type StackFaqQuery } from './stackfaq.js';

/** Train conversations after which `test` is measured (the last is "all"). */
const CHECKPOINTS = [0, 100, 300];
/** The owner reviews agents' suggestions after every this many conversations. */
const REVIEW_EVERY = 25;
/** Tuesday 24 November 2026, 08:00 in Oslo: the replay runs inside opening hours. */
const START = Date.parse('2026-11-24T07:00:00Z');
const STEP_MS = 15_000;
const AGENT_ANSWER_CHARS = 600;

export interface ReplayResults {
  curve: Array<{ conversations: number; metrics: SuiteMetrics }>;
  conversations: number;
  confirmed: number;
  /** Resolution rate the replay itself counted: confirmed / conversations. */
  replayRate: number;
  /** What the widget's badge API reported afterwards. */
  badgeRate: number | null;
  badgeText: string;
  handedOff: number;
  approved: number;
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Simulated traffic through the real HTTP API (issue 4): each StackFAQ `train` question is a
 * conversation. A right answer gets "that helped"; a wrong one "did not help" and a request for a
 * person; an abstention a request for a person. The agent answers with the expected page's text
 * and ticks "teach the bot"; the owner approves it, linking that page. `test` (and the 250
 * unanswerable questions) are measured after 0, 100, 300 and all conversations.
 */
export async function runReplay(dir: string): Promise<ReplayResults> {
  const set = await prepareStackFaq(dir, { widgetKey: 'stackfaq', resolution: { goal: 0.9, minSample: 100, windowDays: 30 } });
  try {
    const { db, bots } = await openBots({ dataDir: set.dataDir, settings: {} });
    const clock = { now: START };
    const app = createApp({ db, bots, hub: new EventHub(), now: () => new Date(clock.now), trustProxy: 1 });
    const runtime = bots.get('stackfaq')!;
    const absolute = (path: string) => new URL(path, set.baseUrl).href;

    const request = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Json> => {
      const res = await app.request(path, { method, headers: { 'content-type': 'application/json', ...headers }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      const json = (await res.json()) as Json;
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    };
    const signIn = async (email: string, role: 'agent' | 'owner') => {
      await upsertUser(db, { email, name: role, role, password: 'replay password 123' }, new Date(clock.now));
      const res = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'replay password 123' }) });
      const { csrfToken } = (await res.json()) as { csrfToken: string };
      const headers = { cookie: res.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': csrfToken };
      return (method: string, path: string, body?: unknown) => request(method, path, body, headers);
    };
    const agent = await signIn('agent@replay.example', 'agent');
    const owner = await signIn('owner@replay.example', 'owner');
    const pageText = (url: string) => {
      const text = runtime.knowledge.index.chunks.filter((c) => c.url === url).map((c) => c.text).join(' ');
      return `${text.slice(0, AGENT_ANSWER_CHARS)} (${url})`;
    };

    const test: EvalQuestion[] = [
      ...set.queries.filter((q) => q.split === 'test').map((q) => ({ id: q.id, question: q.question, expected: q.expected_url })),
      ...set.unanswerable.map((u) => ({ id: u.id, question: u.question, expected: null })),
    ];
    const measure = async () => computeMetrics(await runQuestions(test, (q, id) => runtime.ask(q).then((r) => ({ ...r, id }))));
    const pageOfConversation = new Map<string, string>();
    let approved = 0;
    const review = async () => {
      const { suggestions } = await owner('GET', '/api/knowledge/bots/stackfaq/suggestions?status=pending');
      // Approved together: they share one index rebuild.
      await Promise.all(
        (suggestions as Json[]).map((s) => owner('POST', `/api/knowledge/bots/stackfaq/suggestions/${s.id}/approve`, { url: pageOfConversation.get(s.conversationId) })),
      );
      approved += suggestions.length;
    };

    // Interleaved by rephrasing: the first 125 conversations ask about every thread once.
    const train = interleave(set.queries.filter((q) => q.split === 'train'));
    const curve: ReplayResults['curve'] = [];
    let confirmed = 0;
    let handedOff = 0;
    for (let i = 0; i <= train.length; i++) {
      if (CHECKPOINTS.includes(i) || i === train.length) {
        await review();
        curve.push({ conversations: i, metrics: await measure() });
      }
      if (i === train.length) break;
      const q = train[i]!;
      clock.now += STEP_MS;
      const visitor = { 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` };
      const started = await request('POST', '/api/widget/stackfaq/conversations', { lang: 'en', pageUrl: set.baseUrl }, visitor);
      const customer = { ...visitor, authorization: `Bearer ${started.token}` };
      const { reply, state } = await request('POST', '/api/widget/stackfaq/messages', { clientId: 'q1', text: q.question }, customer);
      const right = reply.outcome === 'answer' && urlPath(reply.sources[0].url) === urlPath(q.expected_url);
      if (reply.outcome === 'answer') await request('POST', '/api/widget/stackfaq/feedback', { seq: reply.seq, helpful: right }, customer);
      if (right) {
        confirmed++;
        continue;
      }
      handedOff++;
      if (state.status === 'bot') await request('POST', '/api/widget/stackfaq/handoff', {}, customer);
      const { waiting } = await agent('GET', '/api/agent/queue');
      const handoff = (waiting as Json[]).at(-1)!;
      const { conversationId } = await agent('POST', `/api/agent/handoffs/${handoff.handoffId}/claim`, {});
      pageOfConversation.set(conversationId, absolute(q.expected_url));
      await agent('POST', `/api/agent/conversations/${conversationId}/messages`, { clientId: 'a1', text: pageText(absolute(q.expected_url)) });
      await agent('POST', `/api/agent/conversations/${conversationId}/close`, { teach: true });
      if ((i + 1) % REVIEW_EVERY === 0) await review();
    }
    clock.now += 60 * 60_000;
    const { badge } = await request('GET', '/api/widget/stackfaq/config');
    await db.destroy();
    return { curve, conversations: train.length, confirmed, replayRate: confirmed / train.length, badgeRate: badge.rate, badgeText: badge.text, handedOff, approved };
  } finally {
    await set.close();
  }
}

function interleave(queries: StackFaqQuery[]): StackFaqQuery[] {
  const rank = (id: string) => Number(id.split('-')[1] ?? 0);
  return [...queries].sort((a, b) => rank(a.id) - rank(b.id) || (a.id < b.id ? -1 : 1));
}

import { Hono } from 'hono';
import { z } from 'zod';
import { DEFAULT_THRESHOLD } from '../answer/answer-question.js';
import type { BotRuntime, ChatDeps } from '../conversations/chat-deps.js';
import { handoffBeforeAnswer } from '../handoff/handoff-trigger.js';
import { gapQuestions } from '../learning/gap-questions.js';
import { groupGaps, type GapGroup } from '../learning/gap-groups.js';
import { namedTermsOf } from '../retrieval/named-terms.js';
import { markFollowedUp, ownerMetrics } from '../learning/owner-metrics.js';
import type { AuthEnv } from './auth-routes.js';
import { HttpError } from './http-error.js';
import { readBody } from './read-body.js';

type Env = AuthEnv & { Variables: { botId: string } };

const playgroundSchema = z.object({ question: z.string().trim().min(1).max(2000) });

/** What the owner learns from conversations: gaps, metrics, low ratings to follow up, and the playground. */
export function insightRoutes(deps: ChatDeps): Hono<Env> {
  const app = new Hono<Env>();
  const windowOf = (botId: string) => deps.bots.get(botId)!.config.resolution.windowDays;
  // Grouping 2000 gaps takes about a second of CPU (in slices, so chats go on): regroup only when
  // the bot's gaps or its index (a new one, or one that learned in place) changed since the owner last looked.
  const lastGroups = new Map<string, { index: unknown; revision: number; key: string; groups: CheckedGroup[] }>();

  app.get('/gaps', async (c) => {
    const botId = c.get('botId');
    const since = new Date(deps.now().getTime() - windowOf(botId) * 86_400_000);
    const questions = await gapQuestions(deps.db, botId, since);
    const runtime = deps.bots.get(botId)!;
    const { index } = runtime.knowledge;
    const key = questions.map((q) => `${q.id}@${q.at}`).join(',');
    const cached = lastGroups.get(botId);
    const groups = cached?.index === index && cached.revision === index.revision && cached.key === key
      ? cached.groups
      : await answeredNow(runtime, await groupGaps(questions, { namedTerms: namedTermsOf(new Set(index.chunks.map((c) => c.title))) }));
    lastGroups.set(botId, { index, revision: index.revision, key, groups });
    const handedOff = new Set(questions.filter((q) => q.handedOff).map((q) => q.id));
    return c.json({
      questions: questions.length,
      groups: groups.map((g) => ({ ...g, handedOff: g.itemIds.filter((id) => handedOff.has(id)).length })),
    });
  });

  app.get('/metrics', async (c) => {
    const botId = c.get('botId');
    return c.json(await ownerMetrics(deps.db, botId, deps.now(), { windowDays: windowOf(botId), timeZone: deps.bots.get(botId)!.config.openingHours.timezone }));
  });

  app.post('/ratings/:conversationId/followed-up', async (c) => {
    const ok = await markFollowedUp(deps.db, c.get('botId'), c.req.param('conversationId'), c.get('user').id, deps.now());
    if (!ok) throw new HttpError(404, 'NOT_FOUND', 'No rating for that conversation');
    return c.json({ ok: true });
  });

  /** Ask as a customer would, without a conversation: the outcome, confidence and every candidate with its score. */
  app.post('/playground', async (c) => {
    const body = await readBody(c, playgroundSchema);
    const runtime = deps.bots.get(c.get('botId'))!;
    const result = await runtime.ask(body.question);
    // In a chat the bot's handoff rules come first: a complaint goes to a person unanswered.
    const handoff = handoffBeforeAnswer(body.question, runtime.config, 'none');
    return c.json({ ...result, threshold: runtime.config.answerThreshold ?? DEFAULT_THRESHOLD, handoff });
  });
  return app;
}

type PageGuess = { url: string; title: string; noPage?: boolean; confidence: number };

/**
 * A gap group, and the page the bot would answer its label from now, if it would; else the page it
 * found closest (below its threshold), which the owner can confirm in one click when it does answer.
 */
type CheckedGroup = GapGroup & { answeredNow: PageGuess | null; closest: PageGuess | null };

/**
 * Asks each group's label again, offline (no LLM cost), against the current index: a gap the owner
 * has since filled (a Q&A item, a fixed page) shows so and goes below the open ones, instead of
 * staying on top of the list until its questions age out of the window.
 */
async function answeredNow(runtime: BotRuntime, groups: GapGroup[]): Promise<CheckedGroup[]> {
  const threshold = runtime.config.answerThreshold ?? DEFAULT_THRESHOLD;
  const checked: CheckedGroup[] = [];
  for (const g of groups) {
    // Hundreds of groups take a second or more: let chats be served in between.
    await new Promise((resolve) => setImmediate(resolve));
    const r = await runtime.suggest(g.label);
    const top = r.sources[0] && { ...r.sources[0], confidence: r.confidence };
    const answered = top !== undefined && top.confidence >= threshold;
    checked.push({ ...g, answeredNow: answered ? top : null, closest: answered ? null : (top ?? null) });
  }
  // Stable: within open and within filled gaps, the grouping's order (largest, most recent first).
  return [...checked.filter((g) => !g.answeredNow), ...checked.filter((g) => g.answeredNow)];
}


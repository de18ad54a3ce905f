import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { z } from 'zod';
import { LaerlingError } from '../errors.js';
import { answerLanguage, detectLanguage, plainLanguage } from '../ingest/detect-language.js';
import { createAnalyzer, type Analyzer } from '../retrieval/analyze-text.js';
import type { PageHit } from '../retrieval/types.js';
import { composeExtractive } from './compose-extractive.js';
import { composeWithLlm } from './compose-llm.js';
import { decide, DEFAULT_THRESHOLD, type Decision } from './decide.js';
import { focusOn, isFollowUp, withTopic } from './follow-up.js';
import { messagesFor, type AnswerLang } from './messages.js';
import type { AnswerResult, Candidate, Source } from './types.js';

export { DEFAULT_THRESHOLD } from './decide.js';

/** Pages retrieved per question: the candidates listed, and what the composer may draw on. */
export const DEFAULT_K = 8;

/**
 * With a language model, questions this far below the threshold still go to it: the model reads
 * the passages and replies NO_ANSWER when they don't answer, which the offline composer cannot.
 * The reported confidence stays the retrieval confidence either way.
 */
export const LLM_MARGIN = 0.1;

export const MAX_QUESTION_CHARS = 2000;

const questionSchema = z.string().trim().min(1, 'The question is empty').max(MAX_QUESTION_CHARS, `The question is longer than ${MAX_QUESTION_CHARS} characters`);

/** What answering needs from the outside. */
export interface AnswerDeps {
  search: (question: string, k: number) => Promise<PageHit[]>;
  threshold?: number;
  k?: number;
  /** When given, answers are written by the model (grounded in the retrieved pages) and streamed. */
  model?: BaseChatModel;
  llmTimeoutMs?: number;
  /** Receives the model's tokens as they arrive; offline answers are not streamed. */
  onToken?: (token: string) => void;
  /** Milliseconds from any fixed origin; performance.now by default. */
  now?: () => number;
  /** Reuse one analyzer across questions to keep its stemming cache warm. */
  analyzer?: Analyzer;
  /** The conversation's language: the answer's when the question is too short to tell ("Apple Watch eSIM"). */
  lang?: AnswerLang;
  /** The conversation's previous question: what a follow-up ("hva koster det?") is about. */
  topic?: string;
}

/** The outcome of answering one question, with why, for logs and the playground. */
export type AnswerQuestionResult = AnswerResult & {
  ms: number;
  reason: Decision['reason'] | 'llm_abstained' | 'llm_failed' | 'nothing_to_quote' | 'needs_context';
  /** What was searched when the question was a follow-up: the topic question, then this one. */
  asked?: string;
};

/** Retrieve, decide and compose: answer briefly with sources, or abstain with a kind message. */
export async function answerQuestion(question: string, deps: AnswerDeps): Promise<AnswerQuestionResult> {
  const now = deps.now ?? (() => performance.now());
  const start = now();
  const parsed = questionSchema.safeParse(question);
  if (!parsed.success) throw new LaerlingError('INVALID_INPUT', parsed.error.issues[0]?.message ?? 'Invalid question');
  const q = parsed.data;
  const lang = deps.lang !== undefined && plainLanguage(q) === undefined ? deps.lang : answerLanguage(detectLanguage(q));
  const analyzer = deps.analyzer ?? createAnalyzer();
  const threshold = deps.threshold ?? DEFAULT_THRESHOLD;

  // A follow-up is searched together with the question it continues. Without one, it names no
  // topic, and its few words ("koster", "lang tid") would match some page confidently: the bot
  // asks what it is about instead (the candidates are still listed, as for any abstention).
  const topic = deps.topic?.trim() || undefined;
  const followUp = isFollowUp(q, analyzer, { afterQuestion: topic !== undefined });
  const asked = followUp && topic ? withTopic(q, topic) : q;
  const found = await deps.search(asked, deps.k ?? DEFAULT_K);
  const pages = asked !== q ? focusOn(found, q, analyzer) : found;
  const decision = decide(pages, asked, { threshold, analyzer });
  // Marked here, once, whichever composer picked the sources: a Q&A item without a page is named
  // by its made-up URL, and nobody downstream should offer that URL as a link.
  const pageless = new Set(pages.filter((p) => p.best.chunk.noPage).map((p) => p.url));
  const flag = <T extends Source>(s: T): T => (pageless.has(s.url) ? { ...s, noPage: true } : s);
  const base = { candidates: pages.map(toCandidate).map(flag), confidence: round(decision.confidence, 4), lang };
  const finish = (r: Omit<AnswerQuestionResult, 'ms' | keyof typeof base>): AnswerQuestionResult => ({
    ...r,
    sources: r.sources.map(flag),
    ...base,
    ...(asked !== q ? { asked } : {}),
    ms: round(Math.max(0, now() - start), 2),
  });

  if (followUp && !topic) return finish({ ...abstain(lang, 'needs_context'), answer: messagesFor(lang).unclear });
  // An owner's Q&A answer (or an approved agent's) is returned as written, model or not: it was
  // worded on purpose, and a model's paraphrase can drift from it.
  const best = pages[0]?.best.chunk;
  const asWritten = decision.outcome === 'answer' && best?.kind === 'qa' && answerLanguage(best.lang) === lang;
  if (deps.model && !asWritten && pages.length > 0 && decision.confidence >= threshold - LLM_MARGIN) {
    return finish(await composeByModel(asked, lang, pages, deps.model, deps));
  }
  if (decision.outcome === 'abstain') return finish(abstain(lang, decision.reason));
  // The pages were found with the topic; what to quote from them is what the follow-up asks
  // ("og for Samsung?" wants the Samsung steps, not the topic's Apple ones) when it says anything.
  const quoteFor = asked !== q && analyzer.contentWords(q).length > 0 ? q : asked;
  const composed = composeExtractive(quoteFor, pages, lang, { analyzer });
  if (!composed.answer) return finish(abstain(lang, 'nothing_to_quote'));
  return finish({ outcome: 'answer', answer: composed.answer, sources: composed.sources, reason: 'confident' });
}

type Composed = Pick<AnswerQuestionResult, 'outcome' | 'answer' | 'sources' | 'reason'>;

async function composeByModel(q: string, lang: AnswerLang, pages: PageHit[], model: BaseChatModel, deps: AnswerDeps): Promise<Composed> {
  let r: Awaited<ReturnType<typeof composeWithLlm>>;
  try {
    r = await composeWithLlm({ question: q, lang, pages, model, timeoutMs: deps.llmTimeoutMs, onToken: deps.onToken });
  } catch {
    r = { outcome: 'abstain', answer: '', sources: [], reason: 'error' };
  }
  if (r.outcome === 'answer' && r.answer.trim()) {
    return { outcome: 'answer', answer: r.answer.trim(), sources: r.sources, reason: 'confident' };
  }
  // A model that is down or slow is our failure, not a gap in the knowledge: say so, and offer a person.
  if (r.reason === 'timeout' || r.reason === 'error') return { ...abstain(lang, 'llm_failed'), answer: messagesFor(lang).llmFailed };
  return abstain(lang, 'llm_abstained');
}

function abstain(lang: AnswerLang, reason: Composed['reason']): Composed {
  return { outcome: 'abstain', answer: messagesFor(lang).abstain, sources: [] as Source[], reason };
}

function toCandidate(p: PageHit): Candidate {
  return { url: p.url, title: p.title, score: round(p.score, 4) };
}

function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

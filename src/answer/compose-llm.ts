import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { BaseMessageChunk } from '@langchain/core/messages';
import type { PageHit } from '../retrieval/types.js';
import { buildGroundedPrompt, selectPassages } from './grounded-prompt.js';
import { createEchoGuard, createNoAnswerGate, isNoAnswer } from './llm-output.js';
import { createAnswerSanitizer } from './strip-links.js';
import type { Source } from './types.js';
import { untilAborted } from './until-aborted.js';
import { redactPii } from '../privacy/redact.js';

export interface ComposeWithLlmArgs {
  question: string;
  lang: 'nb' | 'en';
  /** Retrieved pages, best first; their best chunks become the numbered passages. */
  pages: PageHit[];
  model: BaseChatModel;
  /** Deadline for the whole answer, first token to last. */
  timeoutMs?: number;
  /**
   * Receives the answer as it streams, already sanitised. It is a draft: when the result is
   * 'abstain' the caller replaces what was shown with its abstention message.
   */
  onToken?: (text: string) => void;
  /** Cancels the request (e.g. the customer left); the result is then 'abstain' / 'aborted'. */
  signal?: AbortSignal;
  maxPassages?: number;
}

/**
 * Why the model's output was not used: it said NO_ANSWER, cited no passage, repeated its rules
 * ('unsafe'), ran past the deadline, failed (HTTP 4xx/5xx, network, malformed stream), or the
 * caller cancelled.
 */
export type LlmAbstainReason = 'no_answer' | 'uncited' | 'unsafe' | 'timeout' | 'error' | 'aborted';

export interface ComposeWithLlmResult {
  outcome: 'answer' | 'abstain';
  /** Plain text; `[k]` refers to sources[k-1]. Empty when abstaining. */
  answer: string;
  /** Cited (or linked) passages' pages, deduplicated, in the order the answer refers to them. */
  sources: Source[];
  reason?: LlmAbstainReason;
  /** For logs and the playground: the error behind 'error' or 'timeout'. */
  detail?: string;
}

const DEFAULTS = { timeoutMs: 20_000, maxPassages: 5 } as const;

class Deadline extends Error {}

/** Answer from the retrieved passages with a chat model, streaming a sanitised draft, or abstain. */
export async function composeWithLlm(args: ComposeWithLlmArgs): Promise<ComposeWithLlmResult> {
  const passages = selectPassages(args.pages, args.maxPassages ?? DEFAULTS.maxPassages);
  if (passages.length === 0) return abstain('no_answer');
  if (args.signal?.aborted) return abstain('aborted');
  // Customers paste phone numbers, e-mails and national ids: none of it needs to reach the model.
  const prompt = buildGroundedPrompt({ question: redactPii(args.question).text, lang: args.lang, passages });
  const pipeline = createOutputPipeline(prompt.system, passages, args.onToken);

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Deadline()), args.timeoutMs ?? DEFAULTS.timeoutMs);
  const cancel = (): void => controller.abort(args.signal?.reason);
  args.signal?.addEventListener('abort', cancel, { once: true });
  try {
    const stream = await untilAborted(args.model.stream(prompt.messages, { signal: controller.signal }), controller.signal);
    const chunks = stream[Symbol.asyncIterator]();
    for (;;) {
      const next = await untilAborted(chunks.next(), controller.signal);
      if (next.done) break;
      if (!pipeline.push(chunkText(next.value))) {
        // Enough is known (NO_ANSWER or an echo): stop paying for tokens nobody will see.
        controller.abort(new Error('output refused'));
        void chunks.return?.().catch(() => undefined);
        break;
      }
    }
  } catch (error) {
    if (!pipeline.refused()) return failure(error, controller.signal, args.signal);
  } finally {
    clearTimeout(timer);
    args.signal?.removeEventListener('abort', cancel);
  }
  return pipeline.finish();
}

interface OutputPipeline {
  /** False once the output must not be shown any further. */
  push(raw: string): boolean;
  refused(): boolean;
  finish(): ComposeWithLlmResult;
}

// raw tokens → NO_ANSWER gate → link/citation sanitiser → echo guard → customer.
function createOutputPipeline(system: string, passages: ReturnType<typeof selectPassages>, onToken?: (t: string) => void): OutputPipeline {
  const gate = createNoAnswerGate();
  const sanitizer = createAnswerSanitizer(passages);
  const guard = createEchoGuard(system);
  let raw = '';
  let shown = '';
  const show = (text: string): void => {
    const safe = guard.push(sanitizer.push(text));
    shown += safe;
    if (safe) onToken?.(safe);
  };
  const refused = (): boolean => gate.state === 'no_answer' || guard.leaked;
  return {
    push(token) {
      raw += token;
      show(gate.push(token));
      return !refused();
    },
    refused,
    finish() {
      if (!refused()) {
        show(gate.end());
        const rest = guard.push(sanitizer.end()) + guard.end();
        shown += rest;
        if (rest) onToken?.(rest);
      }
      if (guard.leaked) return abstain('unsafe');
      if (gate.state === 'no_answer' || isNoAnswer(raw)) return abstain('no_answer');
      if (sanitizer.citations === 0) return abstain('uncited');
      return { outcome: 'answer', answer: tidy(shown), sources: [...sanitizer.sources] };
    },
  };
}

function abstain(reason: LlmAbstainReason, detail?: string): ComposeWithLlmResult {
  return { outcome: 'abstain', answer: '', sources: [], reason, ...(detail ? { detail } : {}) };
}

function failure(error: unknown, ours: AbortSignal, theirs?: AbortSignal): ComposeWithLlmResult {
  if (ours.reason instanceof Deadline) return abstain('timeout', 'The model did not finish before the deadline');
  if (theirs?.aborted) return abstain('aborted');
  return abstain('error', error instanceof Error ? error.message : String(error));
}

function chunkText(chunk: BaseMessageChunk): string {
  return typeof chunk.content === 'string' ? chunk.content : chunk.text;
}

// Only a space before punctuation that ends a word goes: closing "https ://evil.example" or
// "https://source.example .evil.example" up would make links the sanitiser never saw.
function tidy(text: string): string {
  return text
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/ +([.,;:!?]+)(?=\s|$)/g, '$1')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

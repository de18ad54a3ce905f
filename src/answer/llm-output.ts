/** The sentinel the grounded prompt asks for when the context does not answer the question. */
export const NO_ANSWER = 'NO_ANSWER';

const NO_ANSWER_SPELLINGS = ['no_answer', 'no answer', 'no-answer', 'noanswer'];
// Models sometimes dress the sentinel up as **NO_ANSWER**, `NO_ANSWER` or "NO_ANSWER".
const DECORATION = /^[\s*_`"'“”«»]+/;

/** Whether a complete output is (or contains) the NO_ANSWER sentinel. */
export function isNoAnswer(output: string): boolean {
  const head = output.replace(DECORATION, '').toLowerCase();
  return NO_ANSWER_SPELLINGS.some((s) => head.startsWith(s)) || /\bNO_ANSWER\b/.test(output);
}

/**
 * Holds the start of the output back only while it could still become NO_ANSWER, so the
 * sentinel never reaches the customer while any real first token passes at once.
 */
export interface NoAnswerGate {
  push(raw: string): string;
  end(): string;
  readonly state: 'deciding' | 'open' | 'no_answer';
}

/** A gate for one output stream (see NoAnswerGate). */
export function createNoAnswerGate(): NoAnswerGate {
  let held = '';
  let state: NoAnswerGate['state'] = 'deciding';
  return {
    push(raw) {
      if (state === 'open') return raw;
      if (state === 'no_answer') return '';
      held += raw;
      const head = held.replace(DECORATION, '').toLowerCase();
      if (NO_ANSWER_SPELLINGS.some((s) => head.startsWith(s))) state = 'no_answer';
      else if (!head || NO_ANSWER_SPELLINGS.some((s) => s.startsWith(head))) return '';
      else state = 'open';
      const released = state === 'open' ? held : '';
      held = '';
      return released;
    },
    end() {
      const released = state === 'deciding' ? held : '';
      held = '';
      if (state === 'deciding') state = 'open';
      return released;
    },
    get state() {
      return state;
    },
  };
}

/** Thresholds in letters of overlap with the protected text (see EchoGuard). */
export interface EchoGuardOptions {
  /** From this long a run is held back until it either diverges or proves to be an echo. */
  holdAt: number;
  /** From this long a run counts as an echo: nothing more is released. */
  refuseAt: number;
}

// 40 letters is seven or eight words of the rules in a row: more than an answer shares with
// them by chance, and less than any one rule.
const ECHO_DEFAULTS: EchoGuardOptions = { holdAt: 16, refuseAt: 40 };

/**
 * Stops output that repeats the system prompt. It tracks the longest tail of the output whose
 * letters, case folded, appear in a row in the prompt's. Comparing letters only means that
 * citations, punctuation, spacing and markup slipped in every few words ("… passages [1] inside
 * the context [1] block …") do not break the run. Ordinary answers share only short runs with the
 * rules and pass without delay, a growing run is held back, and a long one trips the guard.
 */
export interface EchoGuard {
  push(text: string): string;
  end(): string;
  readonly leaked: boolean;
}

/** An echo guard protecting `secret` (see EchoGuard). */
export function createEchoGuard(secret: string, options: Partial<EchoGuardOptions> = {}): EchoGuard {
  const { holdAt, refuseAt } = { ...ECHO_DEFAULTS, ...options };
  const haystack = letters(secret);
  let text = '';
  let released = 0;
  let runStart = 0;
  let run = '';
  let leaked = false;
  return {
    push(chunk) {
      if (leaked) return '';
      text += chunk;
      run += letters(chunk);
      while (!haystack.includes(run)) run = letters(text.slice(++runStart));
      if (run.length >= refuseAt) {
        leaked = true;
        return '';
      }
      // Spaces and punctuation before the run's first letter are no part of it.
      const safeEnd = run.length >= holdAt ? runStart + text.slice(runStart).search(/\p{L}/u) : text.length;
      const out = safeEnd > released ? text.slice(released, safeEnd) : '';
      released = Math.max(released, safeEnd);
      return out;
    },
    end() {
      if (leaked) return '';
      const out = text.slice(released);
      released = text.length;
      return out;
    },
    get leaked() {
      return leaked;
    },
  };
}

function letters(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[^\p{L}]+/gu, '');
}

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

/** Thresholds in normalised characters of verbatim overlap with the protected text. */
export interface EchoGuardOptions {
  /** From this long a run is held back until it either diverges or proves to be an echo. */
  holdAt: number;
  /** From this long a run counts as an echo: nothing more is released. */
  refuseAt: number;
}

const ECHO_DEFAULTS: EchoGuardOptions = { holdAt: 20, refuseAt: 50 };

/**
 * Stops output that repeats the system prompt. It tracks the longest tail of the output that
 * appears verbatim (case and spacing aside) in the prompt; ordinary answers share only short
 * runs with it and pass without delay, a growing run is held back, and a long one trips it.
 */
export interface EchoGuard {
  push(text: string): string;
  end(): string;
  readonly leaked: boolean;
}

/** An echo guard protecting `secret` (see EchoGuard). */
export function createEchoGuard(secret: string, options: Partial<EchoGuardOptions> = {}): EchoGuard {
  const { holdAt, refuseAt } = { ...ECHO_DEFAULTS, ...options };
  const haystack = normalise(secret);
  let text = '';
  let released = 0;
  let runStart = 0;
  let leaked = false;
  return {
    push(chunk) {
      if (leaked) return '';
      text += chunk;
      while (runStart < text.length && !haystack.includes(normalise(text.slice(runStart)))) runStart++;
      const run = normalise(text.slice(runStart)).length;
      if (run >= refuseAt) {
        leaked = true;
        return '';
      }
      const safeEnd = run >= holdAt ? runStart : text.length;
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

function normalise(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ');
}

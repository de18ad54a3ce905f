/**
 * Politeness per host: at most N requests in flight to one host, and at least `delayMs`
 * between the starts of two requests to it.
 */

export interface HostLimiter {
  /**
   * Run `task` when the host has a free slot and the politeness delay has passed: `delayMs`, or
   * `minDelayMs` when longer (the host's robots.txt Crawl-delay).
   */
  run<T>(host: string, task: () => Promise<T>, minDelayMs?: number): Promise<T>;
}

export interface HostLimiterOptions {
  concurrency: number;
  delayMs: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

interface HostState {
  active: number;
  lastStart: number;
  waiting: (() => void)[];
}

/** Create a limiter; each host gets its own queue. */
export function createHostLimiter(options: HostLimiterOptions): HostLimiter {
  const concurrency = Math.max(1, Math.floor(options.concurrency));
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const hosts = new Map<string, HostState>();

  const stateOf = (host: string): HostState => {
    let state = hosts.get(host);
    if (!state) {
      state = { active: 0, lastStart: -Infinity, waiting: [] };
      hosts.set(host, state);
    }
    return state;
  };

  const acquire = async (state: HostState, delayMs: number): Promise<void> => {
    while (state.active >= concurrency) await new Promise<void>((resolve) => state.waiting.push(resolve));
    state.active++;
    // Reserve our start time before sleeping so concurrent starters space out behind us.
    const start = Math.max(now(), state.lastStart + delayMs);
    state.lastStart = start;
    const wait = start - now();
    if (wait > 0) await sleep(wait);
  };

  const release = (state: HostState): void => {
    state.active--;
    state.waiting.shift()?.();
  };

  return {
    async run(host, task, minDelayMs = 0) {
      const state = stateOf(host);
      await acquire(state, Math.max(options.delayMs, minDelayMs));
      try {
        return await task();
      } finally {
        release(state);
      }
    },
  };
}

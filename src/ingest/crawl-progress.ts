/**
 * The crawl's live progress: a snapshot type for `onProgress` and a terminal line that
 * redraws itself on a TTY and prints a line every few seconds into logs.
 */

export interface CrawlProgress {
  /** Pages fetched with content. */
  indexed: number;
  /** Pages the server said are unchanged (304). */
  unchanged: number;
  skipped: number;
  failed: number;
  /** URLs waiting to be fetched. */
  queued: number;
  inFlight: number;
  elapsedMs: number;
  /** (indexed + unchanged) per second since the start. */
  pagesPerSecond: number;
}

/** Where the line goes: a Node stream, or anything with write() and a TTY flag. */
export interface ProgressOutput {
  write: (text: string) => unknown;
  isTTY?: boolean;
  isTty?: boolean;
}

export interface ProgressLine {
  /** Show a new snapshot (redrawn on a TTY; printed every `logEveryMs` otherwise). */
  update: (progress: CrawlProgress) => void;
  /** Finish: print the last snapshot and end the line. */
  done: () => void;
}

/** One human-readable line for a progress snapshot. */
export function formatProgress(p: CrawlProgress): string {
  const done = p.indexed + p.unchanged;
  const rate = p.pagesPerSecond.toFixed(1);
  return `crawl: ${done} done (${p.unchanged} unchanged), ${p.queued + p.inFlight} queued, ${p.skipped} skipped, ${p.failed} failed, ${rate} pages/s`;
}

/** Create a progress line on a stream: `\r` redraws on a TTY, a line every few seconds otherwise. */
export function createProgressLine(
  out: ProgressOutput,
  options: { logEveryMs?: number; now?: () => number } = {},
): ProgressLine {
  const tty = out.isTTY ?? out.isTty ?? false;
  const logEveryMs = options.logEveryMs ?? 5_000;
  const now = options.now ?? Date.now;
  let last: CrawlProgress | undefined;
  let shown: CrawlProgress | undefined;
  let lastPrinted = -Infinity;
  let drawn = false;

  const print = (p: CrawlProgress): void => {
    if (tty) {
      out.write(`\r${formatProgress(p)}\x1b[K`);
      drawn = true;
    } else {
      out.write(`${formatProgress(p)}\n`);
    }
    shown = p;
    lastPrinted = now();
  };

  return {
    update(progress) {
      last = progress;
      // Even a TTY gets at most ~10 redraws a second; fast local crawls would flicker.
      const every = tty ? 100 : logEveryMs;
      if (now() - lastPrinted >= every) print(progress);
    },
    done() {
      if (last && last !== shown) print(last);
      if (drawn) out.write('\n');
    },
  };
}

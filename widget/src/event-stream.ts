import { createSseParser, type SseEvent } from './sse-parser.js';

/** No bytes for this long (heartbeats come every 15 s) means the connection is dead. */
const SILENCE_MS = 35_000;

/**
 * The conversation's event stream over fetch (so the bearer token goes in a header, not the URL),
 * reconnecting with backoff after errors, close or silence, always resuming after the last
 * message id seen: the server then sends exactly the messages missed.
 */
export function openEventStream(opts: {
  url: string;
  token: () => string | null;
  lastId: () => number;
  onEvent: (e: SseEvent) => void;
  onStatus: (connected: boolean) => void;
}): { close: () => void; reconnectNow: () => void } {
  let stopped = false;
  let controller: AbortController | null = null;
  let attempt = 0;
  let wake: (() => void) | null = null;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const loop = async () => {
    while (!stopped) {
      const token = opts.token();
      if (!token) return;
      controller = new AbortController();
      let silence = setTimeout(() => controller?.abort(), SILENCE_MS);
      try {
        const res = await fetch(opts.url, {
          headers: { authorization: `Bearer ${token}`, 'last-event-id': String(opts.lastId()), accept: 'text/event-stream' },
          signal: controller.signal,
          cache: 'no-store',
        });
        if (res.status === 404) return; // the conversation is gone; the element starts a new one on the next message
        if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
        opts.onStatus(true);
        attempt = 0;
        const reader = res.body.getReader();
        const decoder = new TextDecoder();
        const parse = createSseParser();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          clearTimeout(silence);
          silence = setTimeout(() => controller?.abort(), SILENCE_MS);
          for (const e of parse(decoder.decode(value, { stream: true }))) opts.onEvent(e);
        }
      } catch {
        // network error, abort or silence: reconnect below
      } finally {
        clearTimeout(silence);
      }
      if (stopped) return;
      opts.onStatus(false);
      attempt++;
      await sleep(Math.min(15_000, 500 * 2 ** Math.min(attempt, 5)) * (0.75 + Math.random() / 2));
    }
  };
  void loop();
  return {
    close() {
      stopped = true;
      controller?.abort();
      wake?.();
    },
    reconnectNow() {
      attempt = 0;
      wake?.();
    },
  };
}

import type { Context } from 'hono';
import type { EventHub } from '../conversations/event-hub.js';
import { HEARTBEAT_MS, sse } from './conversation-stream.js';

/**
 * Transient hub events of some channels as one SSE stream (queue changes, crawl progress): sent
 * in order, with heartbeats, until the client goes away; `onOpen` returns the cleanup to run then.
 */
export function streamHubEvents(c: Context, hub: EventHub, opts: { channels: string[]; event: string; hello?: unknown; onOpen?: () => () => void }) {
  return sse(c, async (stream) => {
    const close = opts.onOpen?.();
    let chain = Promise.resolve();
    const push = (data: unknown) => {
      chain = chain.then(() => stream.writeSSE({ event: opts.event, data: JSON.stringify(data) })).catch(() => undefined);
    };
    const unsubscribes = opts.channels.map((id) => hub.subscribe(id, (e) => push(e.data)));
    const heartbeat = setInterval(() => {
      chain = chain.then(() => stream.write(': ping\n\n').then(() => undefined)).catch(() => undefined);
    }, HEARTBEAT_MS);
    if (opts.hello !== undefined) push(opts.hello);
    await new Promise<void>((resolve) =>
      stream.onAbort(() => {
        unsubscribes.forEach((u) => u());
        clearInterval(heartbeat);
        close?.();
        resolve();
      }),
    );
  });
}

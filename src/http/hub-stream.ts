import type { Context } from 'hono';
import type { EventHub } from '../conversations/event-hub.js';
import { HEARTBEAT_MS, sse } from './conversation-stream.js';

/**
 * Transient hub events of some channels as one SSE stream (queue changes, crawl progress): sent
 * in order, with heartbeats, until the client goes away; `onOpen` returns the cleanup to run then.
 * `alive` is asked before each event and heartbeat: a signed-in user's stream ends with their
 * session (a reset password, a disabled user), not only when the browser closes it.
 */
export function streamHubEvents(c: Context, hub: EventHub, opts: { channels: string[]; event: string; hello?: unknown; onOpen?: () => () => void; alive?: () => Promise<boolean> }) {
  return sse(c, async (stream) => {
    const close = opts.onOpen?.();
    let finish: () => void = () => undefined;
    const ended = new Promise<void>((resolve) => {
      let done = false;
      finish = () => {
        if (done) return;
        done = true;
        unsubscribes.forEach((u) => u());
        clearInterval(heartbeat);
        close?.();
        resolve();
      };
    });
    let chain = Promise.resolve();
    const send = (write: () => Promise<unknown>) => {
      chain = chain
        .then(async () => {
          if (opts.alive && !(await opts.alive())) return finish();
          await write();
        })
        .catch(() => undefined);
    };
    const push = (data: unknown) => send(() => stream.writeSSE({ event: opts.event, data: JSON.stringify(data) }));
    const unsubscribes = opts.channels.map((id) => hub.subscribe(id, (e) => push(e.data)));
    const heartbeat = setInterval(() => send(() => stream.write(': ping\n\n')), HEARTBEAT_MS);
    if (opts.hello !== undefined) push(opts.hello);
    stream.onAbort(finish);
    await ended;
  });
}

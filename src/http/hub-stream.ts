import type { Context } from 'hono';
import type { EventHub } from '../conversations/event-hub.js';
import { serialStream } from './serial-stream.js';

/**
 * Transient hub events of some channels as one SSE stream (queue changes, crawl progress), sent in
 * order until the client goes away or `alive` says the session ended; `onOpen` returns the cleanup
 * to run then.
 */
export function streamHubEvents(c: Context, hub: EventHub, opts: { channels: string[]; event: string; hello?: unknown; onOpen?: () => () => void; alive?: () => Promise<boolean> }) {
  return serialStream(c, {
    alive: opts.alive,
    open: (send) => {
      const close = opts.onOpen?.();
      const push = (data: unknown) => send((stream) => stream.writeSSE({ event: opts.event, data: JSON.stringify(data) }));
      const unsubscribes = opts.channels.map((id) => hub.subscribe(id, (e) => push(e.data)));
      if (opts.hello !== undefined) push(opts.hello);
      return () => {
        unsubscribes.forEach((u) => u());
        close?.();
      };
    },
  });
}

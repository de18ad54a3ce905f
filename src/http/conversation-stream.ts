import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { EventHub, HubEvent } from '../conversations/event-hub.js';
import type { Message } from '../protocol/widget-api.js';

/** How often an idle stream gets a comment line, so proxies and the widget know it is alive. */
export const HEARTBEAT_MS = 15_000;

/**
 * Hono's streamSSE with the header that stops nginx (and proxies that honour it) from buffering
 * the stream: behind a default nginx, agent replies would otherwise arrive in bursts, late.
 */
export function sse(c: Context, run: Parameters<typeof streamSSE>[1]): Response {
  c.header('X-Accel-Buffering', 'no');
  return streamSSE(c, run);
}

/**
 * Stream a conversation as Server-Sent Events, resuming after `after` (the Last-Event-ID).
 * Message events are never forwarded from the hub as they are: a hub event only wakes the stream,
 * which then reads every stored message after the last one it sent, in order. So two messages
 * published out of order, or one published while the backlog was loading, can neither be lost
 * nor sent twice; transient events (typing, state, delta) pass straight through. State events
 * have no id and are not replayed, so `state`, when given, is sent after the backlog on every
 * (re)connect: a widget that was away while its chat was claimed or closed shows where it stands.
 */
export function streamConversation(
  c: Context,
  opts: {
    hub: EventHub;
    channel: string;
    after: number;
    load: (after: number) => Promise<Message[]>;
    state?: () => Promise<unknown>;
    heartbeatMs?: number;
    /** Called once when the client goes away, e.g. to give back the stream's slot. */
    onClose?: () => void;
  },
): Response {
  return sse(c, async (stream) => {
    let last = opts.after;
    let chain: Promise<void> = Promise.resolve();
    let wanted = true;
    let closed = false;
    const enqueue = (job: () => Promise<void>) => {
      chain = chain.then(job).catch(() => {
        closed = true;
      });
    };
    const catchUp = async () => {
      if (!wanted || closed) return;
      wanted = false;
      for (const message of await opts.load(last)) {
        if (message.seq <= last) continue;
        last = message.seq;
        await stream.writeSSE({ event: 'message', id: String(message.seq), data: JSON.stringify(message) });
      }
    };
    const unsubscribe = opts.hub.subscribe(opts.channel, (e: HubEvent) => {
      if (e.seq !== undefined) {
        wanted = true;
        enqueue(catchUp);
      } else {
        enqueue(() => stream.writeSSE({ event: e.event, data: JSON.stringify(e.data) }));
      }
    });
    const heartbeat = setInterval(() => enqueue(() => stream.write(': ping\n\n').then(() => undefined)), opts.heartbeatMs ?? HEARTBEAT_MS);
    enqueue(() => stream.write('retry: 2000\n\n').then(() => undefined));
    enqueue(catchUp);
    const { state } = opts;
    if (state) enqueue(async () => stream.writeSSE({ event: 'state', data: JSON.stringify(await state()) }));
    await new Promise<void>((resolve) => {
      stream.onAbort(() => {
        closed = true;
        unsubscribe();
        clearInterval(heartbeat);
        opts.onClose?.();
        resolve();
      });
    });
  });
}

/** The id to resume after: the Last-Event-ID header (set by EventSource on reconnect), else ?after=. */
export function resumeAfter(c: Context): number {
  const raw = c.req.header('last-event-id') ?? c.req.query('after') ?? '0';
  const n = Number(raw);
  return Number.isSafeInteger(n) && n >= 0 ? n : 0;
}

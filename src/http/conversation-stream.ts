import type { Context } from 'hono';
import type { ChatDeps } from '../conversations/chat-deps.js';
import { conversationState } from '../conversations/conversation-state.js';
import { getConversation, listMessages, toMessage } from '../conversations/conversation-store.js';
import type { EventHub, HubEvent } from '../conversations/event-hub.js';
import type { Message } from '../protocol/widget-api.js';
import { serialStream, type StreamWrite } from './serial-stream.js';

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
    /** Asked before every write: false ends the stream (an agent's session that ended). */
    alive?: () => Promise<boolean>;
    /** Called once when the stream ends, e.g. to give back the stream's slot. */
    onClose?: () => void;
  },
): Response {
  return serialStream(c, {
    heartbeatMs: opts.heartbeatMs,
    alive: opts.alive,
    open: (send) => {
      let last = opts.after;
      let wanted = true;
      const catchUp: StreamWrite = async (stream) => {
        if (!wanted) return;
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
          send(catchUp);
        } else {
          send((stream) => stream.writeSSE({ event: e.event, data: JSON.stringify(e.data) }));
        }
      });
      send((stream) => stream.write('retry: 2000\n\n'));
      send(catchUp);
      const { state } = opts;
      if (state) send(async (stream) => stream.writeSSE({ event: 'state', data: JSON.stringify(await state()) }));
      return () => {
        unsubscribe();
        opts.onClose?.();
      };
    },
  });
}

/** The id to resume after: the Last-Event-ID header (set by EventSource on reconnect), else ?after=. */
export function resumeAfter(c: Context): number {
  const raw = c.req.header('last-event-id') ?? c.req.query('after') ?? '0';
  const n = Number(raw);
  return Number.isSafeInteger(n) && n >= 0 ? n : 0;
}

/** What streamConversation reads for one stored conversation: its channel, messages and state. */
export function conversationFeed(deps: ChatDeps, id: string): Pick<Parameters<typeof streamConversation>[1], 'hub' | 'channel' | 'load' | 'state'> {
  return {
    hub: deps.hub,
    channel: id,
    load: async (after) => (await listMessages(deps.db, id, after)).map(toMessage),
    state: async () => conversationState(deps, (await getConversation(deps.db, id))!),
  };
}

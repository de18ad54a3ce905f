/** A published event: `seq` is set for stored messages (their SSE id) and absent for transient ones. */
export interface HubEvent {
  event: string;
  data: unknown;
  seq?: number;
}

type Listener = (e: HubEvent) => void;

/**
 * In-process pub/sub keyed by channel (a conversation id, or `queue:<botId>` for agents). Events
 * are published only after the database commit, so a listener never sees something a reload
 * would not find. One process holds the listeners; several processes would need a broker
 * (PostgreSQL LISTEN/NOTIFY), see docs/storage.md.
 */
export class EventHub {
  private readonly channels = new Map<string, Set<Listener>>();

  /** Listen on a channel; returns the function that stops listening. */
  subscribe(channel: string, listener: Listener): () => void {
    let set = this.channels.get(channel);
    if (!set) this.channels.set(channel, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.channels.get(channel) === set) this.channels.delete(channel);
    };
  }

  /** Deliver an event to every current listener of the channel. */
  publish(channel: string, event: HubEvent): void {
    for (const listener of this.channels.get(channel) ?? []) listener(event);
  }

  /** How many listeners a channel has (for tests and metrics). */
  listenerCount(channel?: string): number {
    if (channel !== undefined) return this.channels.get(channel)?.size ?? 0;
    let n = 0;
    for (const set of this.channels.values()) n += set.size;
    return n;
  }
}

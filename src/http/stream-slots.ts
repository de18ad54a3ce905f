import { HttpError } from './http-error.js';

/** How many event streams may be open at once per conversation and per client address. */
export interface StreamCaps {
  perConversation: number;
  perAddress: number;
}

/**
 * Counts open event streams by conversation and by client address. A rate limit does not bound
 * them: each stream is one request that then stays open, holding a socket, a hub listener and a
 * heartbeat timer, so a few hundred requests from one address could hold hundreds of them.
 */
export class StreamSlots {
  private readonly byConversation = new Map<string, number>();
  private readonly byAddress = new Map<string, number>();

  constructor(private readonly caps: StreamCaps) {}

  /** Take a slot for one stream, or throw a 429; returns the function that gives it back (once). */
  open(conversationId: string, address: string): () => void {
    if ((this.byConversation.get(conversationId) ?? 0) >= this.caps.perConversation) {
      throw tooMany(`This conversation already has ${this.caps.perConversation} open event streams; close a tab or try again shortly`);
    }
    if ((this.byAddress.get(address) ?? 0) >= this.caps.perAddress) {
      throw tooMany(`Your address already has ${this.caps.perAddress} open event streams; try again shortly`);
    }
    bump(this.byConversation, conversationId, 1);
    bump(this.byAddress, address, 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      bump(this.byConversation, conversationId, -1);
      bump(this.byAddress, address, -1);
    };
  }
}

function bump(counts: Map<string, number>, key: string, by: 1 | -1): void {
  const n = (counts.get(key) ?? 0) + by;
  if (n <= 0) counts.delete(key);
  else counts.set(key, n);
}

// The widget reconnects with backoff on any error; Retry-After tells other clients when to.
function tooMany(message: string): HttpError {
  return new HttpError(429, 'RATE_LIMITED', message, { 'Retry-After': '30' });
}

// With a chat model an answer takes up to 20 s; a reply that never comes (the server failed after
// storing the question) must not leave the indicator on for good.
const MAX_WAIT_MS = 60_000;

/**
 * The bot at work: on from the moment a question is sent until the bot's answer starts streaming
 * or arrives, or a person takes over (`answered()` with no id).
 */
export function botWorking(show: (on: boolean) => void, maxMs = MAX_WAIT_MS) {
  const waiting = new Set<string>();
  let expiry: ReturnType<typeof setTimeout> | undefined;
  const render = () => {
    if (!waiting.size) clearTimeout(expiry);
    show(waiting.size > 0);
  };
  return {
    /** The question sent as `clientId` awaits the bot's answer. */
    asked(clientId: string): void {
      waiting.add(clientId);
      clearTimeout(expiry);
      expiry = setTimeout(() => {
        waiting.clear();
        render();
      }, maxMs);
      render();
    },
    /** The answer to `clientId` is here or on its way; without an id, no answer is coming. */
    answered(clientId?: string): void {
      if (clientId === undefined) waiting.clear();
      else waiting.delete(clientId);
      render();
    },
  };
}

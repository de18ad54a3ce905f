import type { Context } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';

/** How often an idle stream gets a comment line, so proxies and the widget know it is alive. */
const HEARTBEAT_MS = 15_000;

/** One write to the stream; writes run one at a time, in the order they were sent. */
export type StreamWrite = (stream: SSEStreamingApi) => Promise<unknown>;

/**
 * Hono's streamSSE with the header that stops nginx (and proxies that honour it) from buffering
 * the stream: behind a default nginx, agent replies would otherwise arrive in bursts, late.
 */
function sse(c: Context, run: Parameters<typeof streamSSE>[1]): Response {
  c.header('X-Accel-Buffering', 'no');
  return streamSSE(c, run);
}

/**
 * An SSE stream whose writes run one at a time in the order sent, with a heartbeat while idle.
 * `open` subscribes to whatever feeds the stream and returns the cleanup to run when it ends: when
 * the client goes away, a write fails, or `alive` (asked before every write and heartbeat) says
 * the viewer's session is over — a signed-in user's stream ends with a reset password or a
 * disabled account, not only when their browser closes it.
 */
export function serialStream(
  c: Context,
  opts: { open: (send: (write: StreamWrite) => void) => () => void; alive?: () => Promise<boolean>; heartbeatMs?: number },
): Response {
  return sse(c, async (stream) => {
    let done = false;
    let chain: Promise<void> = Promise.resolve();
    let finish: () => void = () => undefined;
    const ended = new Promise<void>((resolve) => {
      finish = () => {
        if (done) return;
        done = true;
        clearInterval(heartbeat);
        cleanup();
        resolve();
      };
    });
    const send = (write: StreamWrite) => {
      chain = chain
        .then(async () => {
          if (done) return;
          if (opts.alive && !(await opts.alive())) return finish();
          await write(stream);
        })
        .catch(() => finish());
    };
    const cleanup = opts.open(send);
    const heartbeat = setInterval(() => send((s) => s.write(': ping\n\n')), opts.heartbeatMs ?? HEARTBEAT_MS);
    stream.onAbort(finish);
    await ended;
  });
}

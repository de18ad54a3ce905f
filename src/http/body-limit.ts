import { bodyLimit } from 'hono/body-limit';
import type { MiddlewareHandler } from 'hono';
import { HttpError } from './http-error.js';

/** Refuse request bodies over maxBytes with a 413, counting as they stream in (chunked bodies too). */
export function limitBody(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new HttpError(413, 'PAYLOAD_TOO_LARGE', `Request bodies are limited to ${maxBytes} bytes`);
    },
  });
}

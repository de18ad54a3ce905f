import * as z from 'zod/mini';
import {
  badgeSchema, errorBodySchema, historyResultSchema, sendMessageResultSchema, startConversationResultSchema, stateResultSchema, widgetConfigSchema,
} from '../../src/protocol/widget-api.js';

/** A call's outcome: data, or an error with the HTTP status (0 = network) and seconds to wait on 429. */
export type Result<T> = { data: T } | { error: { status: number; code: string; message: string; retryAfter?: number } };

/** All HTTP calls of the widget, validated with the shared schemas. */
export function createApi(base: string, getToken: () => string | null) {
  async function call<S extends z.ZodMiniType>(method: string, path: string, schema: S, body?: unknown): Promise<Result<z.infer<S>>> {
    let res: Response;
    try {
      const token = getToken();
      res = await fetch(base + path, {
        method,
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      return { error: { status: 0, code: 'NETWORK', message: 'network error' } };
    }
    let json: unknown = null;
    try {
      json = await res.json();
    } catch {
      // empty or not JSON: handled below
    }
    if (!res.ok) {
      const parsed = errorBodySchema.safeParse(json);
      const retry = Number(res.headers.get('retry-after'));
      return {
        error: {
          status: res.status,
          code: parsed.success ? parsed.data.error.code : 'HTTP',
          message: parsed.success ? parsed.data.error.message : `HTTP ${res.status}`,
          ...(retry > 0 ? { retryAfter: retry } : {}),
        },
      };
    }
    const parsed = z.safeParse(schema, json);
    return parsed.success ? { data: parsed.data as z.infer<S> } : { error: { status: res.status, code: 'BAD_RESPONSE', message: 'unexpected response' } };
  }
  const ok = z.unknown();
  return {
    config: () => call('GET', '/config', widgetConfigSchema),
    badge: () => call('GET', '/badge', badgeSchema),
    start: (body: { pageUrl?: string; lang?: 'nb' | 'en'; browserId?: string; timezone?: string }) => call('POST', '/conversations', startConversationResultSchema, body),
    history: (after: number) => call('GET', `/messages?after=${after}`, historyResultSchema),
    send: (body: { clientId: string; text: string; pageUrl?: string }) => call('POST', '/messages', sendMessageResultSchema, body),
    feedback: (seq: number, helpful: boolean) => call('POST', '/feedback', ok, { seq, helpful }),
    handoff: () => call('POST', '/handoff', stateResultSchema, { reason: 'button' }),
    contact: (email: string) => call('POST', '/contact', stateResultSchema, { email }),
    rate: (score: number, comment?: string) => call('POST', '/rating', ok, comment ? { score, comment } : { score }),
    typing: (typing: boolean) => call('POST', '/typing', ok, { typing }),
  };
}
export type Api = ReturnType<typeof createApi>;

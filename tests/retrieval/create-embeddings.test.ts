import type { OpenAIEmbeddings } from '@langchain/openai';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddings, DEFAULT_EMBEDDINGS_TIMEOUT_MS, embedderId } from '../../src/retrieval/create-embeddings.js';
import { OfflineEmbeddings } from '../../src/retrieval/offline-embeddings.js';

const BASE = 'http://embeddings.test/v1';
const requests: Array<{ auth: string | null; body: { model: string; input: string[] | string; dimensions?: number; encoding_format?: string } }> = [];

// The OpenAI SDK asks for base64-packed float32 by default; answer in whichever format was asked.
function encode(vector: number[], format?: string): number[] | string {
  return format === 'base64' ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector;
}

const HANGING = 'http://hanging-embeddings.test/v1';
let hangingCalls = 0;

const server = setupServer(
  // Accepts the request and never answers, like an overloaded or wedged server.
  http.post(`${HANGING}/embeddings`, async () => {
    hangingCalls++;
    return new Promise<never>(() => undefined);
  }),
  http.post(`${BASE}/embeddings`, async ({ request }) => {
    const body = (await request.json()) as (typeof requests)[number]['body'];
    requests.push({ auth: request.headers.get('authorization'), body });
    const inputs = Array.isArray(body.input) ? body.input : [body.input];
    return HttpResponse.json({
      object: 'list',
      model: body.model,
      data: inputs.map((text, index) => ({ object: 'embedding', index, embedding: encode([text.length, 1, 0], body.encoding_format) })),
      usage: { prompt_tokens: 1, total_tokens: 1 },
    });
  }),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('createEmbeddings', () => {
  it('runs offline when nothing is configured', () => {
    expect(createEmbeddings()).toBeInstanceOf(OfflineEmbeddings);
  });

  it('calls an OpenAI-compatible endpoint at the configured base URL with key and model', async () => {
    const e = createEmbeddings({ baseUrl: BASE, apiKey: 'sk-test', model: 'nomic-embed', dimensions: 3 });
    expect(await e.embedDocuments(['ab', 'abcd'])).toEqual([[2, 1, 0], [4, 1, 0]]);
    expect(await e.embedQuery('abc')).toEqual([3, 1, 0]);
    expect(requests[0]!.auth).toBe('Bearer sk-test');
    expect(requests[0]!.body.model).toBe('nomic-embed');
    expect(requests[0]!.body.dimensions).toBe(3);
  });

  it('names the space by model and dimensions so indexes are never mixed', () => {
    const a = embedderId(createEmbeddings({ baseUrl: BASE, model: 'm1' }));
    expect(a).toBe('openai:m1:default');
    expect(embedderId(createEmbeddings({ baseUrl: BASE, model: 'm2' }))).not.toBe(a);
    expect(embedderId(createEmbeddings())).toBe(new OfflineEmbeddings().id);
  });

  it('gives up on an endpoint that never answers after the timeout, without a second wait', async () => {
    const e = createEmbeddings({ baseUrl: HANGING, model: 'nomic-embed', timeoutMs: 300 });
    const started = Date.now();
    await expect(e.embedQuery('Hvor finner jeg PUK-koden?')).rejects.toThrow(/timed out/i);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(hangingCalls).toBe(1);
  });

  it('has a request timeout even when none is configured', () => {
    expect((createEmbeddings({ baseUrl: HANGING, model: 'nomic-embed' }) as OpenAIEmbeddings).timeout).toBe(DEFAULT_EMBEDDINGS_TIMEOUT_MS);
    expect(DEFAULT_EMBEDDINGS_TIMEOUT_MS).toBe(10_000);
  });
});

import { describe, expect, it } from 'vitest';
import { readEnv, unknownVariables } from '../../src/config/env.js';

describe('readEnv', () => {
  it('runs offline when nothing is set', () => {
    expect(readEnv({})).toEqual({ dataDir: undefined, port: undefined, llm: undefined, embeddings: undefined });
  });

  it('reads an OpenAI-compatible LLM endpoint', () => {
    const s = readEnv({ LAERLING_LLM_MODEL: 'gpt-4o-mini', LAERLING_LLM_BASE_URL: 'http://localhost:11434/v1', LAERLING_LLM_TIMEOUT_MS: '8000' });
    expect(s.llm).toEqual({ model: 'gpt-4o-mini', baseUrl: 'http://localhost:11434/v1', apiKey: undefined, timeoutMs: 8000 });
  });

  it('reads an embeddings endpoint with its request timeout', () => {
    const s = readEnv({ LAERLING_EMBEDDINGS_MODEL: 'nomic-embed-text', LAERLING_EMBEDDINGS_BASE_URL: 'http://localhost:11434/v1', LAERLING_EMBEDDINGS_TIMEOUT_MS: '5000' });
    expect(s.embeddings).toEqual({ model: 'nomic-embed-text', baseUrl: 'http://localhost:11434/v1', apiKey: undefined, timeoutMs: 5000 });
    expect(readEnv({ LAERLING_EMBEDDINGS_MODEL: 'm' }).embeddings?.timeoutMs).toBeUndefined();
  });

  it('refuses an embeddings timeout that is not a sane number of milliseconds', () => {
    for (const value of ['ten', '10.5', '0', '50', '600000']) {
      expect(() => readEnv({ LAERLING_EMBEDDINGS_MODEL: 'm', LAERLING_EMBEDDINGS_TIMEOUT_MS: value })).toThrow(/LAERLING_EMBEDDINGS_TIMEOUT_MS/);
    }
  });

  it('reads how many reverse proxies stand in front (true is one)', () => {
    expect(readEnv({ LAERLING_TRUST_PROXY: 'true' }).trustProxy).toBe(1);
    expect(readEnv({ LAERLING_TRUST_PROXY: 'false' }).trustProxy).toBe(0);
    expect(readEnv({ LAERLING_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(() => readEnv({ LAERLING_TRUST_PROXY: 'yes' })).toThrow(/LAERLING_TRUST_PROXY.*number of proxies/);
  });

  it('finds LAERLING_ variables nothing reads (typos), ignoring other programs\' variables', () => {
    expect(unknownVariables({ LAERLING_DATADIR: '/x', LAERLING_PORTT: '1', LAERLING_PORT: '3000', LAERLING_NEW_PASSWORD: 'p', LAERLING_EMPTY: ' ', PATH: '/bin' })).toEqual([
      'LAERLING_DATADIR',
      'LAERLING_PORTT',
    ]);
  });

  it('names the bad variable', () => {
    expect(() => readEnv({ LAERLING_PORT: 'eighty' })).toThrow(/LAERLING_PORT/);
    expect(() => readEnv({ LAERLING_LLM_BASE_URL: 'ftp://x', LAERLING_LLM_MODEL: 'm' })).toThrow(/LAERLING_LLM_BASE_URL/);
  });

  it('refuses a base URL without a model instead of silently running offline', () => {
    expect(() => readEnv({ LAERLING_EMBEDDINGS_BASE_URL: 'http://localhost:8000/v1' })).toThrow(/LAERLING_EMBEDDINGS_MODEL/);
  });

  it('treats empty variables as unset', () => {
    expect(readEnv({ LAERLING_LLM_MODEL: '', LAERLING_PORT: ' ' }).llm).toBeUndefined();
  });
});

import type { Embeddings } from '@langchain/core/embeddings';
import { OpenAIEmbeddings } from '@langchain/openai';
import { OfflineEmbeddings } from './offline-embeddings.js';

/** Settings for an OpenAI-compatible embeddings endpoint. */
export interface EmbeddingsConfig {
  baseUrl?: string;
  apiKey?: string;
  model: string;
  dimensions?: number;
  timeoutMs?: number;
}

/**
 * How long one request may take. Every customer question is embedded before it is answered, so
 * without a limit a hanging endpoint left the customer waiting for ever; with one, asking fails
 * and the customer is told and offered a person.
 */
export const DEFAULT_EMBEDDINGS_TIMEOUT_MS = 10_000;

/** OpenAIEmbeddings for any OpenAI-compatible endpoint when configured, else the offline default. */
export function createEmbeddings(config?: EmbeddingsConfig): Embeddings {
  if (!config) return new OfflineEmbeddings();
  return new OpenAIEmbeddings({
    model: config.model,
    dimensions: config.dimensions,
    // Local servers (Ollama, vLLM) ignore the key, but the client refuses to start without one.
    apiKey: config.apiKey ?? 'not-needed',
    timeout: config.timeoutMs ?? DEFAULT_EMBEDDINGS_TIMEOUT_MS,
    maxRetries: 1,
    onFailedAttempt: retryOnlyWhatMayPass,
    configuration: config.baseUrl ? { baseURL: config.baseUrl } : undefined,
  });
}

// Called after a failed attempt; throwing stops the retries. An endpoint that hung once will most
// likely hang again, and the customer should wait one timeout, not two; a 4xx other than 408 or
// 429 (a wrong key or model) will not pass on a second try either. 5xx, 408, 429 and network
// errors get the one retry.
function retryOnlyWhatMayPass(error: unknown): void {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as { name?: unknown; status?: unknown };
  if (failure.name === 'TimeoutError' || failure.name === 'AbortError') throw error;
  const status = Number(failure.status);
  if (status >= 400 && status < 500 && status !== 408 && status !== 429) throw error;
}

/**
 * Names the vector space an embedder produces, recorded in the index manifest so that an index
 * is never searched with vectors from another model.
 */
export function embedderId(embeddings: Embeddings): string {
  if (embeddings instanceof OfflineEmbeddings) return embeddings.id;
  if (embeddings instanceof OpenAIEmbeddings) {
    return `openai:${embeddings.model}:${embeddings.dimensions ?? 'default'}`;
  }
  const named = embeddings as Embeddings & { id?: unknown };
  return typeof named.id === 'string' ? named.id : embeddings.constructor.name;
}

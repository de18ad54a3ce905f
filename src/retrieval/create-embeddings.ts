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

/** OpenAIEmbeddings for any OpenAI-compatible endpoint when configured, else the offline default. */
export function createEmbeddings(config?: EmbeddingsConfig): Embeddings {
  if (!config) return new OfflineEmbeddings();
  return new OpenAIEmbeddings({
    model: config.model,
    dimensions: config.dimensions,
    // Local servers (Ollama, vLLM) ignore the key, but the client refuses to start without one.
    apiKey: config.apiKey ?? 'not-needed',
    timeout: config.timeoutMs,
    maxRetries: 1,
    configuration: config.baseUrl ? { baseURL: config.baseUrl } : undefined,
  });
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

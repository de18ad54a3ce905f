import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { ChatOpenAI } from '@langchain/openai';

/** Settings for an OpenAI-compatible chat endpoint (OpenAI, Azure's v1 endpoint, Ollama, vLLM). */
export interface ChatModelConfig {
  /** e.g. http://localhost:11434/v1 for Ollama; omitted means api.openai.com. */
  baseUrl?: string;
  apiKey?: string;
  model: string;
  temperature?: number;
  /** Per-request timeout of the HTTP client; composeWithLlm adds its own deadline on top. */
  timeoutMs?: number;
  maxTokens?: number;
  /** Retries on 429/5xx. Kept small: the customer is waiting and a person is the fallback. */
  maxRetries?: number;
}

const DEFAULTS = { temperature: 0.1, maxTokens: 512, maxRetries: 1 } as const;

// OpenAI's reasoning models reject any temperature but the default; mirrors the check the
// client itself uses to pick max_completion_tokens.
const REASONING_MODEL = /^(o\d|gpt-5(?!-chat))/;

/** A streaming ChatOpenAI for any OpenAI-compatible endpoint, or undefined when no model is configured. */
export function createChatModel(config?: ChatModelConfig): BaseChatModel | undefined {
  const model = config?.model.trim();
  if (!config || !model) return undefined;
  const temperature = config.temperature ?? (REASONING_MODEL.test(model) ? undefined : DEFAULTS.temperature);
  return new ChatOpenAI({
    model,
    temperature,
    maxTokens: config.maxTokens ?? DEFAULTS.maxTokens,
    maxRetries: config.maxRetries ?? DEFAULTS.maxRetries,
    timeout: config.timeoutMs,
    streaming: true,
    // stream_options is rejected by some OpenAI-compatible servers, and we do not bill by usage.
    streamUsage: false,
    // Local servers (Ollama, vLLM) ignore the key, but the client refuses to start without one.
    apiKey: config.apiKey ?? 'not-needed',
    configuration: config.baseUrl ? { baseURL: config.baseUrl } : undefined,
  });
}

import { z } from 'zod';
import { LaerlingError } from '../errors.js';
import { formatZodError } from './format-zod-error.js';

const optionalString = z.string().trim().min(1).optional();
const optionalUrl = z.url({ protocol: /^https?$/ }).optional();

/** Environment variables Lærling reads. Everything is optional: the default runs offline. */
export const envSchema = z.object({
  LAERLING_DATA_DIR: optionalString,
  LAERLING_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  LAERLING_LLM_BASE_URL: optionalUrl,
  LAERLING_LLM_API_KEY: optionalString,
  LAERLING_LLM_MODEL: optionalString,
  LAERLING_LLM_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120_000).optional(),
  LAERLING_EMBEDDINGS_BASE_URL: optionalUrl,
  LAERLING_EMBEDDINGS_API_KEY: optionalString,
  LAERLING_EMBEDDINGS_MODEL: optionalString,
  /** Per request; the default (src/retrieval/create-embeddings.ts) is 10 s. */
  LAERLING_EMBEDDINGS_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120_000).optional(),
  /** Behind reverse proxies: how many (true = 1); the client address is read from X-Forwarded-For. */
  LAERLING_TRUST_PROXY: z
    .union([z.enum(['true', 'false']).transform((v) => (v === 'true' ? 1 : 0)), z.coerce.number().int().min(0).max(10)], {
      error: 'expected 0, 1, … (the number of proxies in front), true or false',
    })
    .optional(),
  /** Served over HTTPS: mark session cookies Secure. */
  LAERLING_SECURE_COOKIES: z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true').optional(),
  /** Let the knowledge console crawl private addresses (an intranet site); off by default (SSRF). */
  LAERLING_CRAWL_ALLOW_PRIVATE_NETWORK: z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true').optional(),
});

export type Env = z.infer<typeof envSchema>;

/** Settings for an optional OpenAI-compatible model endpoint. */
export interface ModelEndpoint {
  baseUrl?: string;
  apiKey?: string;
  model: string;
  timeoutMs?: number;
}

export interface RuntimeSettings {
  dataDir?: string;
  port?: number;
  llm?: ModelEndpoint;
  embeddings?: ModelEndpoint;
  /** Reverse proxies in front of serve (0: none). */
  trustProxy?: number;
  secureCookies?: boolean;
  crawlAllowPrivateNetwork?: boolean;
}

// Empty strings are how shells unset things; treat them as absent rather than invalid.
function withoutBlanks(source: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(source).filter((e): e is [string, string] => e[0].startsWith('LAERLING_') && !!e[1]?.trim()),
  );
}

// Read by one command or by the tests, outside the settings every command shares.
const OTHER_VARIABLES = new Set(['LAERLING_NEW_PASSWORD', 'LAERLING_CHROMIUM', 'LAERLING_STACKFAQ_DIR']);

/** LAERLING_* variables that are set but that nothing reads: most likely typos ("LAERLING_DATADIR"). */
export function unknownVariables(source: Record<string, string | undefined> = process.env): string[] {
  return Object.keys(withoutBlanks(source)).filter((name) => !(name in envSchema.shape) && !OTHER_VARIABLES.has(name)).sort();
}

/** Parse and validate LAERLING_* variables; errors name the offending variable. */
export function readEnv(source: Record<string, string | undefined> = process.env): RuntimeSettings {
  const parsed = envSchema.safeParse(withoutBlanks(source));
  if (!parsed.success) {
    throw new LaerlingError('INVALID_CONFIG', `Invalid environment: ${formatZodError(parsed.error)}`);
  }
  const env = parsed.data;
  return {
    dataDir: env.LAERLING_DATA_DIR,
    port: env.LAERLING_PORT,
    llm: endpoint('LAERLING_LLM', env.LAERLING_LLM_MODEL, env.LAERLING_LLM_BASE_URL, env.LAERLING_LLM_API_KEY, env.LAERLING_LLM_TIMEOUT_MS),
    embeddings: endpoint(
      'LAERLING_EMBEDDINGS',
      env.LAERLING_EMBEDDINGS_MODEL,
      env.LAERLING_EMBEDDINGS_BASE_URL,
      env.LAERLING_EMBEDDINGS_API_KEY,
      env.LAERLING_EMBEDDINGS_TIMEOUT_MS,
    ),
    trustProxy: env.LAERLING_TRUST_PROXY,
    secureCookies: env.LAERLING_SECURE_COOKIES,
    crawlAllowPrivateNetwork: env.LAERLING_CRAWL_ALLOW_PRIVATE_NETWORK,
  };
}

// A base URL or key without a model is almost certainly a typo'd setup: say so instead of
// silently running offline.
function endpoint(prefix: string, model?: string, baseUrl?: string, apiKey?: string, timeoutMs?: number): ModelEndpoint | undefined {
  if (!model) {
    if (baseUrl || apiKey) {
      throw new LaerlingError('INVALID_CONFIG', `Invalid environment: ${prefix}_MODEL: required when ${prefix}_BASE_URL or ${prefix}_API_KEY is set`);
    }
    return undefined;
  }
  return { model, baseUrl, apiKey, timeoutMs };
}

/** The catalogue of domain error codes. Every LaerlingError carries one. */
export const ERROR_CODES = {
  INVALID_CONFIG: 'Configuration is invalid',
  INVALID_INPUT: 'Input is invalid',
  URL_NOT_ALLOWED: 'URL is not allowed',
  PRIVATE_NETWORK: 'Address is in a private or reserved network',
  FETCH_FAILED: 'Fetching failed',
  NOT_FOUND: 'Not found (for a crawled page: HTTP 404 or 410)',
  TOO_LARGE: 'Response is too large',
  TOO_MANY_REDIRECTS: 'Too many redirects',
  TIMEOUT: 'Timed out',
  NOT_HTML: 'Not an HTML page',
  ROBOTS_DISALLOWED: 'Disallowed by robots.txt',
  INDEX_MISSING: 'No index has been built yet',
  INDEX_CORRUPT: 'Index files are unreadable',
  EMBEDDER_MISMATCH: 'The index was built with different embeddings',
  KNOWLEDGE_FILE_INVALID: 'A knowledge file is invalid',
  LLM_FAILED: 'The language model failed',
  STORAGE_FAILED: 'The database failed',
  UNAUTHORIZED: 'Not signed in',
  FORBIDDEN: 'Not allowed',
  CONFLICT: 'Conflicting change',
  RATE_LIMITED: 'Too many requests',
  PAYLOAD_TOO_LARGE: 'Request too large',
  UNSUPPORTED_MEDIA_TYPE: 'The request body must be JSON (Content-Type: application/json)',
  LISTEN_FAILED: 'The server could not listen on its address and port',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** A domain error with a code from ERROR_CODES and a message for humans. */
export class LaerlingError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = ERROR_CODES[code],
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'LaerlingError';
  }
}

/**
 * An HTTP GET that is safe to point at URLs from the internet: http(s) only, every hop's
 * resolved address checked by the SSRF guard and then connected to directly (no second DNS
 * lookup), redirects followed by hand and re-checked, one timeout for the whole exchange
 * including the body, and a byte limit enforced both up front and while streaming.
 */

import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { LaerlingError } from '../errors.js';
import { assertHttpUrl, resolveSafeAddress, type LookupFn, type ResolvedAddress } from './ssrf-guard.js';

export const DEFAULT_USER_AGENT = 'laerling/0.1 (+https://github.com/laerling)';

export interface SafeFetchOptions {
  headers?: Record<string, string>;
  userAgent?: string;
  /** Whole exchange, all hops and the body included. Default 15 s. */
  timeoutMs?: number;
  /** Largest body accepted, after decompression. Default 10 MB. */
  maxBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  allowPrivateNetwork?: boolean;
  /** Called before following each redirect; throw to refuse the hop. */
  beforeRedirect?: (url: string) => void | Promise<void>;
  /** Called with the final response head before the body is read; throw to stop there. */
  onHead?: (head: SafeResponseHead) => void;
  signal?: AbortSignal;
}

export interface SafeFetchDeps {
  lookup?: LookupFn;
}

export interface SafeResponseHead {
  /** The URL that answered, after redirects. */
  url: string;
  status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
}

export interface SafeResponse extends SafeResponseHead {
  body: Buffer;
  /** Every URL redirected to, in order. */
  redirects: string[];
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** GET a URL under the SSRF guard, with manual re-checked redirects, a timeout and a size limit. */
export async function safeFetch(url: string, opts: SafeFetchOptions = {}, deps: SafeFetchDeps = {}): Promise<SafeResponse> {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new LaerlingError('TIMEOUT', `No complete response within ${timeoutMs} ms: ${url}`)), timeoutMs);
  const forward = (): void => controller.abort(opts.signal?.reason);
  opts.signal?.addEventListener('abort', forward, { once: true });
  try {
    return await followRedirects(url, opts, deps, controller.signal);
  } catch (error) {
    if (controller.signal.aborted && controller.signal.reason instanceof LaerlingError) throw controller.signal.reason;
    throw error;
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', forward);
  }
}

async function followRedirects(start: string, opts: SafeFetchOptions, deps: SafeFetchDeps, signal: AbortSignal): Promise<SafeResponse> {
  const maxRedirects = opts.maxRedirects ?? 5;
  const redirects: string[] = [];
  let current = start;
  for (;;) {
    const target = assertHttpUrl(current);
    const address = await resolveSafeAddress(current, { allowPrivateNetwork: opts.allowPrivateNetwork, lookup: deps.lookup });
    // The SSRF verdict comes first so a refused hop is reported as the security problem it is.
    if (redirects.length > 0) await opts.beforeRedirect?.(current);
    const response = await requestOnce(target, address, opts, signal);
    const location = response.headers['location'];
    if (!REDIRECTS.has(response.status) || location === undefined) return { ...response, redirects };
    if (redirects.length >= maxRedirects) {
      throw new LaerlingError('TOO_MANY_REDIRECTS', `More than ${maxRedirects} redirects from ${start}`, { redirects });
    }
    const next = new URL(location, current);
    next.hash = '';
    current = next.href;
    redirects.push(current);
  }
}

interface Answer extends SafeResponseHead {
  body: Buffer;
}

function requestOnce(target: URL, address: ResolvedAddress, opts: SafeFetchOptions, signal: AbortSignal): Promise<Answer> {
  const maxBytes = opts.maxBytes ?? 10 * 1024 * 1024;
  const transport = target.protocol === 'https:' ? https : http;
  return new Promise<Answer>((resolve, reject) => {
    const req = transport.request(
      target,
      {
        method: 'GET',
        headers: { 'user-agent': opts.userAgent ?? DEFAULT_USER_AGENT, 'accept-encoding': 'gzip, deflate, br', ...opts.headers },
        // Connect to the address we checked; Host header and TLS SNI stay the original host.
        lookup: pinnedLookup(address),
        agent: false,
        signal,
      },
      (res) => {
        const head: SafeResponseHead = { url: target.href, status: res.statusCode ?? 0, headers: flattenHeaders(res.headers) };
        if (REDIRECTS.has(head.status) && head.headers['location'] !== undefined) {
          res.destroy();
          resolve({ ...head, body: Buffer.alloc(0) });
          return;
        }
        try {
          checkDeclaredLength(head, maxBytes);
          opts.onHead?.(head);
        } catch (error) {
          res.destroy();
          reject(error);
          return;
        }
        // Destroying the request on abort does not always reach a body already streaming.
        signal.addEventListener('abort', () => res.destroy(new Error('aborted')), { once: true });
        readBody(res, head.headers['content-encoding'], maxBytes, target.href).then(
          (body) => resolve({ ...head, body }),
          (error: unknown) => reject(toError(error, target.href)),
        );
      },
    );
    req.on('error', (error) => reject(toError(error, target.href)));
    req.end();
  });
}

function pinnedLookup(address: ResolvedAddress): LookupFunction {
  return ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address: address.address, family: address.family }]);
    else callback(null, address.address, address.family);
  }) as unknown as LookupFunction;
}

function checkDeclaredLength(head: SafeResponseHead, maxBytes: number): void {
  const declared = Number(head.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    throw new LaerlingError('TOO_LARGE', `${head.url} declares ${declared} bytes; the limit is ${maxBytes}`, { url: head.url });
  }
}

async function readBody(res: http.IncomingMessage, encoding: string | undefined, maxBytes: number, url: string): Promise<Buffer> {
  const stream = decoded(res, encoding);
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes) {
        throw new LaerlingError('TOO_LARGE', `${url} is larger than ${maxBytes} bytes`, { url });
      }
      chunks.push(chunk);
    }
  } finally {
    if (stream !== res) stream.destroy();
    res.destroy();
  }
  return Buffer.concat(chunks);
}

/** Decompress what the server compressed; the limit counts decompressed bytes (zip bombs). */
function decoded(res: http.IncomingMessage, encoding: string | undefined): Readable {
  const kind = encoding?.trim().toLowerCase();
  const decoder =
    kind === 'gzip' || kind === 'x-gzip' ? zlib.createGunzip()
    : kind === 'deflate' ? zlib.createInflate()
    : kind === 'br' ? zlib.createBrotliDecompress()
    : undefined;
  if (!decoder) return res;
  res.on('error', (error) => decoder.destroy(error));
  return res.pipe(decoder);
}

function flattenHeaders(raw: http.IncomingHttpHeaders): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function toError(error: unknown, url: string): Error {
  if (error instanceof LaerlingError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new LaerlingError('FETCH_FAILED', `Fetching ${url} failed: ${message}`, { url });
}

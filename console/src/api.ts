import type { SourceRef } from './source-view.js';

/** A call's outcome: data, or an error with the HTTP status (0 = network). */
export type Result<T> = { data: T } | { error: { status: number; code: string; message: string } };

let csrfToken = '';

/** Remember the session's CSRF token (from login or /me) for every change (POST, PUT, DELETE). */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** All console HTTP calls: same origin, cookie session, CSRF header on changes, JSON errors. */
export async function call<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<Result<T>> {
  let res: Response;
  const changes = method !== 'GET';
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { ...(changes ? { 'content-type': 'application/json', 'x-csrf-token': csrfToken } : {}) },
      ...(changes ? { body: JSON.stringify(body ?? {}) } : {}),
    });
  } catch {
    return { error: { status: 0, code: 'NETWORK', message: 'Network error — retrying helps' } };
  }
  const json = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
  if (!res.ok) return { error: { status: res.status, code: json?.error?.code ?? 'HTTP', message: json?.error?.message ?? `HTTP ${res.status}` } };
  return { data: json as T };
}

export interface User {
  id: number;
  email: string;
  name: string;
  role: 'agent' | 'owner' | 'admin';
}

export interface QueueItem {
  handoffId: number;
  conversationId: string;
  botName: string;
  status: string;
  reason: string;
  detail: string | null;
  lang: 'nb' | 'en';
  mood: 'calm' | 'frustrated';
  summary: string;
  requestedAt: string;
  waitingSeconds: number;
  replyBy: string | null;
  email: string | null;
  pageUrl: string | null;
}

export interface TranscriptMessage {
  seq: number;
  role: 'customer' | 'bot' | 'agent' | 'system';
  text: string;
  at: string;
  outcome?: 'answer' | 'abstain';
  sources?: SourceRef[];
  confidence?: number;
  author?: string;
}

export interface Context {
  conversation: { id: string; botName: string; lang: string; pageUrl: string | null; email: string | null };
  handoff: { reason: string; detail: string | null; mood: string; summary: string; requestedAt: string; replyBy: string | null } | null;
  messages: TranscriptMessage[];
  earlierConversations: Array<{ id: string; createdAt: string; status: string; firstQuestion: string | null }>;
}

export interface Suggestion {
  question: string | null;
  text: string;
  sources: SourceRef[];
  confidence: number;
}

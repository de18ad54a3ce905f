import type { Generated, Insertable, Selectable } from 'kysely';

/**
 * The database as Kysely sees it. Portable types only: text, integer, real. Timestamps are ISO
 * 8601 UTC strings (they sort and compare as text in SQLite and PostgreSQL alike), booleans are
 * 0/1 integers, JSON is text. See docs/storage.md for what a PostgreSQL dialect changes.
 */
export interface Database {
  bots: BotsTable;
  users: UsersTable;
  sessions: SessionsTable;
  conversations: ConversationsTable;
  messages: MessagesTable;
  handoffs: HandoffsTable;
  feedback: FeedbackTable;
  ratings: RatingsTable;
  knowledge_suggestions: KnowledgeSuggestionsTable;
  learned_phrasings: LearnedPhrasingsTable;
  audit_events: AuditEventsTable;
  negative_pairs: NegativePairsTable;
  sources: SourcesTable;
  crawl_runs: CrawlRunsTable;
}

export interface BotsTable {
  id: string;
  name: string;
  /** The public key in the widget's script tag. */
  widget_key: string;
  /** 1 while the badge is off (migration 004). */
  graduated: number;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  /** scrypt$N$r$p$salt$hash, all base64url. */
  password_hash: string;
  role: 'agent' | 'owner' | 'admin';
  created_at: string;
  disabled: number;
}

export interface SessionsTable {
  /** SHA-256 of the cookie value, so a leaked database does not leak live sessions. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface ConversationsTable {
  id: string;
  bot_id: string;
  /** SHA-256 of the widget's bearer token. */
  token_hash: string;
  browser_id: string | null;
  page_url: string | null;
  lang: 'nb' | 'en';
  /** The customer's IANA timezone as the widget reported it (migration 002). */
  timezone: string | null;
  status: 'bot' | 'queued' | 'offline' | 'agent' | 'closed';
  /** Highest message seq so far; bumped in the same transaction as the insert. */
  last_seq: number;
  email: string | null;
  agent_id: number | null;
  rating_requested: number;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  /** Settled outcome (migration 005): confirmed, assumed or not-resolved; null while undecided. */
  outcome: 'confirmed' | 'assumed' | 'not-resolved' | null;
  outcome_at: string | null;
  /** Pseudonym of the client's network (migration 006; see visitor-network.ts); null when unknown. */
  client_net: string | null;
}

export interface MessagesTable {
  conversation_id: string;
  seq: number;
  role: 'customer' | 'bot' | 'agent' | 'system';
  client_id: string | null;
  text: string;
  /** JSON: outcome, sources, confidence, candidates, author, event. */
  meta: string;
  author_id: number | null;
  created_at: string;
}

export interface HandoffsTable {
  id: Generated<number>;
  conversation_id: string;
  bot_id: string;
  reason: 'button' | 'typed-request' | 'abstentions' | 'negative-feedback' | 'sensitive-topic';
  /** Sensitive topic name, for reason 'sensitive-topic'. */
  detail: string | null;
  status: 'queued' | 'offline' | 'claimed' | 'closed';
  lang: 'nb' | 'en';
  mood: 'calm' | 'frustrated';
  summary: string;
  reply_by: string | null;
  requested_at: string;
  claimed_at: string | null;
  claimed_by: number | null;
  closed_at: string | null;
}

export interface FeedbackTable {
  id: Generated<number>;
  conversation_id: string;
  message_seq: number;
  helpful: number;
  created_at: string;
}

export interface RatingsTable {
  conversation_id: string;
  score: number;
  comment: string | null;
  created_at: string;
  /** Low ratings are followed up by a person (migration 005). */
  followed_up_at: string | null;
  followed_up_by: number | null;
}

export interface KnowledgeSuggestionsTable {
  id: Generated<number>;
  bot_id: string;
  conversation_id: string | null;
  question: string;
  answer: string;
  status: 'pending' | 'approved' | 'rejected';
  created_by: number | null;
  created_at: string;
  decided_at: string | null;
  /** The owner Q&A item an approved suggestion became (migration 005). */
  qa_id: string | null;
  decided_by: number | null;
}

export interface LearnedPhrasingsTable {
  id: Generated<number>;
  bot_id: string;
  question: string;
  url: string;
  source: 'cli' | 'conversation' | 'agent' | 'owner';
  conversation_id: string | null;
  created_at: string;
  /** Content stems of the question, sorted: near-identical questions share a key (migration 003). */
  key: string;
  /** 1 once indexed (confirmed in ≥ 2 distinct conversations, or by an agent or owner), 0 while waiting, −1 removed by an owner. */
  active: number;
}

export interface AuditEventsTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  details: string;
}

/** "This answer from this page did not help this question" (migration 005). */
export interface NegativePairsTable {
  id: Generated<number>;
  bot_id: string;
  question: string;
  key: string;
  url: string;
  conversation_id: string | null;
  created_at: string;
}

/** Sites a content owner added in the console, crawled beside the configured ones. */
export interface SourcesTable {
  id: Generated<number>;
  bot_id: string;
  url: string;
  recrawl_days: number;
  created_at: string;
}

export interface CrawlRunsTable {
  id: Generated<number>;
  bot_id: string;
  status: 'running' | 'done' | 'failed';
  started_at: string;
  finished_at: string | null;
  trigger: string;
  report: string;
}

export type ConversationRow = Selectable<ConversationsTable>;
export type MessageRow = Selectable<MessagesTable>;
export type HandoffRow = Selectable<HandoffsTable>;
export type UserRow = Selectable<UsersTable>;
export type NewMessage = Insertable<MessagesTable>;

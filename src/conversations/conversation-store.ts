import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Lang, Message } from '../protocol/widget-api.js';
import type { ConversationRow, Database, MessageRow } from '../storage/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** What a stored message carries besides its text (the `meta` JSON column). */
export type MessageMeta = Pick<Message, 'outcome' | 'sources' | 'confidence' | 'author' | 'event'> & {
  candidates?: Array<{ url: string; title: string; score: number }>;
  /** The bot could not answer for a technical reason (embeddings or index down): no knowledge gap. */
  failed?: true;
  /** A follow-up's reply: what was searched (the topic question, then the follow-up) — what it learns from, and the next follow-up's topic. */
  asked?: string;
  /** The bot asked what a follow-up with nothing before it is about: no abstention towards a handoff. */
  unclear?: true;
};

/** SHA-256 of a bearer token or session cookie: only hashes are stored. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

/** Create a conversation and return it with the bearer token the widget keeps (never stored). */
export async function createConversation(
  db: Db,
  input: { botId: string; lang: Lang; pageUrl?: string; browserId?: string; clientNet?: string; timezone?: string; now: Date },
): Promise<{ conversation: ConversationRow; token: string }> {
  const token = randomBytes(32).toString('base64url');
  const at = input.now.toISOString();
  const conversation: ConversationRow = {
    id: randomUUID(),
    bot_id: input.botId,
    token_hash: hashSecret(token),
    browser_id: input.browserId ?? null,
    page_url: input.pageUrl ?? null,
    lang: input.lang,
    timezone: input.timezone ?? null,
    status: 'bot',
    last_seq: 0,
    email: null,
    agent_id: null,
    rating_requested: 0,
    created_at: at,
    updated_at: at,
    closed_at: null,
    outcome: null,
    outcome_at: null,
    client_net: input.clientNet ?? null,
  };
  await db.insertInto('conversations').values(conversation).execute();
  return { conversation, token };
}

/** The conversation a widget token belongs to, within one bot; undefined for any other token. */
export async function findConversationByToken(db: Db, botId: string, token: string): Promise<ConversationRow | undefined> {
  return db
    .selectFrom('conversations')
    .selectAll()
    .where('token_hash', '=', hashSecret(token))
    .where('bot_id', '=', botId)
    .executeTakeFirst();
}

/** A conversation by id. */
export async function getConversation(db: Db, id: string): Promise<ConversationRow | undefined> {
  return db.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A message already stored under this client id (the idempotency key), if any. */
export async function findByClientId(
  db: Db,
  conversationId: string,
  role: MessageRow['role'],
  clientId: string,
): Promise<MessageRow | undefined> {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .where('role', '=', role)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}

/**
 * Store a message with the conversation's next sequence number, in one transaction, so
 * sequence numbers have no gaps and no duplicates even with concurrent writers.
 */
export async function appendMessage(
  db: Kysely<Database>,
  input: {
    conversationId: string;
    role: MessageRow['role'];
    text: string;
    clientId?: string;
    meta?: MessageMeta;
    authorId?: number;
    now: Date;
  },
): Promise<MessageRow> {
  return db.transaction().execute(async (trx) => {
    const at = input.now.toISOString();
    const { last_seq: seq } = await trx
      .updateTable('conversations')
      .set((eb) => ({ last_seq: eb('last_seq', '+', 1), updated_at: at }))
      .where('id', '=', input.conversationId)
      .returning('last_seq')
      .executeTakeFirstOrThrow();
    const row: MessageRow = {
      conversation_id: input.conversationId,
      seq,
      role: input.role,
      client_id: input.clientId ?? null,
      text: input.text,
      meta: JSON.stringify(input.meta ?? {}),
      author_id: input.authorId ?? null,
      created_at: at,
    };
    await trx.insertInto('messages').values(row).execute();
    return row;
  });
}

/** Messages with seq > `after`, oldest first. */
export async function listMessages(db: Db, conversationId: string, after = 0): Promise<MessageRow[]> {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .where('seq', '>', after)
    .orderBy('seq')
    .execute();
}

/** The stored row as the widget protocol's message (internal fields such as candidates stay out). */
export function toMessage(row: MessageRow): Message {
  const meta = JSON.parse(row.meta) as MessageMeta;
  const { candidates: _internal, asked: _asked, unclear: _unclear, ...shown } = meta;
  return {
    seq: row.seq,
    role: row.role,
    text: row.text,
    at: row.created_at,
    ...(row.client_id !== null ? { clientId: row.client_id } : {}),
    ...shown,
  };
}

/** Parse a stored message's meta JSON. */
export function messageMeta(row: Pick<MessageRow, 'meta'>): MessageMeta {
  return JSON.parse(row.meta) as MessageMeta;
}

/** Update a conversation's columns. */
export async function updateConversation(
  db: Db,
  id: string,
  changes: Partial<Omit<ConversationRow, 'id' | 'bot_id' | 'token_hash' | 'last_seq'>>,
): Promise<void> {
  await db.updateTable('conversations').set(changes).where('id', '=', id).execute();
}

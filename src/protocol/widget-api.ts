/**
 * The widget ⇄ server contract: every request body, response and event of the public widget API.
 * The server validates requests with these schemas and the widget (widget/) validates responses
 * and events with the same ones, so the two sides cannot drift apart. Keep this module free of
 * Node imports: it is bundled into widget.js. zod/mini (the tree-shakable functional API of the
 * same zod 4) keeps that bundle small: ~8 KB gzipped instead of ~100 KB for the classic API.
 */
import * as z from 'zod/mini';

export const langSchema = z.enum(['nb', 'en']);
export type Lang = z.infer<typeof langSchema>;

/** Longest customer or agent message, in characters; longer bodies get a 413 from the server. */
export const MAX_MESSAGE_CHARS = 2000;

/**
 * Where an answer came from. `noPage` marks a Q&A item with no page of its own: `url` only
 * identifies it, so the widget lists no source for it (the answer is the company's own words).
 */
const sourceSchema = z.object({ url: z.string(), title: z.string(), noPage: z.optional(z.boolean()) });
const int = (min: number, max?: number) => z.int().check(z.minimum(min), ...(max === undefined ? [] : [z.maximum(max)]));

/** A message in a conversation. `seq` is the per-conversation sequence number, also the SSE id. */
export const messageSchema = z.object({
  seq: int(1),
  role: z.enum(['customer', 'bot', 'agent', 'system']),
  text: z.string(),
  at: z.string(),
  clientId: z.optional(z.string()),
  /** Bot answers: whether the bot answered or abstained, what it used and how sure it was. */
  outcome: z.optional(z.enum(['answer', 'abstain'])),
  sources: z.optional(z.array(sourceSchema)),
  confidence: z.optional(z.number()),
  /** Agent messages: the agent's display name. */
  author: z.optional(z.string()),
  /** System messages: what happened, so the widget can localise or style it. */
  event: z.optional(z.enum(['handoff-queued', 'handoff-offline', 'agent-joined', 'agent-left', 'closed', 'contact-saved'])),
});
export type Message = z.infer<typeof messageSchema>;

/** Where the conversation stands; drives which controls the widget shows. */
export const conversationStateSchema = z.object({
  status: z.enum(['bot', 'queued', 'offline', 'agent', 'closed']),
  /**
   * Inside opening hours while waiting for an agent. `staffed` is false while no agent is signed in:
   * no wait is promised then, and the customer may leave an e-mail (`emailSaved`) instead of waiting.
   */
  queue: z.optional(z.object({ position: int(1), waitMinutes: z.nullable(int(1)), staffed: z.boolean(), emailSaved: z.boolean() })),
  /** Outside opening hours: the concrete promise, and whether the customer left an e-mail yet. */
  offline: z.optional(z.object({ replyBy: z.string(), text: z.string(), emailSaved: z.boolean() })),
  agentName: z.optional(z.string()),
  /** Set once the conversation is closed and the customer has not rated it yet. */
  ratingRequested: z.boolean(),
});
export type ConversationState = z.infer<typeof conversationStateSchema>;

export const badgeSchema = z.object({
  inTraining: z.boolean(),
  /** Measured resolution rate over the window, or null while fewer than `minSample` conversations exist. */
  rate: z.nullable(z.number().check(z.minimum(0), z.maximum(1))),
  sample: int(0),
  minSample: int(1),
  goal: z.number().check(z.minimum(0), z.maximum(1)),
  text: z.string(),
});
export type Badge = z.infer<typeof badgeSchema>;

export const themeSchema = z.object({
  color: z._default(z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, 'a #rrggbb colour')), '#0b5cad'),
  name: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(60))),
  avatarUrl: z.optional(z.url({ protocol: /^https?$/ })),
});

/** GET /config: what the widget needs before the first message. */
export const widgetConfigSchema = z.object({
  botName: z.string(),
  languages: z.array(langSchema).check(z.minLength(1)),
  defaultLanguage: langSchema,
  greeting: z.object({ nb: z.string(), en: z.string() }),
  theme: themeSchema,
  badge: badgeSchema,
});
export type WidgetConfig = z.infer<typeof widgetConfigSchema>;

/** POST /conversations */
export const startConversationSchema = z.object({
  pageUrl: z.optional(z.string().check(z.maxLength(2000))),
  lang: z.optional(langSchema),
  /** A random id the widget keeps in localStorage, so agents see earlier chats from the same browser. */
  browserId: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/))),
  /** The browser's IANA timezone, so an offline promise reads in the customer's own clock time. */
  timezone: z.optional(z.string().check(z.maxLength(64))),
});
export const startConversationResultSchema = z.object({
  token: z.string(),
  lang: langSchema,
  state: conversationStateSchema,
  messages: z.array(messageSchema),
});

/** POST /messages; `clientId` makes a retried send idempotent. */
export const sendMessageSchema = z.object({
  clientId: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ and -, at most 64')),
  text: z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_MESSAGE_CHARS)),
  pageUrl: z.optional(z.string().check(z.maxLength(2000))),
});
export const sendMessageResultSchema = z.object({
  message: messageSchema,
  /** The bot's reply, when the bot (not an agent) is handling the conversation. */
  reply: z.optional(messageSchema),
  state: conversationStateSchema,
});

/** GET /messages?after=N */
export const historyResultSchema = z.object({ messages: z.array(messageSchema), state: conversationStateSchema });

export const feedbackSchema = z.object({ seq: int(1), helpful: z.boolean() });
export const handoffRequestSchema = z.object({ reason: z._default(z.literal('button'), 'button') });
export const contactSchema = z.object({ email: z.email().check(z.maxLength(254)) });
export const ratingSchema = z.object({ score: int(0, 10), comment: z.optional(z.string().check(z.trim(), z.maxLength(1000))) });
export const typingSchema = z.object({ typing: z.boolean() });
export const stateResultSchema = z.object({ state: conversationStateSchema });

/**
 * SSE events. `message` events carry the sequence number as their SSE id, so a reconnect with
 * Last-Event-ID resumes exactly; the others are transient and carry no id.
 */
export const widgetEventSchemas = {
  message: messageSchema,
  state: conversationStateSchema,
  typing: z.object({ role: z.enum(['agent', 'customer']), typing: z.boolean() }),
  /** Streamed text of the bot's reply being written (LLM only); the final `message` replaces it. */
  delta: z.object({ clientId: z.string(), text: z.string() }),
} as const;
export type WidgetEventName = keyof typeof widgetEventSchemas;

export const errorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { allowedOriginsOf, widgetKeyOf } from '../config/bot-config.js';
import type { BotRuntime, ChatDeps } from '../conversations/chat-deps.js';
import { conversationState } from '../conversations/conversation-state.js';
import { createConversation, findConversationByToken, getConversation, listMessages, toMessage } from '../conversations/conversation-store.js';
import { recordFeedback, recordRating, saveContactEmail } from '../conversations/customer-actions.js';
import { sendCustomerMessage } from '../conversations/send-customer-message.js';
import { relayTyping } from '../handoff/agent-actions.js';
import { isTimezone } from '../handoff/opening-hours.js';
import { requestHandoff } from '../handoff/request-handoff.js';
import { badgeFor } from '../learning/badge.js';
import {
  contactSchema, feedbackSchema, handoffRequestSchema, ratingSchema, sendMessageSchema, startConversationSchema, typingSchema,
} from '../protocol/widget-api.js';
import type { ConversationRow } from '../storage/schema.js';
import { conversationFeed, streamConversation, resumeAfter } from './conversation-stream.js';
import { visitorNetwork } from '../conversations/visitor-network.js';
import { limitBody } from './body-limit.js';
import { HttpError } from './http-error.js';
import { RateLimiter, type RateBudget } from './rate-limit.js';
import { readBody } from './read-body.js';
import { StreamSlots, type StreamCaps } from './stream-slots.js';

/** Request budgets of the public widget API; tests lower them. */
export interface WidgetLimits {
  perIp: RateBudget;
  messagesPerConversation: RateBudget;
  /** Largest request body in bytes; bigger ones get a 413 before they are read. */
  maxBodyBytes: number;
  /** Event streams open at once: per conversation (a customer's tabs) and per client address. */
  openStreams: StreamCaps;
}

export const DEFAULT_WIDGET_LIMITS: WidgetLimits = {
  perIp: { max: 300, windowMs: 60_000 },
  messagesPerConversation: { max: 20, windowMs: 60_000 },
  maxBodyBytes: 16 * 1024,
  openStreams: { perConversation: 5, perAddress: 50 },
};

type Env = { Variables: { bot: BotRuntime; conversation: ConversationRow } };

/**
 * The public widget API, mounted at /api/widget/:key. The key picks the bot; a bearer token picks
 * the conversation and reads nothing else (any other conversation is a 404, never a 403, so
 * tokens cannot be probed). CORS answers only the bot's allowed origins.
 */
export function widgetRoutes(deps: ChatDeps, opts: { limits: WidgetLimits; clientIp: (c: Context) => string }): Hono<Env> {
  const byKey = new Map([...deps.bots.values()].map((b) => [widgetKeyOf(b.config), b]));
  const ipLimiter = new RateLimiter(opts.limits.perIp, () => deps.now().getTime());
  const messageLimiter = new RateLimiter(opts.limits.messagesPerConversation, () => deps.now().getTime());
  const streams = new StreamSlots(opts.limits.openStreams);
  const app = new Hono<Env>();

  const botOf = (c: Context) => byKey.get(c.req.param('key') ?? '');
  const originAllowed = (c: Context, origin: string) => {
    const bot = botOf(c);
    return origin === new URL(c.req.url).origin || (bot !== undefined && allowedOriginsOf(bot.config).includes(origin));
  };

  app.use(
    cors({
      origin: (origin, c) => (originAllowed(c, origin) ? origin : null),
      allowHeaders: ['Content-Type', 'Authorization', 'Last-Event-ID'],
      exposeHeaders: ['Retry-After'],
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      maxAge: 600,
    }),
  );
  app.use(async (c, next) => {
    const bot = botOf(c);
    if (!bot) throw new HttpError(404, 'NOT_FOUND', 'Unknown widget key');
    // CORS headers alone only stop the browser from reading; refuse foreign pages outright.
    const origin = c.req.header('origin');
    if (origin && !originAllowed(c, origin)) throw new HttpError(403, 'FORBIDDEN', `Origin ${origin} may not use this bot`);
    ipLimiter.take(opts.clientIp(c));
    c.set('bot', bot);
    await next();
  });
  app.use(limitBody(opts.limits.maxBodyBytes));

  const withConversation = async (c: Context<Env>, next: () => Promise<void>) => {
    const token = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    const conversation = token ? await findConversationByToken(deps.db, c.get('bot').config.id, token) : undefined;
    if (!conversation) throw new HttpError(404, 'NOT_FOUND', 'No such conversation; start a new one');
    c.set('conversation', conversation);
    await next();
  };

  app.get('/config', async (c) => {
    const bot = c.get('bot').config;
    return c.json({
      botName: bot.name,
      languages: bot.languages,
      defaultLanguage: bot.defaultLanguage,
      greeting: bot.greeting,
      theme: bot.theme,
      badge: await badgeFor(deps, bot),
    });
  });
  app.get('/badge', async (c) => c.json(await badgeFor(deps, c.get('bot').config)));

  app.post('/conversations', async (c) => {
    const body = await readBody(c, startConversationSchema);
    const bot = c.get('bot').config;
    const lang = body.lang && bot.languages.includes(body.lang) ? body.lang : bot.defaultLanguage;
    const { conversation, token } = await createConversation(deps.db, { botId: bot.id, lang, pageUrl: body.pageUrl, browserId: body.browserId, clientNet: visitorNetwork(opts.clientIp(c)), timezone: body.timezone && isTimezone(body.timezone) ? body.timezone : undefined, now: deps.now() });
    return c.json({ token, lang, state: await conversationState(deps, conversation), messages: [] }, 201);
  });

  app.use('/messages', withConversation);
  app.use('/events', withConversation);
  app.use('/feedback', withConversation);
  app.use('/handoff', withConversation);
  app.use('/contact', withConversation);
  app.use('/rating', withConversation);
  app.use('/typing', withConversation);

  app.get('/messages', async (c) => {
    const conversation = c.get('conversation');
    const messages = (await listMessages(deps.db, conversation.id, resumeAfter(c))).map(toMessage);
    return c.json({ messages, state: await conversationState(deps, conversation) });
  });

  app.post('/messages', async (c) => {
    const body = await readBody(c, sendMessageSchema);
    const conversation = c.get('conversation');
    messageLimiter.take(conversation.id);
    const { message, reply } = await sendCustomerMessage(deps, conversation, body);
    const fresh = (await getConversation(deps.db, conversation.id))!;
    return c.json({ message: toMessage(message), ...(reply ? { reply: toMessage(reply) } : {}), state: await conversationState(deps, fresh) });
  });

  app.get('/events', (c) => {
    const conversation = c.get('conversation');
    const release = streams.open(conversation.id, opts.clientIp(c));
    return streamConversation(c, {
      onClose: release,
      ...conversationFeed(deps, conversation.id),
      after: resumeAfter(c),
    });
  });

  app.post('/feedback', async (c) => {
    const body = await readBody(c, feedbackSchema);
    await recordFeedback(deps, c.get('conversation'), body.seq, body.helpful);
    return c.json({ ok: true });
  });

  app.post('/handoff', async (c) => {
    await readBody(c, handoffRequestSchema);
    const conversation = c.get('conversation');
    if (conversation.status === 'bot' || conversation.status === 'closed') await requestHandoff(deps, conversation, 'button');
    const fresh = (await getConversation(deps.db, conversation.id))!;
    return c.json({ state: await conversationState(deps, fresh) });
  });

  app.post('/contact', async (c) => {
    const body = await readBody(c, contactSchema);
    const conversation = c.get('conversation');
    await saveContactEmail(deps, conversation, body.email);
    const fresh = (await getConversation(deps.db, conversation.id))!;
    return c.json({ state: await conversationState(deps, fresh) });
  });

  app.post('/rating', async (c) => {
    const body = await readBody(c, ratingSchema);
    await recordRating(deps, c.get('conversation'), body.score, body.comment);
    return c.json({ ok: true });
  });

  app.post('/typing', async (c) => {
    const body = await readBody(c, typingSchema);
    relayTyping(deps, c.get('conversation').id, 'customer', body.typing);
    return c.json({ ok: true });
  });

  return app;
}


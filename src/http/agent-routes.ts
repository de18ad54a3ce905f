import { Hono } from 'hono';
import { z } from 'zod';
import { queueChannel, type ChatDeps } from '../conversations/chat-deps.js';
import { getConversation, toMessage } from '../conversations/conversation-store.js';
import { agentReply, agentTyping, claimHandoff, closeConversation, handBack } from '../handoff/agent-actions.js';
import { handoffPacket, listHandoffs, suggestReply } from '../handoff/agent-views.js';
import { sendMessageSchema, typingSchema } from '../protocol/widget-api.js';
import { requireUser, sessionHolds, type AuthEnv } from './auth-routes.js';
import { conversationFeed, resumeAfter, streamConversation } from './conversation-stream.js';
import { streamHubEvents } from './hub-stream.js';
import { HttpError } from './http-error.js';
import type { Presence } from './presence.js';
import { readBody } from './read-body.js';

const closeSchema = z.object({ teach: z.boolean().default(false) });
const agentMessageSchema = z.object({ clientId: sendMessageSchema.shape.clientId, text: sendMessageSchema.shape.text });

/** The agent console's API under /api/agent: queue, claim, transcript and context, reply, hand back, close. */
export function agentRoutes(deps: ChatDeps, presence: Presence): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const botIds = [...deps.bots.keys()];
  app.use(requireUser(deps.db, deps.now, ['agent', 'owner', 'admin']));

  app.get('/queue', async (c) => {
    const user = c.get('user');
    return c.json({
      waiting: await listHandoffs(deps, { botIds }),
      mine: await listHandoffs(deps, { botIds, claimedBy: user.id }),
      agentsOnline: presence.count(),
    });
  });

  /** Queue changes as transient SSE events; an open stream also marks the agent as online. */
  app.get('/events', (c) => {
    const user = c.get('user');
    return streamHubEvents(c, deps.hub, {
      channels: botIds.map(queueChannel),
      event: 'queue',
      hello: { hello: true },
      onOpen: () => presence.join(user.id),
      // A disabled agent's open console must stop counting as online: customers would be promised a wait.
      alive: sessionHolds(deps.db, deps.now, c),
    });
  });

  app.post('/handoffs/:id/claim', async (c) => {
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id)) throw new HttpError(404, 'NOT_FOUND', 'No such handoff');
    const handoff = await claimHandoff(deps, id, c.get('user'));
    return c.json({ conversationId: handoff.conversation_id });
  });

  app.use('/conversations/:id/*', async (c, next) => {
    const conversation = await getConversation(deps.db, c.req.param('id') ?? '');
    if (!conversation || !deps.bots.has(conversation.bot_id)) throw new HttpError(404, 'NOT_FOUND', 'No such conversation');
    await next();
  });

  app.get('/conversations/:id/context', async (c) => c.json(await handoffPacket(deps, c.req.param('id'))));
  app.get('/conversations/:id/suggestion', async (c) => c.json(await suggestReply(deps, c.req.param('id'))));

  app.get('/conversations/:id/events', (c) => {
    const id = c.req.param('id');
    return streamConversation(c, {
      ...conversationFeed(deps, id),
      after: resumeAfter(c),
      // A disabled agent's open chat must stop showing the customer's messages.
      alive: sessionHolds(deps.db, deps.now, c),
    });
  });

  app.post('/conversations/:id/messages', async (c) => {
    const body = await readBody(c, agentMessageSchema);
    const row = await agentReply(deps, c.req.param('id'), c.get('user'), body.text, body.clientId);
    return c.json({ message: toMessage(row) });
  });

  app.post('/conversations/:id/typing', async (c) => {
    const body = await readBody(c, typingSchema);
    await agentTyping(deps, c.req.param('id'), c.get('user'), body.typing);
    return c.json({ ok: true });
  });

  app.post('/conversations/:id/release', async (c) => {
    await handBack(deps, c.req.param('id'), c.get('user'));
    return c.json({ ok: true });
  });

  app.post('/conversations/:id/close', async (c) => {
    const body = await readBody(c, closeSchema);
    await closeConversation(deps, c.req.param('id'), c.get('user'), body.teach);
    return c.json({ ok: true });
  });
  return app;
}

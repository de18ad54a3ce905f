import { isTopicOnly } from '../answer/follow-up.js';
import { messagesFor } from '../answer/messages.js';
import { createAnalyzer } from '../retrieval/analyze-text.js';
import type { AskOutput } from '../cli/ask-output.js';
import { plainLanguage } from '../ingest/detect-language.js';
import { handoffAfterAbstention, handoffBeforeAnswer, type LastBotTurn } from '../handoff/handoff-trigger.js';
import { greetingLanguage, isGreeting, isThanks, isYes, thanksLanguage } from '../handoff/person-request.js';
import { requestHandoff } from '../handoff/request-handoff.js';
import type { ConversationRow, MessageRow } from '../storage/schema.js';
import { queueChannel, type ChatDeps } from './chat-deps.js';
import { findByClientId, messageMeta, type MessageMeta, updateConversation } from './conversation-store.js';
import { recordFeedback } from './customer-actions.js';
import { postMessage } from './post-message.js';
import { SYSTEM_TEXTS } from './system-texts.js';

const analyzer = createAnalyzer();

/**
 * A customer's message: stored first, then answered by the bot — or handed to a person, or left
 * for the agent who has the chat. Retrying with the same clientId returns what the first attempt
 * stored instead of storing (or answering) twice.
 */
export async function sendCustomerMessage(
  deps: ChatDeps,
  conversation: ConversationRow,
  input: { clientId: string; text: string; pageUrl?: string },
): Promise<{ message: MessageRow; reply?: MessageRow }> {
  const earlier = await findByClientId(deps.db, conversation.id, 'customer', input.clientId);
  if (earlier) return { message: earlier, ...(await replyTo(deps, conversation.id, input.clientId)) };

  // A visitor on the Norwegian page who writes English gets the handoff notice, the promise and
  // the agent's queue entry in English too (the bot answers each question in its own language).
  const bot = deps.bots.get(conversation.bot_id)!;
  const spoken = plainLanguage(input.text);
  const lang = spoken && spoken !== conversation.lang && bot.config.languages.includes(spoken) ? { lang: spoken } : {};
  if (conversation.status === 'closed' || lang.lang || (input.pageUrl && input.pageUrl !== conversation.page_url)) {
    // A new question after closing starts over with the bot; the agent's chat is finished.
    const reopen = conversation.status === 'closed' ? { status: 'bot' as const, closed_at: null, agent_id: null } : {};
    await updateConversation(deps.db, conversation.id, { ...reopen, ...lang, ...(input.pageUrl ? { page_url: input.pageUrl } : {}) });
    conversation = { ...conversation, ...reopen, ...lang };
  }

  let message: MessageRow;
  try {
    message = await postMessage(deps, { conversationId: conversation.id, role: 'customer', text: input.text, clientId: input.clientId });
  } catch (err) {
    // A concurrent retry of the same send won the unique (conversation, role, client id) race.
    const raced = await findByClientId(deps.db, conversation.id, 'customer', input.clientId);
    if (!raced) throw err;
    return { message: raced, ...(await replyTo(deps, conversation.id, input.clientId)) };
  }

  if (conversation.status !== 'bot') {
    deps.hub.publish(queueChannel(conversation.bot_id), { event: 'queue', data: { conversationId: conversation.id } });
    return { message };
  }

  // The bot's latest turns, newest first: read once for the turn, the follow-up's topic and the
  // two-abstentions check.
  const recent = await recentBotReplies(deps, conversation.id, 5);
  const last = recent[0] && { seq: recent[0].seq, outcome: messageMeta(recent[0]).outcome };
  const turn = await turnOf(deps, conversation.id, last);
  // "Tusen takk!" is no question to search, nor a gap: after an answer it says the answer helped.
  // "ok takk" to the person the bot just offered is a yes, though.
  if (isThanks(input.text) && !(turn === 'abstained' && isYes(input.text))) {
    const unjudged = turn === 'none' && last?.outcome === 'answer' ? last.seq : undefined;
    return { message, reply: await welcome(deps, conversation, input, unjudged) };
  }

  // "Hei!" is no question either: greeted back, it waits for one (searched, it was an abstention
  // that counted towards handing the chat to a person).
  if (isGreeting(input.text)) {
    return { message, reply: await postBotMessage(deps, conversation.id, input.clientId, SYSTEM_TEXTS.greeting[greetingLanguage(input.text) ?? conversation.lang], {}) };
  }

  const before = handoffBeforeAnswer(input.text, bot.config, turn);
  if (before) {
    const notice = await requestHandoff(deps, conversation, before.reason, before.detail);
    return { message, ...(notice ? { reply: notice } : {}) };
  }

  let streamed = '';
  const onToken = (token: string) => {
    streamed += token;
    deps.hub.publish(conversation.id, { event: 'delta', data: { clientId: input.clientId, text: streamed } });
  };
  let reply: MessageRow;
  try {
    const previous = await previousQuestion(deps, conversation.id, recent);
    // Told what an unclear follow-up is about ("hvor lang tid tar det?" — "eSIM"), the bot answers
    // that follow-up now, about this; a question of its own starts afresh.
    const ask = previous?.unclear && isTopicOnly(input.text, analyzer) ? { question: previous.question, topic: input.text } : { question: input.text, topic: previous?.unclear ? undefined : previous?.question };
    reply = await postBotReply(deps, conversation.id, input.clientId, await bot.ask(ask.question, { onToken, lang: conversation.lang, topic: ask.topic }));
  } catch (err) {
    // Remote embeddings or the index failing is our fault, not a gap in the knowledge: the
    // customer hears so and is offered a person, instead of a question left without a reply.
    const text = messagesFor(spoken ?? conversation.lang).llmFailed;
    reply = await postBotMessage(deps, conversation.id, input.clientId, text, { outcome: 'abstain', failed: true });
    deps.log?.(`Answering failed in conversation ${conversation.id}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (messageMeta(reply).outcome === 'abstain') {
    if (handoffAfterAbstention([...recent.slice(0, 1), reply])) await requestHandoff(deps, conversation, 'abstentions');
  }
  return { message, reply };
}

async function postBotReply(deps: ChatDeps, conversationId: string, clientId: string, result: AskOutput): Promise<MessageRow> {
  const meta = {
    outcome: result.outcome,
    sources: result.sources,
    confidence: result.confidence,
    candidates: result.candidates.slice(0, 5),
    ...(result.asked === undefined ? {} : { asked: result.asked }),
    ...(result.unclear ? { unclear: result.unclear } : {}),
  };
  return postBotMessage(deps, conversationId, clientId, result.answer, meta);
}

/**
 * The question the bot last answered or abstained on ("Tusen takk" and the like in between are no
 * question): as it was searched, so a chain of follow-ups keeps what each one added ("og fiber?"
 * then "hva koster det å bryte den?"). `unclear`: the bot asked what that question is about.
 */
async function previousQuestion(deps: ChatDeps, conversationId: string, recent: ReadonlyArray<Pick<MessageRow, 'meta' | 'client_id'>>): Promise<{ question: string; unclear: boolean } | undefined> {
  const reply = recent.map((r) => ({ ...r, meta: messageMeta(r) })).find((r) => (r.meta.outcome === 'answer' || r.meta.outcome === 'abstain') && !r.meta.failed);
  if (!reply?.client_id) return undefined;
  const { meta } = reply;
  const question = meta.asked ?? (await findByClientId(deps.db, conversationId, 'customer', reply.client_id))?.text;
  return question === undefined ? undefined : { question, unclear: meta.unclear === true };
}

/**
 * A thank-you after an answer the customer has not judged yet counts as "that helped" (confirmed,
 * and learned from like the button); the bot says "you're welcome" — a turn with no outcome, so
 * it offers no "Did that help?" and two abstentions around it are no longer in a row.
 */
async function welcome(deps: ChatDeps, conversation: ConversationRow, input: { clientId: string; text: string }, unjudgedAnswer: number | undefined): Promise<MessageRow> {
  if (unjudgedAnswer !== undefined) await recordFeedback(deps, conversation, unjudgedAnswer, true);
  return postBotMessage(deps, conversation.id, input.clientId, SYSTEM_TEXTS.welcome[thanksLanguage(input.text) ?? conversation.lang], {});
}

async function postBotMessage(deps: ChatDeps, conversationId: string, clientId: string, text: string, meta: MessageMeta): Promise<MessageRow> {
  try {
    return await postMessage(deps, { conversationId, role: 'bot', text, clientId, meta });
  } catch (err) {
    const raced = await findByClientId(deps.db, conversationId, 'bot', clientId);
    if (!raced) throw err;
    return raced;
  }
}

async function replyTo(deps: ChatDeps, conversationId: string, clientId: string): Promise<{ reply?: MessageRow }> {
  const reply = await findByClientId(deps.db, conversationId, 'bot', clientId);
  return reply ? { reply } : {};
}

/** The bot's latest turn (`last`): an abstention, or the customer's verdict on its answer if they gave one. */
async function turnOf(deps: ChatDeps, conversationId: string, last: { seq: number; outcome: MessageMeta['outcome'] } | undefined): Promise<LastBotTurn> {
  if (last?.outcome === 'abstain') return 'abstained';
  if (last?.outcome !== 'answer') return 'none';
  const helpful = await verdictOn(deps, conversationId, last.seq);
  return helpful === undefined ? 'none' : helpful ? 'helpful' : 'not-helpful';
}

/** The bot's latest `n` messages, newest first. */
function recentBotReplies(deps: ChatDeps, conversationId: string, n: number): Promise<Array<Pick<MessageRow, 'seq' | 'meta' | 'client_id'>>> {
  return deps.db.selectFrom('messages').select(['seq', 'meta', 'client_id']).where('conversation_id', '=', conversationId).where('role', '=', 'bot').orderBy('seq', 'desc').limit(n).execute();
}

// The customer's latest verdict on one answer, if any.
async function verdictOn(deps: ChatDeps, conversationId: string, seq: number): Promise<boolean | undefined> {
  const feedback = await deps.db
    .selectFrom('feedback')
    .select('helpful')
    .where('conversation_id', '=', conversationId)
    .where('message_seq', '=', seq)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return feedback && feedback.helpful === 1;
}

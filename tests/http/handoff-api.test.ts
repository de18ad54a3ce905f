import { describe, expect, it } from 'vitest';
import { gapQuestions } from '../../src/learning/gap-questions.js';
import { MESSAGES } from '../../src/answer/messages.js';
import { SYSTEM_TEXTS } from '../../src/conversations/system-texts.js';
import { conversationStateSchema } from '../../src/protocol/widget-api.js';
import { agentClient, chatApp, readEvents, widgetClient } from '../fixtures/chat-app.js';

const SATURDAY_NOON = new Date('2026-11-28T11:00:00Z');

/** A chat with one question, handed off and claimed by an agent. */
async function claimedChat() {
  const t = await chatApp();
  const w = widgetClient(t);
  await w.start();
  await w.send('hvor finner jeg puk koden', 'q1');
  await w.call('POST', '/handoff', {});
  const agent = await agentClient(t);
  const { waiting } = (await agent.call('GET', '/api/agent/queue')).body;
  const id: string = (await agent.call('POST', `/api/agent/handoffs/${waiting[0].handoffId}/claim`, {})).body.conversationId;
  return { t, w, agent, id };
}

describe('handoff triggers', () => {
  it('hands off on a typed request for a person, inside opening hours: queue place and wait', async () => {
    const t = await chatApp();
    const w = widgetClient(t);
    await w.start();
    const res = await w.send('kan jeg snakke med et menneske?', 'p1');
    expect(res.body.reply).toMatchObject({ role: 'system', event: 'handoff-queued' });
    const state = conversationStateSchema.parse(res.body.state);
    expect(state.status).toBe('queued');
    expect(state.queue).toEqual({ position: 1, waitMinutes: null, staffed: false, emailSaved: false });
    const second = widgetClient(t);
    await second.start();
    const s2 = await second.call('POST', '/handoff', {});
    expect(s2.body.state.queue.position).toBe(2);
    const row = await t.db.selectFrom('handoffs').selectAll().where('reason', '=', 'typed-request').executeTakeFirstOrThrow();
    expect(row.status).toBe('queued');
  });

  it('counts each waiting customer\'s place down live as agents take the chats ahead', async () => {
    const t = await chatApp();
    const first = widgetClient(t);
    await first.start();
    await first.call('POST', '/handoff', {});
    const second = widgetClient(t);
    await second.start();
    expect((await second.call('POST', '/handoff', {})).body.state.queue.position).toBe(2);
    const stream = await t.app.request('/api/widget/test/events', { headers: { authorization: `Bearer ${second.token}`, 'last-event-id': '1000' } });
    const live = readEvents(stream, (ev) => ev.some((e) => e.event === 'state' && (e.data as { queue?: { position: number } }).queue?.position === 1));
    await new Promise((r) => setTimeout(r, 30));
    const agent = await agentClient(t);
    const ahead = (await agent.call('GET', '/api/agent/queue')).body.waiting[0];
    await agent.call('POST', `/api/agent/handoffs/${ahead.handoffId}/claim`, {});
    const states = (await live).filter((e) => e.event === 'state').map((e) => (e.data as { queue: { position: number } }).queue.position);
    expect(states).toEqual([2, 1]);
  });

  it('promises no wait while no agent is signed in, offers the e-mail path, and ignores overnight waits', async () => {
    const t = await chatApp();
    const w = widgetClient(t);
    await w.start();
    const alone = (await w.call('POST', '/handoff', {})).body.state.queue;
    expect(alone).toEqual({ position: 1, waitMinutes: null, staffed: false, emailSaved: false });
    expect((await w.call('POST', '/contact', { email: 'kunde@example.com' })).status).toBe(200);
    expect((await w.call('GET', '/messages?after=1000')).body.state.queue.emailSaved).toBe(true);

    // History: one chat taken after 4 minutes in opening hours, one left overnight (16 h).
    const now = t.clock.now.getTime();
    const past = (ms: number) => new Date(now - ms).toISOString();
    const conversationId = (await t.db.selectFrom('conversations').select('id').executeTakeFirstOrThrow()).id;
    const base = { conversation_id: conversationId, bot_id: 'test', reason: 'button', detail: null, status: 'closed', lang: 'nb', mood: 'calm', summary: '' } as const;
    await t.db.insertInto('handoffs').values([
      { ...base, requested_at: past(3_600_000), claimed_at: past(3_360_000), reply_by: null },
      { ...base, requested_at: past(20 * 3_600_000), claimed_at: past(4 * 3_600_000), reply_by: past(4 * 3_600_000) },
    ]).execute();
    const agent = await agentClient(t);
    const online = await t.app.request('/api/agent/events', { headers: { cookie: agent.cookie } });
    const reader = online.body!.getReader();
    await reader.read();
    const staffed = (await w.call('GET', '/messages?after=1000')).body.state.queue;
    expect(staffed).toMatchObject({ position: 1, waitMinutes: 4, staffed: true });
    await reader.cancel();
  });

  it('takes "ja takk" after an abstention as yes to the person the bot offered; the gap stays the question', async () => {
    const t = await chatApp();
    const w = widgetClient(t);
    await w.start();
    expect((await w.send('hvordan dyrker jeg tomater på balkongen', 'a1')).body.reply.outcome).toBe('abstain');
    const yes = await w.send('ja takk', 'a2');
    expect(yes.body.reply).toMatchObject({ role: 'system', event: 'handoff-queued' });
    expect((await t.db.selectFrom('handoffs').select('reason').executeTakeFirstOrThrow()).reason).toBe('typed-request');
    const gaps = await gapQuestions(t.db, 'test', new Date(0));
    expect(gaps.map((g) => [g.text, g.handedOff])).toEqual([['hvordan dyrker jeg tomater på balkongen', true]]);
  });

  it('answers "ja takk" that follows an answer, not a person offer, as a question', async () => {
    const t = await chatApp();
    const w = widgetClient(t);
    await w.start();
    expect((await w.send('hvor finner jeg puk koden', 'b1')).body.reply.outcome).toBe('answer');
    expect((await w.send('ja takk', 'b2')).body.state.status).toBe('bot');
  });

  it('follows the customer into English: the handoff notice, queue entry and promise', async () => {
    const t = await chatApp();
    const w = widgetClient(t);
    await w.start({ lang: 'nb' });
    await w.send('ok', 'l0');
    expect((await t.db.selectFrom('conversations').select('lang').executeTakeFirstOrThrow()).lang).toBe('nb');
    const res = await w.send('I want to talk to a human please', 'l1');
    expect(res.body.reply.text).toMatch(/^I'm connecting you with an advisor/);
    const agent = await agentClient(t);
    expect((await agent.call('GET', '/api/agent/queue')).body.waiting[0].lang).toBe('en');
  });

  it('answers a short question that names customer service instead of handing it off', async () => {
    const t = await chatApp();
    const w = widgetClient(t);
    await w.start();
    const res = await w.send('Når har kundeservice åpent?', 'k1');
    expect(res.body.reply.role).toBe('bot');
    expect(res.body.state.status).toBe('bot');
  });

  it('takes "tusen takk" after an answer as "that helped": a welcome, no search, no gap, confirmed', async () => {
    const t = await chatApp();
    const w = widgetClient(t);
    await w.start();
    const answer = await w.send('hvor finner jeg puk koden', 't1');
    expect(answer.body.reply.outcome).toBe('answer');
    const thanks = await w.send('Tusen takk!', 't2');
    expect(thanks.body.reply).toMatchObject({ role: 'bot', text: SYSTEM_TEXTS.welcome.nb });
    expect(thanks.body.reply.outcome).toBeUndefined();
    expect(thanks.body.state.status).toBe('bot');
    const feedback = await t.db.selectFrom('feedback').select(['message_seq', 'helpful']).execute();
    expect(feedback).toEqual([{ message_seq: answer.body.reply.seq, helpful: 1 }]);
    expect(await gapQuestions(t.db, 'test', new Date(0))).toEqual([]);
    // After an abstention a plain "takk" only says "you're welcome": no second abstention, so no
    // handoff. "ok takk" to the offer of a person is a yes.
    await w.send('hvordan dyrker jeg tomater på balkongen', 't3');
    expect((await w.send('takk', 't4')).body.state.status).toBe('bot');
    expect((await w.send('hva er oppskriften på fiskesuppe', 't5')).body.state.status).toBe('bot');
    expect((await w.send('ok takk', 't6')).body.state.status).toBe('queued');
    // In an English chat a bare "cheers" is welcomed in English.
    const en = widgetClient(t);
    await en.start({ lang: 'en' });
    await en.send('where do I find my PUK code', 'e1');
    expect((await en.send('cheers', 'e2')).body.reply.text).toBe(SYSTEM_TEXTS.welcome.en);
  });

  it('greets a greeting back without searching it: no abstention towards a handoff, no gap', async () => {
    const t = await chatApp();
    const w = widgetClient(t);
    await w.start();
    const hello = (await w.send('Hei!', 'g1')).body;
    expect(hello.reply).toMatchObject({ role: 'bot', text: SYSTEM_TEXTS.greeting.nb });
    expect(hello.reply.outcome).toBeUndefined();
    // One abstention after the greeting is the first one, not the second in a row.
    expect((await w.send('hvordan dyrker jeg tomater på balkongen', 'g2')).body.state.status).toBe('bot');
    const en = widgetClient(t);
    await en.start();
    expect((await en.send('Hi there', 'e1')).body.reply.text).toBe(SYSTEM_TEXTS.greeting.en);
    await en.send('I want to talk to a human', 'e2');
    expect((await gapQuestions(t.db, 'test', new Date(0))).map((g) => g.text)).toEqual(['hvordan dyrker jeg tomater på balkongen']);
  });

  it('answers in the conversation\'s language when the question is too short to tell', async () => {
    const t = await chatApp();
    const w = widgetClient(t);
    await w.start({ lang: 'en' });
    const r = await w.send('PUK kode', 'e1');
    expect(r.body.reply.outcome).toBe('answer');
    expect(r.body.reply.text.startsWith(MESSAGES.en.quotedInOtherLanguage)).toBe(true);
  });

  it('tells the customer when answering fails, offers a person, and records no knowledge gap', async () => {
    const t = await chatApp();
    const bot = t.bots.get('test')!;
    const working = bot.ask;
    // The bot's remote embeddings are down: what the runtime passed to the conversation throws.
    bot.ask = async () => {
      throw new Error('embeddings endpoint returned 500');
    };
    const w = widgetClient(t);
    await w.start();
    const r = await w.send('hvor finner jeg puk koden', 'f1');
    expect(r.status).toBe(200);
    expect(r.body.reply).toMatchObject({ role: 'bot', outcome: 'abstain', text: MESSAGES.nb.llmFailed });
    expect(await gapQuestions(t.db, 'test', new Date(0))).toEqual([]);
    bot.ask = working;
    expect((await w.send('hvor finner jeg puk koden', 'f2')).body.reply.outcome).toBe('answer');
  });

  it('hands off after two abstentions in a row', async () => {
    const t = await chatApp();
    const w = widgetClient(t);
    await w.start();
    const first = await w.send('hvordan dyrker jeg tomater på balkongen', 'a1');
    expect(first.body.reply.outcome).toBe('abstain');
    expect(first.body.state.status).toBe('bot');
    const second = await w.send('hva er oppskriften på fiskesuppe', 'a2');
    expect(second.body.reply.outcome).toBe('abstain');
    expect(second.body.state.status).toBe('queued');
    const row = await t.db.selectFrom('handoffs').select('reason').executeTakeFirstOrThrow();
    expect(row.reason).toBe('abstentions');
  });

  it('hands off a sensitive topic straight away, and a question after negative feedback', async () => {
    const t = await chatApp({ bot: { sensitiveTopics: [{ name: 'complaints', keywords: ['klage'] }] } });
    const w = widgetClient(t);
    await w.start();
    const res = await w.send('jeg vil klage på fakturaen', 's1');
    expect(res.body.state.status).toBe('queued');
    expect((await t.db.selectFrom('handoffs').select(['reason', 'detail']).executeTakeFirstOrThrow())).toEqual({ reason: 'sensitive-topic', detail: 'complaints' });

    const v = widgetClient(t);
    await v.start();
    const answered = await v.send('hvor finner jeg puk koden', 'n1');
    expect(answered.body.reply.outcome).toBe('answer');
    expect((await v.call('POST', '/feedback', { seq: answered.body.reply.seq, helpful: false })).status).toBe(200);
    const next = await v.send('jeg finner den ikke på min side', 'n2');
    expect(next.body.state.status).toBe('queued');
    // The complaint went to a person by rule: no knowledge gap. The question after "that did not
    // help" is one: the answer was not enough.
    const gaps = await gapQuestions(t.db, 'test', new Date(0));
    expect(gaps.map((g) => [g.text, g.handedOff])).toEqual([['jeg finner den ikke på min side', true]]);
  });

  it('outside opening hours promises a concrete reply time and takes a validated e-mail', async () => {
    const t = await chatApp({ now: SATURDAY_NOON });
    const w = widgetClient(t);
    await w.start({ lang: 'en' });
    const res = await w.call('POST', '/handoff', {});
    const state = conversationStateSchema.parse(res.body.state);
    expect(state.status).toBe('offline');
    expect(state.offline!.text).toMatch(/Monday 08:00/);
    expect(new Date(state.offline!.replyBy).toISOString()).toBe('2026-11-30T07:00:00.000Z');
    expect((await w.call('POST', '/contact', { email: 'not-an-email' })).status).toBe(422);
    const saved = await w.call('POST', '/contact', { email: 'ola@example.com' });
    expect(saved.body.state.offline.emailSaved).toBe(true);
    // Read again on Sunday evening and after midnight: the same time, named from the reader's day.
    t.clock.now = new Date('2026-11-29T18:00:00Z');
    expect((await w.call('GET', '/messages?after=1000')).body.state.offline.text).toMatch(/by tomorrow 08:00/);
    t.clock.now = new Date('2026-11-30T01:00:00Z');
    expect((await w.call('GET', '/messages?after=1000')).body.state.offline.text).toMatch(/by today 08:00/);
  });

  it('writes the promise in the customer’s own timezone when the widget sends it', async () => {
    const t = await chatApp({ now: SATURDAY_NOON });
    const w = widgetClient(t);
    await w.start({ lang: 'en', timezone: 'America/New_York' });
    const res = await w.call('POST', '/handoff', {});
    expect(res.body.state.offline.text).toBe("We're closed now. An advisor will reply by Monday 02:00.");
    const bogus = widgetClient(t);
    await bogus.start({ lang: 'en', timezone: 'Not/AZone' });
    expect((await bogus.call('POST', '/handoff', {})).body.state.offline.text).toMatch(/Monday 08:00/);
  });
});

describe('agent console API', () => {
  it('needs a session, and a CSRF token for changes', async () => {
    const t = await chatApp();
    expect((await t.app.request('/api/agent/queue')).status).toBe(401);
    const agent = await agentClient(t);
    expect((await agent.call('GET', '/api/agent/queue')).status).toBe(200);
    const noCsrf = await agent.call('POST', '/api/agent/handoffs/1/claim', {}, { 'x-csrf-token': 'wrong' });
    expect(noCsrf.status).toBe(403);
    const bad = await t.app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'kari@test.example', password: 'wrong password' }) });
    expect(bad.status).toBe(401);
  });

  it('lets exactly one of two agents claim a chat', async () => {
    const t = await chatApp();
    const w = widgetClient(t);
    await w.start();
    await w.call('POST', '/handoff', {});
    const kari = await agentClient(t, 'kari@test.example');
    const ola = await agentClient(t, 'ola@test.example');
    const queue = await kari.call('GET', '/api/agent/queue');
    const id = queue.body.waiting[0].handoffId;
    const results = await Promise.all([kari.call('POST', `/api/agent/handoffs/${id}/claim`, {}), ola.call('POST', `/api/agent/handoffs/${id}/claim`, {})]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const audit = await t.db.selectFrom('audit_events').select('action').where('action', '=', 'handoff.claim').execute();
    expect(audit).toHaveLength(1);
    expect((await kari.call('GET', '/api/agent/queue')).body.waiting).toEqual([]);
  });

  it('gives the agent the full context, relays replies live, and closes with a rating request and a teaching suggestion', async () => {
    const t = await chatApp();
    const w = widgetClient(t);
    await w.start({ pageUrl: 'https://test.example/faktura', lang: 'nb', browserId: 'browser-123' });
    await w.send('hvor finner jeg puk koden', 'q1');
    await w.send('kan jeg få snakke med en kundebehandler', 'q2');
    const agent = await agentClient(t);
    const { waiting } = (await agent.call('GET', '/api/agent/queue')).body;
    expect(waiting[0]).toMatchObject({ reason: 'typed-request', lang: 'nb', mood: 'calm', pageUrl: 'https://test.example/faktura' });
    const claim = await agent.call('POST', `/api/agent/handoffs/${waiting[0].handoffId}/claim`, {});
    const id = claim.body.conversationId;
    const context = (await agent.call('GET', `/api/agent/conversations/${id}/context`)).body;
    const botAnswer = context.messages.find((m: { role: string }) => m.role === 'bot');
    expect(botAnswer.sources[0].url).toBe('https://test.example/mobil/puk');
    expect(botAnswer.confidence).toBeGreaterThan(0);
    expect(context.handoff.summary).toMatch(/puk/i);
    const suggestion = (await agent.call('GET', `/api/agent/conversations/${id}/suggestion`)).body;
    expect(suggestion.sources[0].url).toBe('https://test.example/mobil/puk');

    const lastSeq = String((await w.call('GET', '/messages')).body.messages.at(-1).seq);
    const stream = await t.app.request('/api/widget/test/events', { headers: { authorization: `Bearer ${w.token}`, 'last-event-id': lastSeq } });
    const live = readEvents(stream, (ev) => ev.some((e) => e.event === 'message' && (e.data as { role: string }).role === 'agent'));
    await new Promise((r) => setTimeout(r, 30));
    const reply = await agent.call('POST', `/api/agent/conversations/${id}/messages`, { clientId: 'm1', text: 'PUK-koden står på Min side.' });
    expect(reply.status).toBe(200);
    expect((await agent.call('POST', `/api/agent/conversations/${id}/typing`, { typing: true })).status).toBe(200);
    expect((await live).find((e) => e.event === 'message')!.data).toMatchObject({ role: 'agent', text: 'PUK-koden står på Min side.' });

    expect((await agent.call('POST', `/api/agent/conversations/${id}/close`, { teach: true })).status).toBe(200);
    const state = (await w.call('GET', '/messages?after=1000')).body.state;
    expect(state).toMatchObject({ status: 'closed', ratingRequested: true });
    expect((await w.call('POST', '/rating', { score: 8, comment: 'Rask hjelp' })).status).toBe(200);
    expect((await w.call('GET', '/messages?after=1000')).body.state.ratingRequested).toBe(false);
    const suggestionRow = await t.db.selectFrom('knowledge_suggestions').selectAll().executeTakeFirstOrThrow();
    expect(suggestionRow).toMatchObject({ status: 'pending', question: 'hvor finner jeg puk koden', answer: 'PUK-koden står på Min side.' });
    expect((await t.db.selectFrom('ratings').select('score').executeTakeFirstOrThrow()).score).toBe(8);
  });

  it("ends an agent's queue stream with their session: a disabled agent no longer counts as online", async () => {
    const t = await chatApp();
    const agent = await agentClient(t);
    const res = await t.app.request('/api/agent/events', { headers: { cookie: agent.cookie } });
    const reader = res.body!.getReader();
    await reader.read(); // the hello: the agent is online
    const w = widgetClient(t);
    await w.start();
    await w.send('hvor finner jeg puk koden', 'q1');
    expect((await w.call('POST', '/handoff', {})).body.state.queue).toMatchObject({ staffed: true });
    // `laerling user disable` (or a password reset) ends the sessions; the next queue event finds out.
    await t.db.deleteFrom('sessions').execute();
    const u = widgetClient(t);
    await u.start();
    await u.send('hvor finner jeg puk koden', 'q1');
    await u.call('POST', '/handoff', {});
    let done = false;
    for (let i = 0; i < 20 && !done; i++) done = (await reader.read()).done;
    expect(done).toBe(true);
    expect((await u.call('GET', '/messages?after=1000')).body.state.queue).toMatchObject({ staffed: false });
  });

  it("ends an agent's conversation stream with their session: a disabled agent sees no more of the chat", async () => {
    const { t, w, agent, id } = await claimedChat();
    const res = await t.app.request(`/api/agent/conversations/${id}/events`, { headers: { cookie: agent.cookie } });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let seen = '';
    while (!seen.includes('event: state')) seen += decoder.decode((await reader.read()).value);
    await t.db.deleteFrom('sessions').execute();
    await w.send('er du der?', 'q2');
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += decoder.decode(chunk.value);
    expect(rest).not.toContain('er du der?');
  });

  it("resumes the agent's conversation stream as the widget's: the backlog after Last-Event-ID, then the current state", async () => {
    const { t, w, agent, id } = await claimedChat();
    const res = await t.app.request(`/api/agent/conversations/${id}/events`, { headers: { cookie: agent.cookie, 'last-event-id': '2' } });
    const got = await readEvents(res, (ev) => ev.some((e) => e.event === 'state'));
    expect(got.map((e) => e.event)).toEqual(['message', 'message', 'state']);
    expect(got.at(-1)!.data).toMatchObject({ status: 'agent' });
  });

  it("suggests a reply for the customer's last question the knowledge base can answer, never the bot's refusal", async () => {
    const t = await chatApp();
    const w = widgetClient(t);
    await w.start();
    await w.send('hvor finner jeg puk koden', 'q1');
    await w.send('kan jeg få snakke med en kundebehandler', 'q2');
    await w.send('Er dere der?', 'q3');
    const agent = await agentClient(t);
    const { waiting } = (await agent.call('GET', '/api/agent/queue')).body;
    const id = (await agent.call('POST', `/api/agent/handoffs/${waiting[0].handoffId}/claim`, {})).body.conversationId;
    const suggestion = (await agent.call('GET', `/api/agent/conversations/${id}/suggestion`)).body;
    expect(suggestion).toMatchObject({ question: 'hvor finner jeg puk koden', sources: [{ url: 'https://test.example/mobil/puk' }] });

    const u = widgetClient(t);
    await u.start();
    await u.send('Er dere der?', 'q1');
    await u.send('jeg vil snakke med et menneske', 'q2');
    const next = (await agent.call('GET', '/api/agent/queue')).body.waiting[0];
    const other = (await agent.call('POST', `/api/agent/handoffs/${next.handoffId}/claim`, {})).body.conversationId;
    expect((await agent.call('GET', `/api/agent/conversations/${other}/suggestion`)).body).toEqual({ question: 'Er dere der?', text: '', sources: [], confidence: 0 });
  });

  it('asks for the rating only while the chat stays closed: a new question shows the bot, then the queue', async () => {
    const t = await chatApp();
    const w = widgetClient(t);
    await w.start();
    await w.call('POST', '/handoff', {});
    const agent = await agentClient(t);
    const item = (await agent.call('GET', '/api/agent/queue')).body.waiting[0];
    const id = (await agent.call('POST', `/api/agent/handoffs/${item.handoffId}/claim`, {})).body.conversationId;
    await agent.call('POST', `/api/agent/conversations/${id}/close`, { teach: false });
    expect((await w.call('GET', '/messages?after=1000')).body.state).toMatchObject({ status: 'closed', ratingRequested: true });
    expect((await w.send('hvor finner jeg puk koden', 'again')).body.state).toMatchObject({ status: 'bot', ratingRequested: false });
    expect((await w.call('POST', '/handoff', {})).body.state).toMatchObject({ status: 'queued', ratingRequested: false, queue: { position: 1 } });
  });

  it('teaches only the reopened chat\'s question and answer, not the earlier closed part', async () => {
    const t = await chatApp();
    const w = widgetClient(t);
    await w.start();
    const agent = await agentClient(t);
    const serve = async (question: string, reply: string, n: number) => {
      await w.send(question, `q${n}`);
      await w.call('POST', '/handoff', {});
      const item = (await agent.call('GET', '/api/agent/queue')).body.waiting[0];
      const id = (await agent.call('POST', `/api/agent/handoffs/${item.handoffId}/claim`, {})).body.conversationId;
      await agent.call('POST', `/api/agent/conversations/${id}/messages`, { clientId: `a${n}`, text: reply });
      await agent.call('POST', `/api/agent/conversations/${id}/close`, { teach: true });
    };
    await serve('kan jeg få faktura på papir', 'Papirfaktura koster 49 kr.', 1);
    await serve('hvordan avslutter jeg fiber ved flytting', 'Ved flytting kan du ta med fiber.', 2);
    const rows = await t.db.selectFrom('knowledge_suggestions').select(['question', 'answer']).orderBy('id').execute();
    expect(rows).toEqual([
      { question: 'kan jeg få faktura på papir', answer: 'Papirfaktura koster 49 kr.' },
      { question: 'hvordan avslutter jeg fiber ved flytting', answer: 'Ved flytting kan du ta med fiber.' },
    ]);
  });

  it('shows earlier conversations from the same browser and hands a chat back to the queue', async () => {
    const t = await chatApp();
    const earlier = widgetClient(t);
    await earlier.start({ browserId: 'browser-abc' });
    await earlier.send('når forfaller fakturaen', 'e1');
    const w = widgetClient(t);
    await w.start({ browserId: 'browser-abc' });
    await w.call('POST', '/handoff', {});
    const agent = await agentClient(t);
    const item = (await agent.call('GET', '/api/agent/queue')).body.waiting[0];
    const id = (await agent.call('POST', `/api/agent/handoffs/${item.handoffId}/claim`, {})).body.conversationId;
    const context = (await agent.call('GET', `/api/agent/conversations/${id}/context`)).body;
    expect(context.earlierConversations).toHaveLength(1);
    expect(context.earlierConversations[0].firstQuestion).toBe('når forfaller fakturaen');
    expect((await agent.call('POST', `/api/agent/conversations/${id}/release`, {})).status).toBe(200);
    expect((await w.call('GET', '/messages?after=1000')).body.state.status).toBe('queued');
    const other = await agentClient(t, 'per@test.example');
    expect((await other.call('POST', `/api/agent/conversations/${id}/messages`, { clientId: 'x', text: 'hei' })).status).toBe(403);
    expect((await other.call('POST', `/api/agent/conversations/${id}/typing`, { typing: true })).status).toBe(403);
  });
});

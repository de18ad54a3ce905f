import { describe, expect, it } from 'vitest';
import { sendMessageResultSchema } from '../../src/protocol/widget-api.js';
import { agentClient, chatApp, widgetClient, type ChatApp } from '../fixtures/chat-app.js';

const QUESTION = 'Kan jeg betale med Vipps?';
const ANSWER = 'Ja, du kan betale fakturaen med Vipps i appen.';

/** Ask in a fresh widget conversation; the reply as the widget reads it (through the shared schema). */
async function widgetAnswer(t: ChatApp, question = QUESTION) {
  const w = widgetClient(t);
  await w.start();
  const res = await w.send(question, 'q1');
  return { w, reply: sendMessageResultSchema.parse(res.body).reply! };
}

describe('Q&A items and their pages', () => {
  it('marks the source of a Q&A item without a page as noPage, keeping its svar/<id> URL as its name', async () => {
    const t = await chatApp();
    const owner = await agentClient(t, 'owner@test.example', 'owner');
    const created = await owner.call('POST', '/api/knowledge/bots/test/qa', { question: QUESTION, answer: ANSWER });
    expect(created.status).toBe(201);
    const svar = `https://test.example/svar/${created.body.item.id}`;

    const { w, reply } = await widgetAnswer(t);
    expect(reply.text).toBe(ANSWER);
    expect(reply.sources).toEqual([{ url: svar, title: QUESTION, noPage: true }]);
    // History and the public ask API carry the flag too; the URL stays the item's stable name.
    const history = await w.call('GET', '/messages?after=0');
    expect(history.body.messages.find((m: { role: string }) => m.role === 'bot').sources[0]).toMatchObject({ url: svar, noPage: true });
    const asked = await (await t.app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: QUESTION }) })).json();
    expect(asked.sources).toEqual([{ url: svar, title: QUESTION, noPage: true }]);
    expect(asked.candidates[0]).toMatchObject({ url: svar, noPage: true });

    // The agent who takes the chat over sees which source was a Q&A item.
    await w.call('POST', '/handoff', {});
    const agent = await agentClient(t);
    const [waiting] = (await agent.call('GET', '/api/agent/queue')).body.waiting;
    const id = (await agent.call('POST', `/api/agent/handoffs/${waiting.handoffId}/claim`, {})).body.conversationId;
    const context = (await agent.call('GET', `/api/agent/conversations/${id}/context`)).body;
    expect(context.messages.find((m: { role: string }) => m.role === 'bot').sources).toEqual([{ url: svar, title: QUESTION, noPage: true }]);

    const pages = (await owner.call('GET', '/api/knowledge/bots/test/pages')).body.pages;
    expect(pages.find((p: { url: string }) => p.url === svar)).toMatchObject({ kind: 'qa', noPage: true });
    expect(pages.find((p: { url: string }) => p.url === 'https://test.example/faktura').noPage).toBeUndefined();
  });

  it('links a Q&A item to a page given as a path or a full URL on the site, and refuses other sites', async () => {
    const t = await chatApp();
    const owner = await agentClient(t, 'owner@test.example', 'owner');
    const qa = (body: Record<string, unknown>) => owner.call('POST', '/api/knowledge/bots/test/qa', { question: QUESTION, answer: ANSWER, ...body });

    for (const url of ['https://evil.example/vipps', 'mailto:kundeservice@test.example', 'javascript:alert(1)']) {
      const refused = await qa({ url });
      expect(refused.status).toBe(422);
      expect(refused.body.error.message).toMatch(/^url: .*not a page of test\.example/);
    }
    expect((await owner.call('GET', '/api/knowledge/bots/test/qa')).body.items).toEqual([]);

    // A path naming an indexed page links to that page.
    const linked = await qa({ url: '/faktura' });
    expect(linked.status).toBe(201);
    expect(linked.body.item.url).toBe('https://test.example/faktura');
    const { reply } = await widgetAnswer(t);
    expect(reply.text).toBe(ANSWER);
    expect(reply.sources?.[0]).toEqual({ url: 'https://test.example/faktura', title: 'Faktura og betaling' });

    // A page on the site that is not indexed (yet) is fine too; clearing the URL makes it page-less.
    const id = linked.body.item.id;
    const moved = await owner.call('PUT', `/api/knowledge/bots/test/qa/${id}`, { question: QUESTION, answer: ANSWER, url: 'https://test.example/betaling/vipps' });
    expect(moved.body.item.url).toBe('https://test.example/betaling/vipps');
    expect((await widgetAnswer(t)).reply.sources?.[0]).toEqual({ url: 'https://test.example/betaling/vipps', title: QUESTION });
    const cleared = await owner.call('PUT', `/api/knowledge/bots/test/qa/${id}`, { question: QUESTION, answer: ANSWER });
    expect(cleared.body.item.url).toBeUndefined();
    const svar = `https://test.example/svar/${id}`;
    expect((await widgetAnswer(t)).reply.sources?.[0]).toEqual({ url: svar, title: QUESTION, noPage: true });
    // Its made-up URL is no page another item could link to.
    expect((await qa({ question: 'Tar dere Vipps?', url: `/svar/${id}` })).status).toBe(422);
  });
});

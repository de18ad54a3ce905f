import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readEnv } from '../../src/config/env.js';
import { openAnswerer } from '../../src/cli/open-answerer.js';
import { FAKE_BASE_URL, fakeChatCompletions, type ChatRequestBody } from '../answer/fake-openai-chat.js';
import { tinyBotDataDir } from '../fixtures/tiny-bot.js';

// The whole path from LAERLING_LLM_* variables to a streamed, cited answer, with only the
// model's HTTP API faked.
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const settings = readEnv({ LAERLING_LLM_MODEL: 'test-model', LAERLING_LLM_BASE_URL: FAKE_BASE_URL, LAERLING_LLM_API_KEY: 'k' });

describe('answering with a configured LLM', () => {
  it('streams a grounded answer with its cited source', async () => {
    const requests: ChatRequestBody[] = [];
    server.use(fakeChatCompletions(() => ({ tokens: ['Du finner PUK-koden', ' på Min side [1].'] }), requests));
    const answerer = await openAnswerer({ dataDir: await tinyBotDataDir(), settings });
    const tokens: string[] = [];
    const r = await answerer.ask('Hvor finner jeg PUK-koden?', 'q1', { onToken: (t) => tokens.push(t) });
    expect(r.outcome).toBe('answer');
    expect(r.answer).toMatch(/Min side/);
    expect(r.sources[0]?.url).toBe('https://test.example/mobil/puk');
    expect(tokens.join('')).toMatch(/PUK-koden/);
    expect(requests[0]?.model).toBe('test-model');
  });

  it('never sends the customer’s personal data to the model', async () => {
    const requests: ChatRequestBody[] = [];
    server.use(fakeChatCompletions(() => ({ tokens: ['Du finner PUK-koden på Min side [1].'] }), requests));
    const answerer = await openAnswerer({ dataDir: await tinyBotDataDir(), settings });
    await answerer.ask('Hvor finner jeg PUK-koden? Ring meg på 912 34 567 eller ola@example.no, fnr 15076500565');
    const sent = JSON.stringify(requests[0]!.messages);
    expect(sent).toMatch(/PUK-koden/);
    expect(sent).not.toMatch(/912 34 567|ola@example\.no|15076500565/);
    expect(sent).toMatch(/\[telefon\].*\[e-post\].*\[fødselsnummer\]/);
  });

  it('abstains kindly when the model is down', async () => {
    server.use(fakeChatCompletions(() => ({ status: 500 })));
    const answerer = await openAnswerer({ dataDir: await tinyBotDataDir(), settings });
    const r = await answerer.ask('Hvor finner jeg PUK-koden?');
    expect(r.outcome).toBe('abstain');
    expect(r.sources).toEqual([]);
    expect(r.candidates[0]?.url).toBe('https://test.example/mobil/puk');
  });
});

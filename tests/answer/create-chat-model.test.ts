import { HumanMessage } from '@langchain/core/messages';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createChatModel } from '../../src/answer/create-chat-model.js';
import { FAKE_BASE_URL, fakeChatCompletions, type ChatRequestBody } from './fake-openai-chat.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

async function streamAll(model: NonNullable<ReturnType<typeof createChatModel>>): Promise<string> {
  let text = '';
  for await (const chunk of await model.stream([new HumanMessage('Hei')])) text += chunk.text;
  return text;
}

describe('createChatModel', () => {
  it('is undefined when no model is configured', () => {
    expect(createChatModel()).toBeUndefined();
    expect(createChatModel({ model: '  ', baseUrl: FAKE_BASE_URL })).toBeUndefined();
  });

  it('streams from the configured OpenAI-compatible base URL with the key and model', async () => {
    const requests: ChatRequestBody[] = [];
    let auth: string | null = null;
    server.use(
      http.post(`${FAKE_BASE_URL}/chat/completions`, ({ request }) => {
        auth = request.headers.get('authorization');
        return undefined; // fall through to the recording fake below
      }),
      fakeChatCompletions(() => ({ tokens: ['Hei', ' på', ' deg'] }), requests),
    );
    const model = createChatModel({ baseUrl: FAKE_BASE_URL, apiKey: 'sk-test', model: 'llama3.1' });
    expect(await streamAll(model!)).toBe('Hei på deg');
    expect(auth).toBe('Bearer sk-test');
    expect(requests[0]).toMatchObject({ model: 'llama3.1', stream: true, temperature: 0.1 });
    expect(requests[0]).not.toHaveProperty('stream_options');
  });

  it('leaves the temperature alone for reasoning models, which reject it', async () => {
    const requests: ChatRequestBody[] = [];
    server.use(fakeChatCompletions(() => ({ tokens: ['ok'] }), requests));
    await streamAll(createChatModel({ baseUrl: FAKE_BASE_URL, model: 'gpt-5-mini' })!);
    expect(requests[0]).not.toHaveProperty('temperature');
  });

  it('retries a failed request once by default, and not at all with maxRetries 0', async () => {
    for (const [maxRetries, calls] of [[undefined, 2], [0, 1]] as const) {
      const requests: ChatRequestBody[] = [];
      server.use(fakeChatCompletions(() => ({ status: 500 }), requests));
      const model = createChatModel({ baseUrl: FAKE_BASE_URL, model: 'm', maxRetries });
      await expect(streamAll(model!)).rejects.toThrow();
      expect(requests).toHaveLength(calls);
      server.resetHandlers();
    }
  });
});

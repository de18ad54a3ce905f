import { http, HttpResponse } from 'msw';

/** The fake endpoint our tests point ChatOpenAI at. */
export const FAKE_BASE_URL = 'http://llm.test/v1';

export interface ChatRequestBody {
  model: string;
  stream?: boolean;
  temperature?: number;
  messages: Array<{ role: string; content: string }>;
}

/** What the fake model does with one request. */
export type FakeReply =
  | { tokens: string[]; afterFirst?: Promise<unknown>; hang?: boolean }
  | { status: number; error?: string }
  | { malformed: true };

const encoder = new TextEncoder();

function chunk(delta: Record<string, unknown>, finish: string | null = null): string {
  const body = { id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 0, model: 'fake', choices: [{ index: 0, delta, finish_reason: finish }] };
  return `data: ${JSON.stringify(body)}\n\n`;
}

/** An SSE body like OpenAI's: role, content tokens, a stop chunk, [DONE]; or one that never ends. */
function sseStream(reply: { tokens: string[]; afterFirst?: Promise<unknown>; hang?: boolean }): ReadableStream<Uint8Array> {
  return new ReadableStream({
    async start(controller) {
      controller.enqueue(encoder.encode(chunk({ role: 'assistant', content: '' })));
      for (const [i, token] of reply.tokens.entries()) {
        controller.enqueue(encoder.encode(chunk({ content: token })));
        if (i === 0 && reply.afterFirst) await reply.afterFirst;
      }
      if (reply.hang) return;
      controller.enqueue(encoder.encode(chunk({}, 'stop')));
      controller.enqueue(encoder.encode('data: [DONE]\n\n'));
      controller.close();
    },
  });
}

// A good first token, then garbage. (A stream body, not a string: msw never settles the
// cancel of a string body, which the client performs when it gives up on a broken stream.)
function malformedStream(): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(encoder.encode(chunk({ role: 'assistant', content: 'Du' })));
      controller.enqueue(encoder.encode('data: {"choices": [ this is not json\n\n'));
      controller.close();
    },
  });
}

/** An msw handler for POST /chat/completions that records requests and replies as told. */
export function fakeChatCompletions(reply: (body: ChatRequestBody) => FakeReply, requests: ChatRequestBody[] = []) {
  return http.post(`${FAKE_BASE_URL}/chat/completions`, async ({ request }) => {
    const body = (await request.json()) as ChatRequestBody;
    requests.push(body);
    const r = reply(body);
    if ('status' in r) {
      return HttpResponse.json({ error: { message: r.error ?? 'fake failure', type: 'server_error' } }, { status: r.status });
    }
    if ('malformed' in r) return new HttpResponse(malformedStream(), { headers: { 'content-type': 'text/event-stream' } });
    return new HttpResponse(sseStream(r), { headers: { 'content-type': 'text/event-stream' } });
  });
}

/** All message contents of a request joined, for "did the request mention X" checks. */
export function requestText(body: ChatRequestBody): string {
  return body.messages.map((m) => m.content).join('\n');
}

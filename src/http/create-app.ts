import { Hono } from 'hono';
import { z } from 'zod';
import { LaerlingError } from '../errors.js';
import { formatZodError } from '../config/format-zod-error.js';
import type { AskOutput } from '../cli/ask-output.js';
import { HttpError } from './http-error.js';
import { demoPage } from './demo-page.js';

export interface AppDeps {
  botName: string;
  ask: (question: string) => Promise<AskOutput>;
  log?: (line: string) => void;
}

const askBodySchema = z.object({ question: z.string().trim().min(1).max(2000) });

/** Build the HTTP app from its dependencies; no port is opened here, so tests call app.request(). */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();

  app.get('/', (c) => c.html(demoPage(deps.botName)));
  app.get('/healthz', (c) => c.json({ ok: true }));

  app.post('/api/ask', async (c) => {
    const body = await readJson(c.req.raw);
    const parsed = askBodySchema.safeParse(body);
    if (!parsed.success) throw new HttpError(422, 'INVALID_INPUT', formatZodError(parsed.error));
    return c.json(await deps.ask(parsed.data.question));
  });

  app.notFound(() => {
    throw new HttpError(404, 'NOT_FOUND', 'Not found');
  });

  app.onError((err, c) => {
    if (err instanceof HttpError) return c.json({ error: { code: err.code, message: err.message } }, err.status);
    if (err instanceof LaerlingError && err.code === 'INVALID_INPUT') {
      return c.json({ error: { code: err.code, message: err.message } }, 422);
    }
    deps.log?.(`Unhandled error on ${c.req.method} ${c.req.path}: ${(err as Error).stack ?? err}`);
    return c.json({ error: { code: 'INTERNAL', message: 'Something went wrong on our side' } }, 500);
  });
  return app;
}

async function readJson(req: Request): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw new HttpError(400, 'BAD_JSON', 'The request body is not valid JSON');
  }
}

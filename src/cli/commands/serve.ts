import { serve } from '@hono/node-server';
import { z } from 'zod';
import { LaerlingError } from '../../errors.js';
import { createApp } from '../../http/create-app.js';
import type { CliIo } from '../cli-io.js';
import { parseCommand } from '../common-options.js';
import { openAnswerer } from '../open-answerer.js';

const portSchema = z.coerce.number().int().min(0).max(65535);

/** `laerling serve [--port N]`: the HTTP API and the demo page. */
export async function runServe(args: string[], io: CliIo): Promise<number> {
  const cmd = parseCommand(args, { port: { type: 'string' }, host: { type: 'string' } }, io);
  const port = portSchema.safeParse(cmd.values.port ?? cmd.settings.port ?? 3000);
  if (!port.success) throw new LaerlingError('INVALID_INPUT', '--port: a number from 0 to 65535');
  const log = (l: string) => io.stderr(l + '\n');
  const answerer = await openAnswerer({ ...cmd, log });
  const app = createApp({ botName: answerer.bot.name, ask: (q) => answerer.ask(q), log });
  const hostname = cmd.values.host ?? '127.0.0.1';
  const server = serve({ fetch: app.fetch, port: port.data, hostname }, (info) => {
    log(`Lærling is serving bot "${answerer.bot.id}" (${answerer.bot.name}) at http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${info.port}/`);
  });
  await new Promise<void>((resolve) => {
    const stop = () => server.close(() => resolve());
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

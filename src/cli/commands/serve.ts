import { serve } from '@hono/node-server';
import { z } from 'zod';
import { LaerlingError } from '../../errors.js';
import { EventHub } from '../../conversations/event-hub.js';
import { createApp } from '../../http/create-app.js';
import { startJobs } from '../../learning/background-jobs.js';
import type { CliIo } from '../cli-io.js';
import { parseCommand } from '../common-options.js';
import { openBots } from '../open-bots.js';

const portSchema = z.coerce.number().int().min(0).max(65535);

/** `laerling serve [--port N]`: the HTTP API and the demo page. */
export async function runServe(args: string[], io: CliIo): Promise<number> {
  const cmd = parseCommand(args, { port: { type: 'string' }, host: { type: 'string' } }, io);
  const port = portSchema.safeParse(cmd.values.port ?? cmd.settings.port ?? 3000);
  if (!port.success) throw new LaerlingError('INVALID_INPUT', '--port: a number from 0 to 65535');
  const log = (l: string) => io.stderr(l + '\n');
  const { db, bots, handoffNotes } = await openBots({ ...cmd, log });
  const hub = new EventHub();
  const crawl = { allowPrivateNetwork: cmd.settings.crawlAllowPrivateNetwork ?? false };
  const app = createApp({ db, bots, hub, log, handoffNotes, crawl, trustProxy: cmd.settings.trustProxy, secureCookies: cmd.settings.secureCookies });
  const stopJobs = startJobs({ db, bots, hub, now: () => new Date() }, crawl, log);
  const hostname = cmd.values.host ?? '127.0.0.1';
  const server = serve({ fetch: app.fetch, port: port.data, hostname }, (info) => {
    const names = [...bots.values()].map((b) => `"${b.config.id}" (${b.config.name})`).join(', ');
    log(`Lærling is serving bot${bots.size > 1 ? 's' : ''} ${names} at http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${info.port}/`);
    log(`Agent and knowledge console: http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${info.port}/console (add a user with: npx laerling user add)`);
  });
  await new Promise<void>((resolve) => {
    const stop = () => {
      stopJobs();
      server.close(() => void db.destroy().then(resolve));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

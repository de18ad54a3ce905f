import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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
// How long a stopping server lets requests in flight finish before it closes every connection.
const SHUTDOWN_GRACE_MS = 2_000;

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
  const hostname = cmd.values.host ?? '127.0.0.1';
  // Plain HTTP (no http2 option), so the Node http.Server API applies.
  const server = serve({ fetch: app.fetch, port: port.data, hostname }) as Server;
  try {
    await listening(server);
  } catch (err) {
    await db.destroy();
    throw listenError(err as NodeJS.ErrnoException, hostname, port.data);
  }
  // Jobs start only once the server is up: a second `serve` on a taken port must not run them.
  const stopJobs = startJobs({ db, bots, hub, now: () => new Date() }, crawl, log);
  const { port: actual } = server.address() as AddressInfo;
  const base = `http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${actual}`;
  const names = [...bots.values()].map((b) => `"${b.config.id}" (${b.config.name})`).join(', ');
  log(`Lærling is serving bot${bots.size > 1 ? 's' : ''} ${names} at ${base}/`);
  log(`Agent and knowledge console: ${base}/console (add a user with: npx laerling user add)`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      stopJobs();
      server.close(() => void db.destroy().then(resolve));
      // Event streams (widgets, agent consoles) never end by themselves, so close() alone would
      // wait for them forever: give requests in flight a moment, then cut the rest. Clients
      // reconnect and resume from their last event id.
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

function listening(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
}

// A taken port is the common case (a second `npm start`); say so instead of a stack trace.
function listenError(err: NodeJS.ErrnoException, hostname: string, port: number): LaerlingError {
  const where = `${hostname}:${port}`;
  if (err.code === 'EADDRINUSE') return new LaerlingError('LISTEN_FAILED', `${where} is already in use (another Lærling?): stop it, or pick another port with --port N`);
  if (err.code === 'EACCES') return new LaerlingError('LISTEN_FAILED', `not allowed to listen on ${where}: ports below 1024 need privileges, pick another with --port N`);
  if (err.code === 'EADDRNOTAVAIL') return new LaerlingError('LISTEN_FAILED', `${hostname} is not an address of this machine (--host)`);
  return new LaerlingError('LISTEN_FAILED', `cannot listen on ${where}: ${err.message}`);
}

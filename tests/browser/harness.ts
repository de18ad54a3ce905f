import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Kysely } from 'kysely';
import { upsertUser } from '../../src/auth/users.js';
import { openBots } from '../../src/cli/open-bots.js';
import type { BotRuntime } from '../../src/conversations/chat-deps.js';
import { EventHub } from '../../src/conversations/event-hub.js';
import { createApp } from '../../src/http/create-app.js';
import type { Database } from '../../src/storage/schema.js';
import { TUESDAY_MORNING } from '../fixtures/chat-app.js';

/** Debian's Chromium; CI installs it (.ci/run). Missing Chromium fails the suite rather than skipping it. */
export function chromiumPath(): string {
  const path = process.env.LAERLING_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`Browser tests need Chromium at ${path}: apt-get install chromium, or set LAERLING_CHROMIUM`);
  return path;
}

export interface LiveServer {
  url: string;
  db: Kysely<Database>;
  browser: Browser;
  /** Cut every open HTTP connection (SSE streams included), as a network drop would. */
  dropConnections: () => void;
  close: () => Promise<void>;
}

/** Every console user the harness adds signs in with this password. */
export const CONSOLE_PASSWORD = 'correct horse battery';

/** An agent (Kari) and a content owner (Ola), the console users most tests sign in as. */
export const AGENT_AND_OWNER = [
  { email: 'kari@fjordmobil.example', name: 'Kari' },
  { email: 'ola@fjordmobil.example', name: 'Ola', role: 'owner' as const },
];

/** Fill in and send the console's sign-in form as `email`. */
export async function signInToConsole(page: Page, url: string, email: string): Promise<void> {
  await page.goto(url + '/console');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(CONSOLE_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * The real server on the bundled demo bot (knowledge/), on a free port, with a clock that starts
 * on a Tuesday morning in Oslo (inside opening hours) and runs at real speed; plus Chromium.
 * `ask` wraps each bot's answerer, e.g. to stream its answers as a chat model would.
 */
export async function startLiveServer(
  opts: { agents?: Array<{ email: string; name: string; role?: 'agent' | 'owner' | 'admin' }>; ask?: (ask: BotRuntime['ask']) => BotRuntime['ask'] } = {},
): Promise<LiveServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'laerling-browser-'));
  const started = Date.now();
  const now = () => new Date(TUESDAY_MORNING.getTime() + (Date.now() - started));
  const { db, bots: answerers } = await openBots({ dataDir, settings: {}, now });
  const wrap = opts.ask;
  const bots = wrap ? new Map([...answerers].map(([id, bot]) => [id, { ...bot, ask: wrap(bot.ask) }])) : answerers;
  for (const a of opts.agents ?? []) await upsertUser(db, { role: 'agent', ...a, password: CONSOLE_PASSWORD }, now());
  const app = createApp({ db, bots, now, hub: new EventHub() });
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server));
  });
  const { port } = server.address() as AddressInfo;
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    browser,
    dropConnections: () => server.closeAllConnections(),
    close: async () => {
      await browser.close();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await db.destroy();
    },
  };
}

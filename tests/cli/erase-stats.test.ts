import { describe, expect, it } from 'vitest';
import { chatApp, widgetClient } from '../fixtures/chat-app.js';
import { runCli } from './run-cli.js';

describe('laerling erase and stats (spawned)', () => {
  it('erases a customer by e-mail and prints the resolution numbers', async () => {
    const t = await chatApp({ now: new Date(Date.now() - 3_600_000) });
    const w = widgetClient(t);
    await w.start();
    await w.send('Hei, dette er ola@example.com, hvor finner jeg PUK-koden?', 'q');
    const other = widgetClient(t);
    await other.start();
    await other.send('Hva koster roaming?', 'q');

    const stats = await runCli(['stats', '--data-dir', t.dataDir]);
    expect(stats.code).toBe(0);
    expect(stats.stdout).toMatch(/Bot "test", last 30 days/);
    expect(stats.stdout).toMatch(/resolution rate +\d+\.\d% of 2 conversations/);

    expect((await runCli(['erase', '--data-dir', t.dataDir])).code).toBe(1);
    expect((await runCli(['erase', '--email', 'not-an-address', '--data-dir', t.dataDir])).stderr).toMatch(/--email/);
    const erased = await runCli(['erase', '--email', 'ola@example.com', '--data-dir', t.dataDir]);
    expect(erased.stdout).toMatch(/Erased 1 conversation/);
    expect((await w.call('GET', '/messages')).status).toBe(404);
    expect((await other.call('GET', '/messages')).status).toBe(200);
  }, 60_000);
});

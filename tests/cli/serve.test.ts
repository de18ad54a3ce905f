import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { chatApp } from '../fixtures/chat-app.js';
import { runCli } from './run-cli.js';

describe('laerling serve (spawned)', () => {
  it('says plainly that the port is taken instead of crashing with a stack trace', async () => {
    const t = await chatApp();
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as { port: number };
    try {
      const r = await runCli(['serve', '--port', String(port), '--data-dir', t.dataDir]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`127.0.0.1:${port} is already in use`);
      expect(r.stderr).toContain('[LISTEN_FAILED]');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      taken.close();
    }
  }, 60_000);
});

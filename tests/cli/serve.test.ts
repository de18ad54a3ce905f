import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/config/package-root.js';
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

  it('stops promptly on SIGTERM though a widget holds an event stream open', async () => {
    const t = await chatApp();
    const child = spawn(process.execPath, [join(packageRoot(), 'bin', 'laerling.js'), 'serve', '--port', '0', '--data-dir', t.dataDir], { stdio: ['ignore', 'ignore', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const base = await new Promise<string>((resolve, reject) => {
        let log = '';
        child.stderr.on('data', (d: Buffer) => {
          log += d;
          const m = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(log);
          if (m) resolve(m[1]!);
        });
        child.on('exit', () => reject(new Error(`serve exited: ${log}`)));
      });
      const origin = { origin: 'https://test.example', 'content-type': 'application/json' };
      const started = await fetch(`${base}/api/widget/test/conversations`, { method: 'POST', headers: origin, body: '{}' });
      const { token } = (await started.json()) as { token: string };
      const stream = await fetch(`${base}/api/widget/test/events`, { headers: { ...origin, authorization: `Bearer ${token}` } });
      expect(stream.status).toBe(200);
      // The first event arrived: the stream is open and stays open.
      await stream.body!.getReader().read();

      child.kill('SIGTERM');
      // The grace period is 2 s; without closing the streams it never exits.
      const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('still running after 8 s'), 8_000));
      expect(await Promise.race([exited, timeout])).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  }, 30_000);
});

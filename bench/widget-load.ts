/**
 * Load benchmark for the conversation server (issue targets, printed, never asserted in tests):
 *   1. one `laerling serve` process holds N concurrent widget SSE connections (default 2,000):
 *      extra RSS, and an agent's message reaching its customer's stream under that load (p95);
 *   2. offline answers through the HTTP API at a fixed rate (default 100 requests/s): p95.
 *
 *   npm run build && node dist/bench/widget-load.js [--connections 2000] [--rate 100] [--seconds 15]
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { packageRoot } from '../src/config/package-root.js';

const { values } = parseArgs({ options: { connections: { type: 'string' }, rate: { type: 'string' }, seconds: { type: 'string' } } });
const CONNECTIONS = Number(values.connections ?? 2000);
const RATE = Number(values.rate ?? 100);
const SECONDS = Number(values.seconds ?? 15);
const bin = join(packageRoot(), 'bin', 'laerling.js');

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'laerling-bench-'));
  const env = { ...process.env, LAERLING_TRUST_PROXY: '1', LAERLING_NEW_PASSWORD: 'bench password 123' };
  spawnSync(process.execPath, [bin, 'user', 'add', '--data-dir', dataDir, '--email', 'bench@example.com', '--name', 'Bench', '--role', 'agent'], { env, stdio: 'ignore' });
  const server = spawn(process.execPath, [bin, 'serve', '--data-dir', dataDir, '--port', '0'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const base = await new Promise<string>((resolve, reject) => {
    let log = '';
    server.stderr.on('data', (d: Buffer) => {
      log += d.toString();
      const m = /at (http:\/\/[^/\s]+)\//.exec(log);
      if (m) resolve(m[1]!);
    });
    server.on('exit', (code) => reject(new Error(`server exited (${code}): ${log}`)));
  });
  try {
    await run(base, server.pid!);
  } finally {
    server.kill('SIGTERM');
  }
}

async function run(base: string, pid: number): Promise<void> {
  const widget = `${base}/api/widget/demo`;
  let ip = 0;
  // Each simulated customer comes from its own address (the server trusts X-Forwarded-For here).
  const headers = () => ({ 'content-type': 'application/json', 'x-forwarded-for': `10.${(ip >> 16) & 255}.${(ip >> 8) & 255}.${ip++ & 255}` });
  await new Promise((r) => setTimeout(r, 500));
  const rssBefore = await rssMb(pid);

  // 1. Open N conversations with a live event stream each.
  const customers: Array<{ token: string; stream: AbortController; onAgent: Map<string, (t: number) => void> }> = [];
  for (let i = 0; i < CONNECTIONS; i++) {
    const res = await fetch(`${widget}/conversations`, { method: 'POST', headers: headers(), body: JSON.stringify({ lang: 'nb' }) });
    const { token } = (await res.json()) as { token: string };
    const stream = new AbortController();
    const onAgent = new Map<string, (t: number) => void>();
    customers.push({ token, stream, onAgent });
    void listen(`${widget}/events`, { ...headers(), authorization: `Bearer ${token}` }, stream.signal, (data) => {
      const m = JSON.parse(data) as { role: string; text: string };
      if (m.role === 'agent') onAgent.get(m.text)?.(performance.now());
    });
  }
  await new Promise((r) => setTimeout(r, 2000));
  const rssHeld = await rssMb(pid);
  console.log(`SSE: ${CONNECTIONS} connections held; server RSS ${rssBefore.toFixed(0)} → ${rssHeld.toFixed(0)} MB (+${(rssHeld - rssBefore).toFixed(0)} MB; target < 200)`);

  // 2. An agent answers 100 of those customers; time until each customer's stream has it.
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: headers(), body: JSON.stringify({ email: 'bench@example.com', password: 'bench password 123' }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const agentHeaders = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken };
  const delays: number[] = [];
  for (const [i, c] of customers.slice(0, 100).entries()) {
    await fetch(`${widget}/handoff`, { method: 'POST', headers: { ...headers(), authorization: `Bearer ${c.token}` }, body: '{}' });
    const queue = (await (await fetch(`${base}/api/agent/queue`, { headers: agentHeaders })).json()) as { waiting: Array<{ handoffId: number; conversationId: string }> };
    const item = queue.waiting[0]!;
    await fetch(`${base}/api/agent/handoffs/${item.handoffId}/claim`, { method: 'POST', headers: agentHeaders, body: '{}' });
    const text = `Hei fra agent ${i}`;
    const received = new Promise<number>((resolve) => c.onAgent.set(text, resolve));
    const sent = performance.now();
    await fetch(`${base}/api/agent/conversations/${item.conversationId}/messages`, { method: 'POST', headers: agentHeaders, body: JSON.stringify({ clientId: `b${i}`, text }) });
    delays.push((await received) - sent);
    await fetch(`${base}/api/agent/conversations/${item.conversationId}/close`, { method: 'POST', headers: agentHeaders, body: '{"teach":false}' });
  }
  console.log(`Agent → customer under load: p50 ${percentile(delays, 50).toFixed(1)} ms, p95 ${percentile(delays, 95).toFixed(1)} ms (target < 100)`);
  for (const c of customers) c.stream.abort();

  // 3. Offline answers at a fixed rate on fresh conversations.
  const questions = ['hvordan får jeg esim på klokka', 'hva koster roaming i usa', 'jeg har glemt puk koden', 'når forfaller fakturaen', 'hvordan porterer jeg nummeret mitt'];
  const total = RATE * SECONDS;
  // Ten questions per conversation stays inside the per-conversation rate limit.
  const tokens: string[] = [];
  for (let i = 0; i < Math.ceil(total / 10); i++) {
    const res = await fetch(`${widget}/conversations`, { method: 'POST', headers: headers(), body: '{}' });
    tokens.push(((await res.json()) as { token: string }).token);
  }
  const latencies: number[] = [];
  const inflight: Promise<void>[] = [];
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inflight.push(
      (async () => {
        const t0 = performance.now();
        const res = await fetch(`${widget}/messages`, {
          method: 'POST',
          headers: { ...headers(), authorization: `Bearer ${tokens[Math.floor(i / 10)]}` },
          body: JSON.stringify({ clientId: `q${i}`, text: questions[i % questions.length] }),
        });
        await res.arrayBuffer();
        if (res.ok) latencies.push(performance.now() - t0);
      })(),
    );
  }
  await Promise.all(inflight);
  console.log(`Answers over HTTP at ${RATE}/s for ${SECONDS} s: ${latencies.length}/${total} ok, p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms (target < 50)`);
}

async function listen(url: string, headers: Record<string, string>, signal: AbortSignal, onMessage: (data: string) => void): Promise<void> {
  try {
    const res = await fetch(url, { headers, signal });
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        if (/^event: message$/m.test(block)) onMessage(/^data: (.*)$/m.exec(block)![1]!);
      }
    }
  } catch {
    // aborted at the end of the benchmark
  }
}

await main();

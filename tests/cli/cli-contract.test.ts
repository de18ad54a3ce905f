import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askOutputSchema } from '../../src/cli/ask-output.js';
import { openDatabase } from '../../src/storage/open-database.js';
import { tinyBotDataDir } from '../fixtures/tiny-bot.js';
import { runCli } from './run-cli.js';

let dataDir: string;
let site: Server;
let siteUrl: string;

beforeAll(async () => {
  dataDir = await tinyBotDataDir();
  site = createServer((req, res) => {
    if (req.url === '/robots.txt') return void res.writeHead(404).end();
    const body =
      req.url === '/'
        ? '<html lang="en"><head><title>Help</title></head><body><main><h1>Help</h1><p>See <a href="/wifi">wifi help</a>.</p></main></body></html>'
        : req.url === '/wifi'
          ? '<html lang="en"><head><title>Wifi router setup</title></head><body><main><h1>Wifi router setup</h1><p>To set up the wifi router, connect the grey cable to the fibre socket and wait until the light turns steady green. The network name and password are printed on the sticker under the router.</p></main></body></html>'
          : undefined;
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  siteUrl = `http://127.0.0.1:${(site.address() as { port: number }).port}/`;
}, 60_000);

afterAll(() => new Promise<void>((r) => site.close(() => r())));

describe('laerling CLI contract', () => {
  it('ask --json prints one result matching the contract', async () => {
    const r = await runCli(['ask', 'Hvor finner jeg PUK-koden?', '--json', '--data-dir', dataDir]);
    expect(r.code, r.stderr).toBe(0);
    const out = askOutputSchema.parse(JSON.parse(r.stdout));
    expect(out.outcome).toBe('answer');
    expect(out.sources[0]?.url).toBe('https://test.example/mobil/puk');
    expect(out.candidates[0]?.url).toBe('https://test.example/mobil/puk');
  });

  it('ask --jsonl answers line by line, keeps ids, abstains on off-topic questions and flags bad lines', async () => {
    const stdin = [
      JSON.stringify({ id: 'a', question: 'what does data cost outside the EU?' }),
      '{ not json',
      JSON.stringify({ id: 'c', question: 'Hvem vant fotball-VM i 1998?' }),
      JSON.stringify({ id: 'd', question: '' }),
    ].join('\n');
    const r = await runCli(['ask', '--jsonl', '--data-dir', dataDir], { stdin });
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    const first = askOutputSchema.parse(lines[0]);
    expect(first.id).toBe('a');
    expect(first.candidates[0]?.url).toBe('https://test.example/mobil/roaming');
    expect(lines[1]).toMatchObject({ error: 'not valid JSON', line: 2 });
    const offTopic = askOutputSchema.parse(lines[2]);
    expect(offTopic.outcome).toBe('abstain');
    expect(offTopic.sources).toEqual([]);
    expect(lines[3]).toMatchObject({ id: 'd', line: 4 });
    expect(lines[3].error).toMatch(/question/);
  });

  it('learn --jsonl stores a phrasing that then retrieves its page', async () => {
    const odd = 'the grace period before the dunning letter';
    const before = askOutputSchema.parse(JSON.parse((await runCli(['ask', odd, '--json', '--data-dir', dataDir])).stdout));
    const r = await runCli(['learn', '--jsonl', '--data-dir', dataDir], {
      stdin: [JSON.stringify({ question: odd, url: '/faktura' }), JSON.stringify({ question: 'x', url: '/nope' })].join('\n'),
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/line 2: url: no indexed page matches "\/nope"/);
    const after = askOutputSchema.parse(JSON.parse((await runCli(['ask', odd, '--json', '--data-dir', dataDir])).stdout));
    expect(after.candidates[0]?.url).toBe('https://test.example/faktura');
    expect(after.confidence).toBeGreaterThan(before.confidence);
  });

  it('learn --jsonl redacts personal data before it stores a phrasing', async () => {
    const question = 'jeg heter ola@nordmann.no tlf 912 34 567 hvor lenge gjelder gavekortet';
    const r = await runCli(['learn', '--jsonl', '--data-dir', dataDir], { stdin: JSON.stringify({ question, url: '/faktura' }) });
    expect(r.code, r.stderr).toBe(0);
    const stored = await readFile(join(dataDir, 'bots', 'test', 'learned.jsonl'), 'utf8');
    expect(stored).toContain('jeg heter [e-post] tlf [telefon] hvor lenge gjelder gavekortet');
    expect(stored).not.toMatch(/ola@nordmann|912 34 567/);
  });

  it('crawl refuses loopback without --allow-private-network, and indexes it with the flag', async () => {
    const refused = await runCli(['crawl', siteUrl, '--data-dir', dataDir]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/private|loopback/i);
    const r = await runCli(['crawl', siteUrl, '--allow-private-network', '--data-dir', dataDir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/2 indexed/);
    const out = askOutputSchema.parse(JSON.parse((await runCli(['ask', 'how do I set up my wifi router', '--json', '--data-dir', dataDir])).stdout));
    expect(out.candidates[0]?.url).toBe(`${siteUrl}wifi`);
    // Knowledge files stay indexed beside crawled pages.
    const puk = askOutputSchema.parse(JSON.parse((await runCli(['ask', 'PUK', '--json', '--data-dir', dataDir])).stdout));
    expect(puk.candidates[0]?.url).toBe('https://test.example/mobil/puk');
    // Listed in the console's crawl history like a crawl started there.
    const db = await openDatabase(join(dataDir, 'laerling.db'));
    const runs = await db.selectFrom('crawl_runs').selectAll().execute();
    await db.destroy();
    const summary = runs.map((run) => {
      const report = JSON.parse(run.report) as { added: string[]; failed: Array<{ code: string }> };
      return { trigger: run.trigger, status: run.status, added: report.added.sort(), failed: report.failed.map((f) => f.code) };
    });
    expect(summary).toEqual([
      { trigger: 'cli', status: 'done', added: [], failed: ['PRIVATE_NETWORK'] },
      { trigger: 'cli', status: 'done', added: [siteUrl, `${siteUrl}wifi`], failed: [] },
    ]);
  });

  it('explains bad configuration and unknown commands', async () => {
    const bad = await mkdtemp(join(tmpdir(), 'laerling-cli-bad-'));
    await writeFile(join(bad, 'config.json'), JSON.stringify({ bots: [{ id: 'x', name: '' }] }));
    const r = await runCli(['ask', 'hei', '--data-dir', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bots\[0\]\.name/);
    expect((await runCli(['frobnicate'])).code).toBe(2);
    const env = await runCli(['ask', 'hei', '--data-dir', bad], { env: { LAERLING_PORT: 'x' } });
    expect(env.stderr).toMatch(/LAERLING_PORT/);
  });
});

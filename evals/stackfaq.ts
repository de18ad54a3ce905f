import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { main } from '../src/cli/main.js';
import { openAnswerer } from '../src/cli/open-answerer.js';
import { readJsonl } from './lib/jsonl.js';
import { computeMetrics, type SuiteMetrics } from './lib/metrics.js';
import { quietIo } from './lib/quiet-io.js';
import { runQuestions, type EvalQuestion } from './lib/run-questions.js';
import { serveDirectory } from './lib/static-server.js';

const querySchema = z.object({ id: z.string(), question: z.string(), expected_url: z.string(), split: z.enum(['train', 'test']) });
const unanswerableSchema = z.object({ id: z.string(), question: z.string() });

export type StackFaqQuery = z.infer<typeof querySchema>;

/** The StackFAQ set, its site served on 127.0.0.1 and crawled by the real crawler into a fresh data dir. */
export async function prepareStackFaq(dir: string, bot: Record<string, unknown> = {}) {
  const queries = await readJsonl(join(dir, 'queries.jsonl'), querySchema);
  const unanswerable = await readJsonl(join(dir, 'unanswerable.jsonl'), unanswerableSchema);
  const site = await serveDirectory(join(dir, 'site'));
  const dataDir = await mkdtemp(join(tmpdir(), 'laerling-stackfaq-'));
  const close = async () => {
    await site.close();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await writeFile(join(dataDir, 'config.json'), JSON.stringify({ bots: [{ id: 'stackfaq', name: 'StackFAQ', defaultLanguage: 'en', ...bot }] }));
    const crawlIo = quietIo();
    const code = await main(['crawl', site.baseUrl, '--allow-private-network', '--delay-ms', '0', '--data-dir', dataDir], crawlIo);
    if (code !== 0) throw new Error(`crawl failed:\n${crawlIo.err.join('')}`);
    return { queries, unanswerable, dataDir, baseUrl: site.baseUrl, crawlLog: crawlIo.err.join(''), close };
  } catch (err) {
    await close();
    throw err;
  }
}

export interface StackFaqResults {
  all: SuiteMetrics;
  testBefore: SuiteMetrics;
  testAfter: SuiteMetrics;
  crawlLog: string;
}

/**
 * Serve the StackFAQ site on 127.0.0.1, crawl it with the real crawler through the CLI, score all
 * questions, then `learn` the train split and score test (+ unanswerable) again.
 */
export async function runStackFaq(dir: string): Promise<StackFaqResults> {
  const { queries, unanswerable, dataDir, crawlLog, close } = await prepareStackFaq(dir);
  const refuse: EvalQuestion[] = unanswerable.map((u) => ({ id: u.id, question: u.question, expected: null }));
  const toEval = (qs: typeof queries): EvalQuestion[] => qs.map((q) => ({ id: q.id, question: q.question, expected: q.expected_url }));
  try {
    const before = await openAnswerer({ dataDir, settings: {} });
    const allScored = await runQuestions([...toEval(queries), ...refuse], (q, id) => before.ask(q, id));
    const testIds = new Set(queries.filter((q) => q.split === 'test').map((q) => q.id));
    const isTestOrRefuse = (id: string) => testIds.has(id) || id.startsWith('u');
    const testBefore = computeMetrics(allScored.filter((s) => isTestOrRefuse(s.id)));

    const train = queries.filter((q) => q.split === 'train').map((q) => JSON.stringify({ question: q.question, url: q.expected_url }));
    const learnIo = quietIo(train);
    if ((await main(['learn', '--jsonl', '--data-dir', dataDir], learnIo)) !== 0) throw new Error(`learn failed:\n${learnIo.err.join('')}`);

    const after = await openAnswerer({ dataDir, settings: {} });
    const testQuestions = [...toEval(queries.filter((q) => q.split === 'test')), ...refuse];
    const testAfter = computeMetrics(await runQuestions(testQuestions, (q, id) => after.ask(q, id)));
    return { all: computeMetrics(allScored), testBefore, testAfter, crawlLog };
  } finally {
    await close();
  }
}

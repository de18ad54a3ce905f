import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { CONFIDENCE_WEIGHTS, extractFeatures, type ConfidenceFeatures, type FeatureName } from '../src/answer/confidence.js';
import { DEFAULT_K } from '../src/answer/answer-question.js';
import { loadConfig } from '../src/config/bot-config.js';
import { packageRoot } from '../src/config/package-root.js';
import { main } from '../src/cli/main.js';
import { openBotIndex } from '../src/knowledge/open-bot-index.js';
import { createAnalyzer } from '../src/retrieval/analyze-text.js';
import { OfflineEmbeddings } from '../src/retrieval/offline-embeddings.js';
import { demoQuestionSchema } from './demo-suite.js';
import { readJsonl } from './lib/jsonl.js';
import { urlPath } from './lib/metrics.js';
import { quietIo } from './lib/quiet-io.js';
import { serveDirectory } from './lib/static-server.js';

/*
 * Fits the confidence model (src/answer/confidence.ts) by logistic regression and prints the
 * weights and the threshold to paste there. It never sees the sets we report on:
 *  - our demo dev set (evals/demo/dev.jsonl), written separately from the test suite;
 *  - StackFAQ `train` questions before learning, and rephrasing -2 of each thread after
 *    learning rephrasings -0 and -1 (so the learned feature is seen in use), never `test`;
 *  - StackFAQ unanswerable questions of even-numbered held-out threads only.
 * Label: answering from the top page would be right.
 */

interface Example {
  features: ConfidenceFeatures;
  label: 0 | 1;
  weight: number;
}

const sfQuery = z.object({ id: z.string(), question: z.string(), expected_url: z.string(), split: z.enum(['train', 'test']) });
const sfRefuse = z.object({ id: z.string(), question: z.string() });

async function collect(dataDir: string, questions: { question: string; expected: string | null }[], weight: number): Promise<Example[]> {
  const bot = (await loadConfig(dataDir)).bots[0]!;
  const { index } = await openBotIndex(bot, dataDir, { embeddings: new OfflineEmbeddings() });
  const analyzer = createAnalyzer();
  const out: Example[] = [];
  for (const q of questions) {
    const pages = await index.search(q.question, { k: DEFAULT_K });
    const top = pages[0] ? urlPath(pages[0].url) : undefined;
    const label = q.expected !== null && top === urlPath(q.expected) ? 1 : 0;
    out.push({ features: extractFeatures(pages, q.question, analyzer), label, weight });
  }
  return out;
}

async function stackFaqExamples(dir: string): Promise<Example[]> {
  const queries = await readJsonl(join(dir, 'queries.jsonl'), sfQuery);
  const refuse = (await readJsonl(join(dir, 'unanswerable.jsonl'), sfRefuse))
    .filter((u) => Number(u.id.slice(1, 4)) % 2 === 0)
    .map((u) => ({ question: u.question, expected: null }));
  const train = queries.filter((q) => q.split === 'train');
  const site = await serveDirectory(join(dir, 'site'));
  const dataDir = await mkdtemp(join(tmpdir(), 'laerling-fit-'));
  try {
    await writeFile(join(dataDir, 'config.json'), JSON.stringify({ bots: [{ id: 'sf', name: 'StackFAQ', defaultLanguage: 'en' }] }));
    if ((await main(['crawl', site.baseUrl, '--allow-private-network', '--delay-ms', '0', '--data-dir', dataDir], quietIo())) !== 0) {
      throw new Error('crawl failed');
    }
    const before = await collect(dataDir, [...train.map((q) => ({ question: q.question, expected: q.expected_url })), ...refuse], 1);
    const teach = train.filter((q) => !q.id.endsWith('-2')).map((q) => JSON.stringify({ question: q.question, url: q.expected_url }));
    await main(['learn', '--jsonl', '--data-dir', dataDir], quietIo(teach));
    const held = train.filter((q) => q.id.endsWith('-2')).map((q) => ({ question: q.question, expected: q.expected_url }));
    const after = await collect(dataDir, [...held, ...refuse], 1);
    return [...before, ...after];
  } finally {
    await site.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function demoExamples(root: string): Promise<Example[]> {
  const file = join(root, 'evals', 'demo', 'dev.jsonl');
  if (!existsSync(file)) {
    console.log(`(no ${file}: fitting on StackFAQ only)`);
    return [];
  }
  const dev = await readJsonl(file, demoQuestionSchema);
  const dataDir = await mkdtemp(join(tmpdir(), 'laerling-fit-demo-'));
  try {
    // The demo set is smaller than StackFAQ's; weigh it up so Norwegian phrasing counts as much.
    return await collect(dataDir, dev.map((q) => ({ question: q.question, expected: q.expected_url })), 3);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

const NAMES = Object.keys(CONFIDENCE_WEIGHTS).filter((k) => k !== 'bias' && k !== 'qaQuestion') as FeatureName[];

/** Plain batch gradient descent on weighted log-loss with a little L2. */
function fit(examples: Example[]): Record<string, number> {
  const w: Record<string, number> = { bias: 0, ...Object.fromEntries(NAMES.map((n) => [n, 0])) };
  const total = examples.reduce((s, e) => s + e.weight, 0);
  for (let step = 0; step < 4000; step++) {
    const grad: Record<string, number> = Object.fromEntries(Object.keys(w).map((k) => [k, 0]));
    for (const e of examples) {
      const err = (predict(w, e.features) - e.label) * e.weight;
      grad.bias! += err;
      for (const n of NAMES) grad[n]! += err * e.features[n];
    }
    for (const k of Object.keys(w)) w[k]! -= 2 * (grad[k]! / total + (k === 'bias' ? 0 : 0.001 * w[k]!));
  }
  return w;
}

function predict(w: Record<string, number>, f: ConfidenceFeatures): number {
  let z = w.bias!;
  for (const n of NAMES) z += w[n]! * f[n];
  return 1 / (1 + Math.exp(-z));
}

/**
 * The lowest threshold whose weighted wrong-answer share stays within `maxWrong`, and the weighted
 * share of examples it answers rightly there (resolution), to compare feature sets by.
 */
function chooseThreshold(w: Record<string, number>, examples: Example[], maxWrong: number): { threshold: number; resolution: number } {
  const scored = examples.map((e) => ({ p: predict(w, e.features), e })).sort((a, b) => b.p - a.p);
  const total = examples.reduce((s, e) => s + e.weight, 0);
  let wrong = 0;
  let right = 0;
  let best = { threshold: 1, resolution: 0 };
  for (const { p, e } of scored) {
    if (e.label === 0) wrong += e.weight;
    else right += e.weight;
    if (wrong / total > maxWrong) break;
    best = { threshold: p, resolution: right / total };
  }
  return best;
}

const root = packageRoot();
const stackfaq = resolve(process.argv[2] ?? process.env.LAERLING_STACKFAQ_DIR ?? join(root, '..', 'shared', 'benchmarks', 'stackfaq'));
const examples = [...(await stackFaqExamples(stackfaq)), ...(await demoExamples(root))];
const weights = fit(examples);
const rounded = Object.fromEntries(Object.entries(weights).map(([k, v]) => [k, Math.round(v * 100) / 100]));
console.log(`Fitted on ${examples.length} examples (${examples.filter((e) => e.label).length} positive).`);
console.log('weights:', JSON.stringify({ ...rounded, qaQuestion: CONFIDENCE_WEIGHTS.qaQuestion }));
{
  const { threshold, resolution } = chooseThreshold(CONFIDENCE_WEIGHTS, examples, 0.05);
  console.log(`for comparison, the weights in confidence.ts: ≤ 5% wrong at ${threshold.toFixed(3)} (resolution ${resolution.toFixed(3)})`);
}
for (const maxWrong of [0.03, 0.04, 0.05, 0.06]) {
  const { threshold, resolution } = chooseThreshold(weights, examples, maxWrong);
  console.log(`threshold for ≤ ${maxWrong * 100}% wrong on the fitting set: ${threshold.toFixed(3)} (resolution ${resolution.toFixed(3)})`);
}

/**
 * Offline retrieval benchmark on ../shared/benchmarks/stackfaq (no LLM, no network):
 * hit@1/hit@5 on all 999 questions, then on `test` after learning `train`, search latency, and
 * the top hit's features on unanswerable questions.
 *
 *   npx tsc -p tsconfig.json --outDir /tmp/laerling-c && node /tmp/laerling-c/bench/stackfaq-retrieval.js [--sweep]
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readStackfaqPages } from '../evals/lib/stackfaq-pages.js';
import type { Chunk } from '../src/ingest/types.js';
import { KnowledgeIndex } from '../src/retrieval/knowledge-index.js';
import { OfflineEmbeddings } from '../src/retrieval/offline-embeddings.js';
import { DEFAULT_TUNING, type Tuning } from '../src/retrieval/rank-pages.js';
import type { Hit, LearnedPhrasing } from '../src/retrieval/types.js';

const ROOT = process.env.STACKFAQ_DIR ?? join(process.cwd(), '../shared/benchmarks/stackfaq');

interface Query {
  id: string;
  question: string;
  expected_url?: string;
  split?: string;
}

async function loadChunks(): Promise<Chunk[]> {
  const chunks: Chunk[] = [];
  for (const page of await readStackfaqPages(ROOT)) {
    const title = page.title || page.documentTitle;
    // One chunk per answer section, like heading-based chunking would produce.
    page.sections.forEach((section, i) => {
      const text = section.paragraphs.join('\n').trim();
      if (text) chunks.push({ id: `${page.url}#${i}`, url: page.url, title, headingPath: [title, section.heading], text, lang: 'en', kind: 'page' });
    });
  }
  return chunks;
}

async function readJsonl(file: string): Promise<Query[]> {
  return (await readFile(join(ROOT, file), 'utf8')).split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Query);
}

async function score(index: KnowledgeIndex, queries: Query[], tuning?: Tuning) {
  let h1 = 0;
  let h5 = 0;
  const ms: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    const pages = await index.search(q.question, { k: 5, tuning });
    ms.push(performance.now() - t);
    if (pages[0]?.url === q.expected_url) h1++;
    if (pages.some((p) => p.url === q.expected_url)) h5++;
  }
  ms.sort((a, b) => a - b);
  const pct = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))] ?? 0;
  return { hit1: h1 / queries.length, hit5: h5 / queries.length, p50: pct(0.5), p95: pct(0.95) };
}

async function topFeatures(index: KnowledgeIndex, queries: Query[]): Promise<Hit[]> {
  const out: Hit[] = [];
  for (const q of queries) {
    const top = (await index.search(q.question, { k: 2 }))[0];
    if (top) out.push(top.best);
  }
  return out;
}

function describe(label: string, hits: Hit[]): void {
  const q = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0;
  console.log(`${label} (n=${hits.length}) top hit feature quantiles p10 / p25 / p50 / p75 / p90:`);
  for (const f of ['lexical', 'vector', 'learned', 'coverage'] as const) {
    const xs = hits.map((h) => h[f]).sort((a, b) => a - b);
    console.log(`  ${f.padEnd(9)} ${[0.1, 0.25, 0.5, 0.75, 0.9].map((p) => q(xs, p).toFixed(3)).join(' / ')}`);
  }
}

const f3 = (x: number) => x.toFixed(3);

async function main(): Promise<void> {
  const chunks = await loadChunks();
  const queries = (await readJsonl('queries.jsonl')).map((q) => ({ ...q, expected_url: q.expected_url }));
  const unanswerable = await readJsonl('unanswerable.jsonl');
  const train = queries.filter((q) => q.split === 'train');
  const test = queries.filter((q) => q.split === 'test');
  const embeddings = new OfflineEmbeddings();

  const t0 = performance.now();
  const index = await KnowledgeIndex.build({ chunks, embeddings });
  console.log(`built ${chunks.length} chunks of ${index.pageUrls().length} pages in ${(performance.now() - t0).toFixed(0)} ms`);

  const all = await score(index, queries);
  console.log(`all 999:            hit@1 ${f3(all.hit1)}  hit@5 ${f3(all.hit5)}  p50 ${all.p50.toFixed(2)} ms  p95 ${all.p95.toFixed(2)} ms`);
  const before = await score(index, test);
  console.log(`test, not learned:  hit@1 ${f3(before.hit1)}  hit@5 ${f3(before.hit5)}`);
  const answerableBefore = await topFeatures(index, queries);
  const unanswerableBefore = await topFeatures(index, unanswerable);

  const learned: LearnedPhrasing[] = train.map((q) => ({ question: q.question, url: q.expected_url!, learnedAt: '2024-01-01T00:00:00Z' }));
  await index.addLearned(learned);
  const after = await score(index, test);
  console.log(`test, learned train: hit@1 ${f3(after.hit1)}  hit@5 ${f3(after.hit5)}  p50 ${after.p50.toFixed(2)} ms  p95 ${after.p95.toFixed(2)} ms`);

  describe('answerable, before learning', answerableBefore);
  describe('unanswerable, before learning', unanswerableBefore);
  describe('answerable test, after learning', await topFeatures(index, test));
  describe('unanswerable, after learning', await topFeatures(index, unanswerable));

  if (process.argv.includes('--sweep')) await sweep(chunks, train);
}

// Grid over fusion settings on the TRAIN split only, printed for tuning DEFAULT_TUNING by hand
// (not run by default): content weights on train with nothing learned, learned weights by
// 3-fold cross-validation inside train (learn two rephrasings per thread, score the third).
async function sweep(chunks: Chunk[], train: Query[]): Promise<void> {
  const plain = await KnowledgeIndex.build({ chunks, embeddings: new OfflineEmbeddings() });
  const folds: Array<{ index: KnowledgeIndex; held: Query[] }> = [];
  for (const fold of ['-0', '-1', '-2']) {
    const learned = train.filter((q) => !q.id.endsWith(fold)).map((q) => ({ question: q.question, url: q.expected_url!, learnedAt: '2024-01-01T00:00:00Z' }));
    folds.push({ index: await KnowledgeIndex.build({ chunks, learned, embeddings: new OfflineEmbeddings() }), held: train.filter((q) => q.id.endsWith(fold)) });
  }
  for (const lexical of [0.2, 0.35, 0.5]) {
    for (const vector of [0.15, 0.3, 0.45]) {
      for (const learnedW of [0.3, 0.5, 0.8]) {
        const tuning: Tuning = { ...DEFAULT_TUNING, weights: { ...DEFAULT_TUNING.weights, lexical, vector, learned: learnedW } };
        const a = await score(plain, train, tuning);
        let cv = 0;
        for (const f of folds) cv += (await score(f.index, f.held, tuning)).hit1 / folds.length;
        console.log(`lex ${lexical} vec ${vector} learned ${learnedW}: train hit@1 ${f3(a.hit1)} hit@5 ${f3(a.hit5)} | train 3-fold learned hit@1 ${f3(cv)}`);
      }
    }
  }
}

await main();

/**
 * Scale benchmark for PRODUCT.md's bar "100k chunks per bot": builds an offline index of N
 * synthetic chunks (sentences of StackFAQ's answers recombined, 10 chunks per page), saves and
 * loads it, and times searches with StackFAQ's questions. Prints build time, memory, size on
 * disk, load time and search p50/p95.
 *
 *   npm run build && node --max-old-space-size=16384 dist/bench/index-scale.js [--chunks 100000] [--questions 300] [--keep DIR]
 */
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readStackfaqPages } from '../evals/lib/stackfaq-pages.js';
import type { Chunk } from '../src/ingest/types.js';
import { INDEX_FILES } from '../src/retrieval/index-schemas.js';
import { KnowledgeIndex } from '../src/retrieval/knowledge-index.js';
import { OfflineEmbeddings } from '../src/retrieval/offline-embeddings.js';

const ROOT = process.env.STACKFAQ_DIR ?? join(process.cwd(), '../shared/benchmarks/stackfaq');
const CHUNKS_PER_PAGE = 10;
const SENTENCES_PER_CHUNK = 8;

/** Deterministic PRNG (mulberry32), so every run indexes the same corpus. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function sourceText(): Promise<{ titles: string[]; sentences: string[] }> {
  const pages = await readStackfaqPages(ROOT);
  const sentences = pages.flatMap((page) =>
    page.sections.flatMap((s) => s.paragraphs).join(' ').split(/(?<=[.!?])\s+/).filter((s) => s.split(' ').length >= 4),
  );
  return { titles: pages.map((p) => p.title), sentences };
}

function synthesise(n: number, titles: string[], sentences: string[]): Chunk[] {
  const rand = random(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const chunks: Chunk[] = [];
  for (let i = 0; i < n; i++) {
    const page = Math.floor(i / CHUNKS_PER_PAGE);
    const url = `https://scale.example/p/${page}`;
    const title = `${pick(titles)} (${page})`;
    const text = Array.from({ length: SENTENCES_PER_CHUNK }, () => pick(sentences)).join(' ');
    chunks.push({ id: `${url}#${i % CHUNKS_PER_PAGE}`, url, title, headingPath: [title], text, lang: 'en', kind: 'page' });
  }
  return chunks;
}

async function dirSize(dir: string): Promise<number> {
  let total = 0;
  for (const f of await readdir(dir)) total += (await stat(join(dir, f))).size;
  return total;
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const option = (name: string, fallback: number) => {
    const at = process.argv.indexOf(name);
    return at > 0 ? Number(process.argv[at + 1]) : fallback;
  };
  const n = option('--chunks', 100_000);
  const { titles, sentences } = await sourceText();
  const chunks = synthesise(n, titles, sentences);
  const questions = (await readFile(join(ROOT, 'queries.jsonl'), 'utf8')).split('\n').filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { question: string }).question)
    .slice(0, option('--questions', 300));
  const words = chunks.reduce((s, c) => s + c.text.split(' ').length, 0);
  console.log(`${n} chunks, ${n / CHUNKS_PER_PAGE} pages, ${(words / n).toFixed(0)} words per chunk`);

  // --keep DIR: build into DIR once and reuse it on later runs (search-side tuning).
  const keep = process.argv.indexOf('--keep') > 0 ? process.argv[process.argv.indexOf('--keep') + 1]! : undefined;
  const dir = keep ?? (await mkdtemp(join(tmpdir(), 'laerling-scale-')));
  try {
    let t = performance.now();
    if (!keep || !(await stat(join(dir, INDEX_FILES.manifest)).catch(() => undefined))) {
      const built = await KnowledgeIndex.build({ chunks, embeddings: new OfflineEmbeddings() });
      console.log(`build   ${seconds(performance.now() - t)}, heap ${mb(process.memoryUsage().heapUsed)}, rss ${mb(process.memoryUsage().rss)}`);
      t = performance.now();
      await built.save(dir);
      console.log(`save    ${seconds(performance.now() - t)}, ${mb(await dirSize(dir))} on disk`);
    }
    t = performance.now();
    const index = await KnowledgeIndex.load(dir, new OfflineEmbeddings());
    console.log(`load    ${seconds(performance.now() - t)}`);

    const ms: number[] = [];
    for (const q of questions) {
      t = performance.now();
      await index.search(q, { k: 5 });
      ms.push(performance.now() - t);
    }
    ms.sort((a, b) => a - b);
    const pct = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))]!.toFixed(1);
    console.log(`search  ${questions.length} questions: p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms, max ${ms.at(-1)!.toFixed(1)} ms`);
    console.log(`memory  rss ${mb(process.memoryUsage().rss)} after load and search`);
  } finally {
    if (!keep) await rm(dir, { recursive: true, force: true });
  }
}

await main();

/**
 * Where retrieval goes wrong on StackFAQ's TRAIN split (for error analysis while tuning; never
 * look at `test` this way): prints the missed questions with the expected and the winning page.
 *
 *   npm run build && node dist/bench/stackfaq-misses.js [--learned]  (--learned: 3-fold inside train)
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readStackfaqPages } from '../evals/lib/stackfaq-pages.js';
import type { Chunk } from '../src/ingest/types.js';
import { KnowledgeIndex } from '../src/retrieval/knowledge-index.js';
import { OfflineEmbeddings } from '../src/retrieval/offline-embeddings.js';

const ROOT = process.env.STACKFAQ_DIR ?? join(process.cwd(), '../shared/benchmarks/stackfaq');

async function main(): Promise<void> {
  const chunks: Chunk[] = [];
  const titles = new Map<string, string>();
  for (const { url, title, sections } of await readStackfaqPages(ROOT)) {
    titles.set(url, title);
    sections.forEach((section, i) => {
      const text = section.paragraphs.join('\n').trim();
      if (text) chunks.push({ id: `${url}#${i}`, url, title, headingPath: [title], text, lang: 'en', kind: 'page' });
    });
  }
  const train = (await readFile(join(ROOT, 'queries.jsonl'), 'utf8'))
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { id: string; question: string; expected_url: string; split: string })
    .filter((q) => q.split === 'train');
  const learnedMode = process.argv.includes('--learned');
  const folds = learnedMode ? ['-0', '-1', '-2'] : [''];
  let hits = 0;
  let n = 0;
  for (const fold of folds) {
    const learned = learnedMode ? train.filter((q) => !q.id.endsWith(fold)).map((q) => ({ question: q.question, url: q.expected_url, learnedAt: '2024-01-01T00:00:00Z' })) : [];
    const index = await KnowledgeIndex.build({ chunks, learned, embeddings: new OfflineEmbeddings() });
    for (const q of learnedMode ? train.filter((x) => x.id.endsWith(fold)) : train) {
      const pages = await index.search(q.question, { k: 5 });
      n++;
      if (pages[0]?.url === q.expected_url) {
        hits++;
        continue;
      }
      const rank = pages.findIndex((p) => p.url === q.expected_url);
      console.log(`${q.id}  "${q.question}"\n   want ${titles.get(q.expected_url)} (rank ${rank < 0 ? '>5' : rank + 1})\n   got  ${titles.get(pages[0]?.url ?? '')} ${pages[0]?.score.toFixed(3)}`);
    }
  }
  console.log(`hit@1 ${(hits / n).toFixed(3)} on ${n} train questions${learnedMode ? ' (3-fold learned)' : ''}`);
}

await main();

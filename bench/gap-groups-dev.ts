/**
 * A development set for gap grouping, so that the eval's 250 unanswerable questions stay unseen
 * while tuning: StackFAQ's answerable questions, in four batches of 25 threads (the eval's size),
 * grouped as if none had been answered and scored like the eval (groups ≤ 40, min purity ≥ 0.80).
 *
 *   npm run build && node dist/bench/gap-groups-dev.js [threshold] [--show]
 */
import { join } from 'node:path';
import { z } from 'zod';
import { GAP_SIMILARITY, groupGaps } from '../src/learning/gap-groups.js';
import { namedTermsOf } from '../src/retrieval/named-terms.js';
import { scoreGroups, stackfaqTitles } from '../evals/gap-groups.js';
import { readJsonl } from '../evals/lib/jsonl.js';

const ROOT = process.env.STACKFAQ_DIR ?? join(process.cwd(), '../shared/benchmarks/stackfaq');

async function main(): Promise<void> {
  const threshold = Number(process.argv.find((a) => /^[\d.]+$/.test(a)) ?? GAP_SIMILARITY);
  const show = process.argv.includes('--show');
  const rows = await readJsonl(join(ROOT, 'queries.jsonl'), z.object({ id: z.string(), question: z.string() }));
  const named = namedTermsOf(await stackfaqTitles(ROOT));
  const threads = [...new Set(rows.map((r) => r.id.split('-')[0]!))].sort();
  const at = new Date(Date.UTC(2026, 0, 1)).toISOString();
  let worst = 1;
  for (let b = 0; b < threads.length; b += 25) {
    const batch = new Set(threads.slice(b, b + 25));
    const items = rows.filter((r) => batch.has(r.id.split('-')[0]!)).map((r) => ({ id: r.id, text: r.question, at }));
    const groups = await groupGaps(items, { threshold, namedTerms: named });
    const score = scoreGroups(groups);
    worst = Math.min(worst, score.minPurity);
    console.log(`batch ${b / 25 + 1}: ${items.length} questions → ${score.groups} groups, purity min ${score.minPurity.toFixed(2)} mean ${score.meanPurity.toFixed(3)}`);
    if (!show) continue;
    for (const g of groups) {
      const ids = g.itemIds.map((id) => id.split('-')[0]!);
      const top = Math.max(...[...new Set(ids)].map((t) => ids.filter((x) => x === t).length));
      if (top / g.count < 0.8) console.log(`   impure (${g.count}): ${[...new Set(ids)].join(' ')} — ${g.examples.slice(0, 3).join(' | ')}`);
    }
  }
  console.log(`worst min purity ${worst.toFixed(2)} at threshold ${threshold}`);
}

await main();

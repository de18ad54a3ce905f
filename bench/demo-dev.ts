/**
 * Our demo dev set (evals/demo/dev.jsonl): questions about the Fjordmobil demo written while using
 * the bot, apart from the demo suite `npm run eval` reports, so that Norwegian and cross-language
 * retrieval can be worked on without tuning to the suite. Prints the suite's metrics and each miss.
 *
 *   npm run build && node dist/bench/demo-dev.js [evals/demo/dev2.jsonl]
 *
 * dev2.jsonl holds a QA tester's questions (unanswerable ones with expected_url null), a second
 * dev set for the same purpose.
 */
import { join } from 'node:path';
import { runDemoSuite } from '../evals/demo-suite.js';

async function main(): Promise<void> {
  const { metrics, scored } = await runDemoSuite(join(process.cwd(), process.argv[2] ?? join('evals', 'demo', 'dev.jsonl')));
  const shown = Object.entries(metrics).filter((e): e is [string, number] => typeof e[1] === 'number');
  console.log(shown.map(([k, v]) => `${k} ${Math.round(v * 1000) / 1000}`).join('  '));
  for (const s of scored) {
    const top = s.candidatePaths[0];
    if ((s.expected !== null && top !== s.expected) || (s.outcome === 'answer' && s.answerPath !== s.expected)) {
      console.log(`${s.id} ${s.outcome} ${s.confidence.toFixed(2)}: want ${s.expected ?? '(abstain)'}, top ${top ?? '-'}`);
    }
  }
}

await main();

/**
 * Our demo dev set (evals/demo/dev.jsonl): questions about the Fjordmobil demo written while using
 * the bot, apart from the demo suite `npm run eval` reports, so that Norwegian and cross-language
 * retrieval can be worked on without tuning to the suite. Prints the suite's metrics and each miss.
 *
 *   npm run build && node dist/bench/demo-dev.js [evals/demo/dev2.jsonl] [--text-misses]
 *
 * --text-misses also lists each question answered from the right page whose text has none of its
 * key phrases (`expect`), with the phrases and the start of the answer. Only for dev sets: the
 * suite (questions.jsonl) is a test set and its misses are not for reading.
 *
 * dev2.jsonl holds a QA tester's questions (unanswerable ones with expected_url null), a second
 * dev set for the same purpose.
 */
import { join } from 'node:path';
import { demoQuestionSchema, runDemoSuite } from '../evals/demo-suite.js';
import { readJsonl } from '../evals/lib/jsonl.js';
import { answerHasKeyPhrase } from '../evals/lib/metrics.js';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--')) ?? join('evals', 'demo', 'dev.jsonl');
  const { metrics, scored } = await runDemoSuite(join(process.cwd(), file));
  const shown = Object.entries(metrics).filter((e): e is [string, number] => typeof e[1] === 'number');
  console.log(shown.map(([k, v]) => `${k} ${Math.round(v * 1000) / 1000}`).join('  '));
  for (const s of scored) {
    const top = s.candidatePaths[0];
    if ((s.expected !== null && top !== s.expected) || (s.outcome === 'answer' && s.answerPath !== s.expected)) {
      console.log(`${s.id} ${s.outcome} ${s.confidence.toFixed(2)}: want ${s.expected ?? '(abstain)'}, top ${top ?? '-'}`);
    }
  }
  if (!args.includes('--text-misses')) return;
  const questions = new Map((await readJsonl(join(process.cwd(), file), demoQuestionSchema)).map((q) => [q.id, q.question]));
  console.log('\nRight page, key phrase missing:');
  for (const s of scored) {
    if (s.expect === undefined || s.outcome !== 'answer' || s.answerPath !== s.expected || answerHasKeyPhrase(s)) continue;
    const answer = (s.answer ?? '').replace(/\s+/g, ' ').slice(0, 200);
    console.log(`${s.id} ${questions.get(s.id)}\n  want ${s.expect.map((p) => JSON.stringify(p)).join(' | ')}\n  got  ${answer}`);
  }
}

await main();

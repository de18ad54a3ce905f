import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageRoot } from '../src/config/package-root.js';
import { runDemoSuite } from './demo-suite.js';
import { formatMetrics, METRICS_HEADER } from './lib/metrics.js';
import { gapGroupEval } from './gap-groups.js';
import { runReplay } from './replay.js';
import { runStackFaq } from './stackfaq.js';

/** Run the eval suites and print one table; returns the exit code. */
export async function runEvals(opts: { suite?: 'demo' | 'stackfaq' | 'all'; stackfaqDir?: string; replay?: boolean; print?: (s: string) => void } = {}): Promise<number> {
  const print = opts.print ?? ((s: string) => void process.stdout.write(s + '\n'));
  const suite = opts.suite ?? 'all';
  const root = packageRoot();
  print('Lærling evals — offline default (local embeddings, extractive answers, no LLM)');
  print(METRICS_HEADER);
  if (suite !== 'stackfaq') {
    const demo = await runDemoSuite(join(root, 'evals', 'demo', 'questions.jsonl'));
    print(formatMetrics('demo (own suite, Fjordmobil)', demo.metrics));
  }
  if (suite !== 'demo') {
    const dir = resolve(opts.stackfaqDir ?? process.env.LAERLING_STACKFAQ_DIR ?? join(root, '..', 'shared', 'benchmarks', 'stackfaq'));
    if (!existsSync(join(dir, 'queries.jsonl'))) {
      print(`stackfaq: not found at ${dir} (set LAERLING_STACKFAQ_DIR or --stackfaq DIR)`);
      return 1;
    }
    const r = await runStackFaq(dir);
    print(formatMetrics('stackfaq all 999 + 250 unanswerable', r.all));
    print(formatMetrics('stackfaq test, before learning', r.testBefore));
    print(formatMetrics('stackfaq test, after learning train', r.testAfter));
    if (opts.replay !== false) {
      print('');
      print('Learning from conversations: StackFAQ train replayed through the HTTP API, test measured after each step');
      const replay = await runReplay(dir);
      print(METRICS_HEADER);
      for (const step of replay.curve) print(formatMetrics(`test after ${step.conversations} conversations`, step.metrics));
      print(
        `replay: ${replay.conversations} conversations, ${replay.confirmed} confirmed, ${replay.handedOff} handed off, ${replay.approved} suggestions approved; ` +
          `rate counted by the replay ${replay.replayRate.toFixed(4)}, badge API ${replay.badgeRate === null ? 'none' : replay.badgeRate.toFixed(4)} ` +
          `(${replay.badgeRate === replay.replayRate ? 'equal' : 'DIFFERENT'}) — "${replay.badgeText}"`,
      );
      const gaps = await gapGroupEval(dir);
      print(
        `gaps: ${gaps.questions} unanswerable questions → ${gaps.groups} groups (target ≤ 40), purity min ${gaps.minPurity.toFixed(2)} (target ≥ 0.80), mean ${gaps.meanPurity.toFixed(3)}`,
      );
    }
  }
  print('');
  print('hit@k: expected page among the top k candidates (answerable only). res.: answered from the');
  print('expected page / answerable. wrong: answered from a wrong page or answered an unanswerable');
  print('question / all questions. abst.: abstained / unanswerable. res@≤5%wrong: best resolution at');
  print('any threshold keeping wrong ≤ 5% (@ that threshold). Times are per question, in process.');
  print('text: answered from the expected page and the answer contains one of the question\'s key');
  print('phrases (demo only) / answerable. t-miss: expected page, no key phrase / answerable (text +');
  print('t-miss = res.).');
  return 0;
}

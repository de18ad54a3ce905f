import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { openAnswerer } from '../src/cli/open-answerer.js';
import { readJsonl } from './lib/jsonl.js';
import { computeMetrics, type ScoredQuestion, type SuiteMetrics } from './lib/metrics.js';
import { runQuestions } from './lib/run-questions.js';

export const demoQuestionSchema = z.object({
  id: z.string(),
  question: z.string().min(1),
  expected_url: z.string().nullable(),
  lang: z.enum(['nb', 'nn', 'en']),
  style: z.string(),
});

/** Score our own suite (evals/demo/questions.jsonl) against the bundled demo knowledge. */
export async function runDemoSuite(questionsFile: string): Promise<{ metrics: SuiteMetrics; scored: ScoredQuestion[] }> {
  const questions = await readJsonl(questionsFile, demoQuestionSchema);
  const dataDir = await mkdtemp(join(tmpdir(), 'laerling-demo-eval-'));
  try {
    const answerer = await openAnswerer({ dataDir, settings: {} });
    const scored = await runQuestions(
      questions.map((q) => ({ id: q.id, question: q.question, expected: q.expected_url })),
      (q, id) => answerer.ask(q, id),
    );
    return { metrics: computeMetrics(scored), scored };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { openAnswerer } from '../src/cli/open-answerer.js';
import { readJsonl } from './lib/jsonl.js';
import { computeMetrics, type ScoredQuestion, type SuiteMetrics } from './lib/metrics.js';
import { runQuestions } from './lib/run-questions.js';

export const demoQuestionSchema = z
  .object({
    id: z.string(),
    question: z.string().min(1),
    expected_url: z.string().nullable(),
    lang: z.enum(['nb', 'nn', 'en']),
    style: z.string(),
    /** Alternative key phrases from the page; a right answer's text contains one of them. */
    expect: z.array(z.string().trim().min(1)).min(1).optional(),
  })
  .refine((q) => q.expect === undefined || q.expected_url !== null, {
    message: 'expect is only for answerable questions (expected_url is null)',
    path: ['expect'],
  });

/** Score our own suite (evals/demo/questions.jsonl) against the bundled demo knowledge. */
export async function runDemoSuite(questionsFile: string): Promise<{ metrics: SuiteMetrics; scored: ScoredQuestion[] }> {
  const questions = await readJsonl(questionsFile, demoQuestionSchema);
  const dataDir = await mkdtemp(join(tmpdir(), 'laerling-demo-eval-'));
  try {
    const answerer = await openAnswerer({ dataDir, settings: {} });
    const scored = await runQuestions(
      questions.map((q) => ({ id: q.id, question: q.question, expected: q.expected_url, expect: q.expect })),
      (q, id) => answerer.ask(q, id),
    );
    return { metrics: computeMetrics(scored), scored };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

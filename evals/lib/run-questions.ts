import type { AskOutput } from '../../src/cli/ask-output.js';
import { urlPath, type ScoredQuestion } from './metrics.js';

export interface EvalQuestion {
  id: string;
  question: string;
  /** Expected page path (or URL), null for questions the bot must refuse. */
  expected: string | null;
  /** Key phrases a right answer's text contains, one of them (optional). */
  expect?: string[];
}

/** Ask every question in turn (sequentially, so ms is per question) and score it. */
export async function runQuestions(
  questions: EvalQuestion[],
  ask: (question: string, id: string) => Promise<AskOutput>,
): Promise<ScoredQuestion[]> {
  const scored: ScoredQuestion[] = [];
  for (const q of questions) {
    const r = await ask(q.question, q.id);
    scored.push({
      id: q.id,
      expected: q.expected === null ? null : urlPath(q.expected),
      outcome: r.outcome,
      confidence: r.confidence,
      candidatePaths: r.candidates.map((c) => urlPath(c.url)),
      answerPath: r.sources[0] ? urlPath(r.sources[0].url) : undefined,
      answer: r.answer,
      expect: q.expect,
      ms: r.ms,
    });
  }
  return scored;
}

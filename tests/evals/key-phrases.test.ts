import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoQuestionSchema } from '../../evals/demo-suite.js';
import { readJsonl } from '../../evals/lib/jsonl.js';
import { containsKeyPhrase, normaliseForMatch } from '../../evals/lib/key-phrases.js';

describe('containsKeyPhrase', () => {
  it('matches one of the phrases, ignoring case', () => {
    expect(containsKeyPhrase('Det tar vanligvis 4–8 uker.', ['5–10 virkedager', '4–8 UKER'])).toBe(true);
    expect(containsKeyPhrase('Det tar vanligvis 5–10 virkedager.', ['4–8 uker'])).toBe(false);
  });

  it('treats runs of whitespace, non-breaking and narrow spaces as one space', () => {
    expect(containsKeyPhrase('Papirfaktura koster 39\u00a0kr.', ['39 kr'])).toBe(true);
    expect(containsKeyPhrase('Ring 21\u202f00 00\n00.', ['21 00 00 00'])).toBe(true);
    expect(containsKeyPhrase('Ring 2100 00 00.', ['21 00 00 00'])).toBe(false);
  });

  it('treats en and em dashes as hyphens', () => {
    expect(containsKeyPhrase('usually 2-5 working days', ['2–5 working days'])).toBe(true);
  });

  it('does not normalise anything else', () => {
    // A cut answer ("Tast") must not pass for the code it lost.
    expect(containsKeyPhrase('Tast', ['#31#'])).toBe(false);
    expect(containsKeyPhrase('koster 89 kr.', ['89 kroner'])).toBe(false);
    expect(containsKeyPhrase('anything', [])).toBe(false);
    expect(containsKeyPhrase('anything', ['  '])).toBe(false);
  });

  it('normaliseForMatch lowercases and collapses spaces', () => {
    expect(normaliseForMatch('  Fiber\u00a0500 —  699 KR ')).toBe('fiber 500 - 699 kr');
  });
});

describe('demo question files', () => {
  const files = ['questions.jsonl', 'dev.jsonl', 'dev2.jsonl'].map((f) => join(import.meta.dirname, '..', '..', 'evals', 'demo', f));

  it.each(files)('%s has key phrases for every answerable question', async (file) => {
    const questions = await readJsonl(file, demoQuestionSchema);
    expect(questions.filter((q) => q.expected_url !== null && q.expect === undefined).map((q) => q.id)).toEqual([]);
  });

  it('rejects key phrases on an unanswerable question', () => {
    const line = { id: 'x', question: 'været?', expected_url: null, lang: 'nb', style: 'terse' };
    expect(demoQuestionSchema.safeParse(line).success).toBe(true);
    expect(demoQuestionSchema.safeParse({ ...line, expect: ['sol'] }).success).toBe(false);
    expect(demoQuestionSchema.safeParse({ ...line, expected_url: '/a', expect: [] }).success).toBe(false);
  });
});

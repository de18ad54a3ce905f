import { z } from 'zod';
import { join } from 'node:path';
import { groupGaps } from '../src/learning/gap-groups.js';
import { namedTermsOf } from '../src/retrieval/named-terms.js';
import { readJsonl } from './lib/jsonl.js';
import { readStackfaqPages } from './lib/stackfaq-pages.js';

const schema = z.object({ id: z.string(), question: z.string() });

export interface GapGroupResult {
  questions: number;
  groups: number;
  /** Share of the least pure group's questions that come from its majority thread. */
  minPurity: number;
  /** Purity weighted by group size. */
  meanPurity: number;
}

/**
 * Group StackFAQ's unanswerable questions as the gaps view would (without their thread ids),
 * then score the groups against the threads (the id prefix, e.g. u042).
 */
export async function gapGroupEval(dir: string): Promise<GapGroupResult> {
  const rows = await readJsonl(join(dir, 'unanswerable.jsonl'), schema);
  const at = new Date(Date.UTC(2026, 0, 1)).toISOString();
  const titles = await stackfaqTitles(dir);
  const groups = await groupGaps(rows.map((r) => ({ id: r.id, text: r.question, at })), { namedTerms: namedTermsOf(titles) });
  return { questions: rows.length, ...scoreGroups(groups) };
}

/** Site page titles as the index holds them (the site-name suffix dropped): its named things. */
export async function stackfaqTitles(dir: string): Promise<string[]> {
  return (await readStackfaqPages(dir)).map((p) => p.title);
}

/** Count and purity of groups whose item ids name their thread before the dash ("u042-3"). */
export function scoreGroups(groups: ReadonlyArray<{ count: number; itemIds: string[] }>): Omit<GapGroupResult, 'questions'> {
  let weighted = 0;
  let minPurity = 1;
  let questions = 0;
  for (const g of groups) {
    const threads = new Map<string, number>();
    for (const id of g.itemIds) threads.set(id.split('-')[0]!, (threads.get(id.split('-')[0]!) ?? 0) + 1);
    const purity = Math.max(...threads.values()) / g.count;
    minPurity = Math.min(minPurity, purity);
    weighted += purity * g.count;
    questions += g.count;
  }
  return { groups: groups.length, minPurity, meanPurity: weighted / Math.max(questions, 1) };
}

import { z } from 'zod';

// `noPage` (only ever true) was added later, optional, so readers of {url, title} are unaffected.
const sourceSchema = z.object({ url: z.string(), title: z.string(), noPage: z.boolean().optional() });

/** One line of `laerling ask --json/--jsonl` output: the public CLI contract in PRODUCT.md. */
export const askOutputSchema = z.object({
  id: z.string().optional(),
  question: z.string(),
  outcome: z.enum(['answer', 'abstain']),
  answer: z.string(),
  sources: z.array(sourceSchema),
  candidates: z.array(sourceSchema.extend({ score: z.number() })),
  confidence: z.number().min(0).max(1),
  ms: z.number().min(0),
  /** Added later, optional: what was searched when the question continued the chat's previous one. */
  asked: z.string().optional(),
  /** Added later, optional: the question only pointed back ("hva koster det?") to nothing, so the bot asked what it is about. */
  unclear: z.literal(true).optional(),
});

/** A line of `ask --jsonl` input. */
export const askInputSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String).optional(),
  question: z.string().trim().min(1).max(2000),
});

/** A line of `learn --jsonl` input: this question was resolved by this page. */
export const learnInputSchema = z.object({
  question: z.string().trim().min(1).max(2000),
  url: z.string().trim().min(1),
});

export type AskOutput = z.infer<typeof askOutputSchema>;

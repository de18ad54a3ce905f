import type { Lang } from '../ingest/types.js';

/** A source link shown with an answer. */
export interface Source {
  url: string;
  title: string;
}

/** A ranked retrieval candidate, listed even when the bot abstains. */
export interface Candidate extends Source {
  score: number;
}

/** What the bot does with one question. Mirrors the CLI `ask` contract in PRODUCT.md. */
export interface AnswerResult {
  outcome: 'answer' | 'abstain';
  answer: string;
  sources: Source[];
  candidates: Candidate[];
  /** In [0,1]; higher means more likely right. */
  confidence: number;
  /** Language the answer is written in. */
  lang: 'nb' | 'en';
}

import type { Lang } from '../ingest/types.js';

/** A source link shown with an answer. */
export interface Source {
  url: string;
  title: string;
  /** A Q&A item with no page of its own: `url` identifies it, but there is nothing there to open. */
  noPage?: boolean;
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

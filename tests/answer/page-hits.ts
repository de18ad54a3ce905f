import type { Chunk } from '../../src/ingest/types.js';
import type { Hit, PageHit } from '../../src/retrieval/types.js';

/** A hand-made retrieval result: one page whose best chunk has the given scores. */
export function pageHit(opts: {
  url?: string;
  title?: string;
  text?: string;
  score?: number;
  lexical?: number;
  vector?: number;
  learned?: number;
  coverage?: number;
  chunk?: Partial<Chunk>;
  more?: Hit[];
}): PageHit {
  const url = opts.url ?? 'https://example.no/side';
  const title = opts.title ?? 'Side';
  const chunk: Chunk = {
    id: `${url}#0`,
    url,
    title,
    headingPath: [title],
    text: opts.text ?? 'Tekst.',
    lang: 'nb',
    kind: 'page',
    ...opts.chunk,
  };
  const best: Hit = {
    chunk,
    score: opts.score ?? 0.8,
    lexical: opts.lexical ?? 0.6,
    vector: opts.vector ?? 0.6,
    learned: opts.learned ?? 0,
    coverage: opts.coverage ?? 0.8,
  };
  return { url, title, score: best.score, best, hits: [best, ...(opts.more ?? [])] };
}

/** A Q&A item as a retrieved page. */
export function qaHit(opts: { question: string; alternatives?: string[]; answer: string; url?: string; score?: number; lang?: 'nb' | 'en' }): PageHit {
  const questions = [opts.question, ...(opts.alternatives ?? [])];
  return pageHit({
    url: opts.url ?? 'https://example.no/qa/1',
    title: opts.question,
    text: `${questions.join('\n')}\n${opts.answer}`,
    score: opts.score ?? 0.9,
    lexical: 0.8,
    vector: 0.85,
    learned: 0.9,
    coverage: 1,
    chunk: { kind: 'qa', answer: opts.answer, questions, lang: opts.lang ?? 'nb' },
  });
}

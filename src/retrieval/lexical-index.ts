import MiniSearch, { type AsPlainObject, type BM25Params, type Options } from 'minisearch';
import { LaerlingError } from '../errors.js';
import type { Analyzer } from './analyze-text.js';

/**
 * A document for BM25: a chunk (title, headings, text, Q&A questions) or a learned phrasing.
 * Chunk ids start with "c": only chunks count towards a term's chunk frequency (isCommon).
 */
export interface LexicalDoc {
  id: string;
  title?: string;
  headings?: string;
  text?: string;
  phrasings?: string;
}

/** One BM25 match: raw score and the query terms (stems) it contained. */
export interface LexicalMatch {
  id: string;
  score: number;
  terms: string[];
}

/** Field boosts: a question's words in a title or a known phrasing say more than in body text. */
export const FIELD_BOOSTS = { title: 2, headings: 1.5, text: 1, phrasings: 2.5 };

const FIELDS = ['title', 'headings', 'text', 'phrasings'];

/** A term in more than this share of chunks, and in more than minChunks of them, is common. */
export const COMMON_TERM = { share: 0.05, minChunks: 2000 };

function options(analyzer: Analyzer): Options<LexicalDoc> {
  return {
    fields: FIELDS,
    idField: 'id',
    tokenize: (text) => analyzer.words(text),
    processTerm: (word) => analyzer.terms(word),
    // Exact terms only: the character n-gram vectors already absorb typos, and prefix/fuzzy
    // expansion costs latency (not yet measured for quality; see the bench).
    searchOptions: { combineWith: 'OR', prefix: false, fuzzy: false },
  };
}

/** Per-search settings beyond the query: field boosts, a field subset, BM25 parameters. */
export interface LexicalSearchOptions {
  boost?: Record<string, number>;
  fields?: string[];
  bm25?: BM25Params;
  /** Weight of each query term (e.g. lower for translated terms); 1 when absent. */
  boostTerm?: (term: string) => number;
}

/**
 * Per term, how many chunks have it in a content field (as add() counts), from a saved index:
 * one pass over the postings, with a stamp per document instead of a set per term (100k chunks).
 */
function chunkFrequencies(plain: AsPlainObject): { chunkFrequency: Map<string, number>; chunks: number } {
  const isChunk: boolean[] = [];
  let chunks = 0;
  for (const [shortId, id] of Object.entries(plain.documentIds)) {
    if (!String(id).startsWith('c')) continue;
    isChunk[Number(shortId)] = true;
    chunks++;
  }
  const content = ['title', 'headings', 'text'].map((f) => String(plain.fieldIds[f]));
  const stamp = new Int32Array(plain.nextId);
  const chunkFrequency = new Map<string, number>();
  plain.index.forEach(([term, fields], n) => {
    let count = 0;
    for (const field of content) {
      for (const key of Object.keys(fields[field] ?? {})) {
        const doc = Number(key);
        if (isChunk[doc] && stamp[doc] !== n + 1) {
          stamp[doc] = n + 1;
          count++;
        }
      }
    }
    if (count > 0) chunkFrequency.set(term, count);
  });
  return { chunkFrequency, chunks };
}

/** BM25 over title, headings, text and phrasings (MiniSearch), with nb+en stemmed terms. */
export class LexicalIndex {
  private constructor(
    private readonly mini: MiniSearch<LexicalDoc>,
    private readonly analyzer: Analyzer,
    // The index terms, to tell whether a word is known (compound handling) without a search.
    private readonly vocabulary: Set<string>,
    // Per term, how many chunks contain it (see isCommon).
    private readonly chunkFrequency: Map<string, number>,
    private chunks: number,
  ) {}

  /** An empty index. */
  static create(analyzer: Analyzer): LexicalIndex {
    return new LexicalIndex(new MiniSearch(options(analyzer)), analyzer, new Set(), new Map(), 0);
  }

  /** Restore from toJSON() output; anything MiniSearch cannot read is INDEX_CORRUPT. */
  static load(json: string, analyzer: Analyzer): LexicalIndex {
    try {
      const plain = JSON.parse(json) as AsPlainObject;
      const mini = MiniSearch.loadJS(plain, options(analyzer));
      const { chunkFrequency, chunks } = chunkFrequencies(plain);
      return new LexicalIndex(mini, analyzer, new Set(plain.index.map(([term]) => term)), chunkFrequency, chunks);
    } catch (err) {
      throw new LaerlingError('INDEX_CORRUPT', `Lexical index is unreadable: ${(err as Error).message}`);
    }
  }

  /** Index documents (ids must be new). */
  add(docs: LexicalDoc[]): void {
    this.mini.addAll(docs);
    for (const doc of docs) {
      const content = new Set(this.termsOf(doc.title, doc.headings, doc.text));
      for (const t of [...content, ...this.termsOf(doc.phrasings)]) this.vocabulary.add(t);
      if (!doc.id.startsWith('c')) continue;
      this.chunks++;
      for (const t of content) this.chunkFrequency.set(t, (this.chunkFrequency.get(t) ?? 0) + 1);
    }
  }

  /** Re-index existing documents with new field contents (same ids). */
  replace(docs: LexicalDoc[]): void {
    for (const doc of docs) {
      this.mini.replace(doc);
      for (const t of this.termsOf(doc.phrasings)) this.vocabulary.add(t);
    }
  }

  private termsOf(...fields: Array<string | undefined>): string[] {
    return fields.flatMap((field) => (field ? this.analyzer.words(field).flatMap((w) => this.analyzer.terms(w)) : []));
  }

  /**
   * Whether a term is in so many chunks that it is a stop word of this corpus: BM25 gives it
   * little weight, yet scoring it walks every chunk that has it — on 100k chunks, most of a
   * search's time. Small sites never have one (see COMMON_TERM).
   */
  isCommon(term: string): boolean {
    return (this.chunkFrequency.get(term) ?? 0) > Math.max(COMMON_TERM.minChunks, COMMON_TERM.share * this.chunks);
  }

  /** How many chunks have this term in a content field: what makes a word rare on this site. */
  chunksWith(term: string): number {
    return this.chunkFrequency.get(term) ?? 0;
  }

  /** Whether any document contains this (folded) word, by its stems; stop words are never known. */
  knows(word: string): boolean {
    return this.analyzer.terms(word).some((t) => this.vocabulary.has(t));
  }

  /** Matches best first, ties by id; `query` should already hold each content word once. */
  search(query: string, limit: number, opts: LexicalSearchOptions = {}): LexicalMatch[] {
    const { boost = FIELD_BOOSTS, fields, bm25, boostTerm } = opts;
    return this.mini
      .search(query, { boost, ...(fields ? { fields } : {}), ...(bm25 ? { bm25 } : {}), ...(boostTerm ? { boostTerm } : {}) })
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, limit)
      .map((r) => ({ id: r.id as string, score: r.score, terms: r.terms }));
  }

  /** Serialisable form for save(). */
  toJSON(): unknown {
    return this.mini.toJSON();
  }
}

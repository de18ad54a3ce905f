import MiniSearch, { type AsPlainObject, type BM25Params, type Options } from 'minisearch';
import { LaerlingError } from '../errors.js';
import type { Analyzer } from './analyze-text.js';

/** A document for BM25: a chunk (title, headings, text, Q&A questions) or a learned phrasing. */
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

/** BM25 over title, headings, text and phrasings (MiniSearch), with nb+en stemmed terms. */
export class LexicalIndex {
  private constructor(
    private readonly mini: MiniSearch<LexicalDoc>,
    private readonly analyzer: Analyzer,
    // The index terms, to tell whether a word is known (compound handling) without a search.
    private readonly vocabulary: Set<string>,
  ) {}

  /** An empty index. */
  static create(analyzer: Analyzer): LexicalIndex {
    return new LexicalIndex(new MiniSearch(options(analyzer)), analyzer, new Set());
  }

  /** Restore from toJSON() output; anything MiniSearch cannot read is INDEX_CORRUPT. */
  static load(json: string, analyzer: Analyzer): LexicalIndex {
    try {
      const plain = JSON.parse(json) as AsPlainObject;
      const mini = MiniSearch.loadJS(plain, options(analyzer));
      return new LexicalIndex(mini, analyzer, new Set(plain.index.map(([term]) => term)));
    } catch (err) {
      throw new LaerlingError('INDEX_CORRUPT', `Lexical index is unreadable: ${(err as Error).message}`);
    }
  }

  /** Index documents (ids must be new). */
  add(docs: LexicalDoc[]): void {
    this.mini.addAll(docs);
    for (const doc of docs) {
      for (const field of [doc.title, doc.headings, doc.text, doc.phrasings]) {
        for (const word of field ? this.analyzer.words(field) : []) for (const t of this.analyzer.terms(word)) this.vocabulary.add(t);
      }
    }
  }

  /** Re-index existing documents with new field contents (same ids). */
  replace(docs: LexicalDoc[]): void {
    for (const doc of docs) {
      this.mini.replace(doc);
      for (const word of doc.phrasings ? this.analyzer.words(doc.phrasings) : []) for (const t of this.analyzer.terms(word)) this.vocabulary.add(t);
    }
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

import { answerLanguage, detectLanguage } from '../ingest/detect-language.js';
import type { Chunk } from '../ingest/types.js';
import { splitWords, type Analyzer } from './analyze-text.js';
import { expandCompounds } from './compound-words.js';
import type { Phrasing } from './index-schemas.js';
import type { LexicalIndex, LexicalMatch } from './lexical-index.js';
import type { Signals, Tuning } from './rank-pages.js';
import type { SynonymExpander } from './synonyms.js';
import type { TermTranslator } from './translate-terms.js';
import type { TrustedClassifier } from './page-classifier.js';
import type { QueryWord } from './term-overlap.js';
import { wordAlternatives } from './word-alternatives.js';
import type { VectorIndex } from './vector-index.js';

/** The parts of a KnowledgeIndex that retrieve: what a question is searched against. */
export interface SignalSources {
  chunks: readonly Chunk[];
  phrasings: readonly Phrasing[];
  /** Page URLs in the order their titles were embedded (titleVectors labels). */
  pageUrls: readonly string[];
  lexical: LexicalIndex;
  chunkVectors: VectorIndex;
  phrasingVectors: VectorIndex;
  titleVectors: VectorIndex;
  analyzer: Analyzer;
  /** nb↔en glossary translation of the question's words, for customers asking in the other language. */
  translator?: TermTranslator;
  /** Same-language synonyms ("remove" for "delete"), at half weight like same-language translations. */
  synonyms?: SynonymExpander;
  /** Learns from the site and its learned phrasings which words tell pages apart. */
  classifier?: TrustedClassifier;
}

const LEXICAL_LIMIT = 100;
const PHRASING_NEIGHBOURS = 30;
const TITLE_NEIGHBOURS = 30;

/** A content word of the question: the terms that count as finding it, and the words searched for it. */
export interface SearchWord extends QueryWord {
  query: string[];
  /** Terms of its synonyms and glossary translations: finding one counts as finding the word. */
  alternatives: string[];
}

/** The question as searched. */
export interface SearchQuery {
  text: string;
  vector: number[];
  /** Asked in another language than most of the site is written in. */
  crossLanguage: boolean;
  /** The question's nb↔en glossary translations (searched too, see addedWords). */
  translations: readonly string[];
  /**
   * Cross-language only: the embedding of the question with its glossary translations appended.
   * Character n-grams of "my phone was stolen" meet nothing on a Norwegian page; those of
   * "… stjålet sperre nummer" do (demo dev set: hit@1 0.753 → 0.781, resolution 0.507 → 0.548,
   * wrong answers unchanged; the translations alone did worse on wrong answers).
   */
  translatedVector?: number[];
}

/** Whether a question is in the other language than the site's main one. */
export function isCrossLanguage(mainLang: 'nb' | 'en' | undefined, question: string): boolean {
  return mainLang !== undefined && answerLanguage(detectLanguage(question)) !== mainLang;
}

/** Run every retriever for one question (already embedded) and collect what each found. */
export function gatherSignals(src: SignalSources, q: SearchQuery, tuning: Tuning, k: number): { signals: Signals; queryWords: SearchWord[] } {
  const question = q.text;
  // A corpus stop word (LexicalIndex.isCommon) is left out like a stop word: searching it costs
  // a walk over a large share of the chunks for little score.
  const common = (word: string) => src.analyzer.terms(word).every((t) => src.lexical.isCommon(t));
  const queryWords = analyzeQuery(src, question).filter((w) => !common(w.word));
  const chunkLexical = new Map<number, LexicalMatch>();
  const pageLearnedLexical = new Map<string, LexicalMatch>();
  const learnedLexicalScores = new Map<string, number[]>();
  const pageTitleLexical = new Map<string, number>();
  if (queryWords.length > 0) {
    const added = addedWords(src, q);
    const extraWords = [...new Set([...added.translations, ...added.synonyms])].filter((w) => !common(w));
    const termBoost = new Map<string, number>();
    for (const w of added.synonyms) for (const t of src.analyzer.terms(w)) termBoost.set(t, SYNONYM_BOOST);
    const translationBoost = q.crossLanguage ? CROSS_LANGUAGE_BOOST : SYNONYM_BOOST;
    for (const w of added.translations) for (const t of src.analyzer.terms(w)) termBoost.set(t, Math.max(termBoost.get(t) ?? 0, translationBoost));
    const boostTerm = (term: string) => termBoost.get(term) ?? 1;
    const query = [...new Set([...queryWords.flatMap((w) => w.query), ...extraWords])].join(' ');
    for (const m of src.lexical.search(query, LEXICAL_LIMIT, { boost: tuning.boosts, bm25: tuning.bm25, boostTerm })) {
      const n = Number(m.id.slice(1));
      if (m.id.startsWith('c')) {
        chunkLexical.set(n, m);
        continue;
      }
      const url = src.phrasings[n]!.url;
      keepBest(pageLearnedLexical, url, m, (x) => x.score);
      push(learnedLexicalScores, url, m.score);
    }
    // The title alone: on FAQ sites it is the very question people paraphrase.
    for (const m of src.lexical.search(query, LEXICAL_LIMIT, { boost: { title: 1 }, fields: ['title'], bm25: tuning.bm25, boostTerm })) {
      if (m.id.startsWith('c')) keepBest(pageTitleLexical, src.chunks[Number(m.id.slice(1))]!.url, m.score, (x) => x);
    }
  }

  const vectors = q.translatedVector ? [q.vector, q.translatedVector] : [q.vector];
  const chunkVector = new Map<number, number>();
  for (const v of vectors) for (const m of src.chunkVectors.search(v, Math.max(50, k * 10))) keepBest(chunkVector, m.label, m.similarity, (x) => x);
  const pageLearnedVector = new Map<string, number>();
  const learnedVectorScores = new Map<string, number[]>();
  for (const m of src.phrasingVectors.search(q.vector, PHRASING_NEIGHBOURS)) {
    const url = src.phrasings[m.label]!.url;
    keepBest(pageLearnedVector, url, m.similarity, (x) => x);
    push(learnedVectorScores, url, m.similarity);
  }
  const pageTitleVector = new Map<string, number>();
  for (const v of vectors) for (const m of src.titleVectors.search(v, TITLE_NEIGHBOURS)) keepBest(pageTitleVector, src.pageUrls[m.label]!, m.similarity, (x) => x);

  const signals: Signals = {
    chunkLexical,
    chunkVector,
    pageLearnedLexical,
    pageLearnedVector,
    pageLearnedLexicalVotes: sumTop(learnedLexicalScores, tuning.learnedVotes),
    pageLearnedVectorVotes: sumTop(learnedVectorScores, tuning.learnedVotes),
    pageTitleLexical,
    pageTitleVector,
    pageClassifier: classifierScores(src.classifier, question),
  };
  return { signals, queryWords };
}

// The classifier's page probabilities, scaled by how far it is trusted.
function classifierScores(classifier: TrustedClassifier | undefined, question: string): Map<string, number> {
  const out = new Map<string, number>();
  if (!classifier || classifier.trust <= 0) return out;
  for (const [url, p] of classifier.model.probabilities(question)) out.set(url, p * classifier.trust);
  return out;
}

// A synonym or translated word is weaker evidence than one the customer typed: glossaries are
// ambiguous. Unless the customer writes in another language than the site: then the customer's
// own words can only meet the few pages in their language, and translations are all there is.
const SYNONYM_BOOST = 0.5;
const CROSS_LANGUAGE_BOOST = 1;

function addedWords(src: SignalSources, q: SearchQuery): { translations: string[]; synonyms: string[] } {
  const words = (texts: readonly string[]) => src.analyzer.contentWords(texts.join(' ')).map((w) => w.word);
  return {
    translations: words(q.translations),
    synonyms: src.synonyms ? words(src.synonyms.expand(q.text)) : [],
  };
}

/**
 * The question's content words, each with the index terms that count as finding it, plus the
 * words to search for it: itself and any compound or decompounded form the index knows.
 */
function analyzeQuery(src: SignalSources, question: string): SearchWord[] {
  const { analyzer } = src;
  const words: SearchWord[] = [];
  for (const w of src.analyzer.contentWords(question)) {
    const word: SearchWord = { ...w, query: [w.word], ...wordAlternatives(w.word, analyzer, src) };
    const nordic = nordicSpelling(w.word);
    if (nordic !== undefined && !src.lexical.knows(w.word)) {
      // "paa" is "på", a stop word: not a content word after all.
      if (analyzer.terms(nordic).length === 0) continue;
      if (src.lexical.knows(nordic)) {
        word.terms = [...word.terms, ...analyzer.terms(nordic)];
        word.query.push(nordic);
      }
    }
    words.push(word);
  }
  const raw = splitWords(question);
  const splitParts = new Map<SearchWord, string[][]>();
  for (const expansion of expandCompounds(raw, (w) => src.lexical.knows(w))) {
    const terms = analyzer.terms(expansion.word);
    const sources = new Set(expansion.from.map((i) => raw[i]!));
    // A join counts for the content words it came from ("back" of "back up"); a part of a split
    // word is searched, but finds the word only together with its other part (MatchWord.groups).
    const owners = words.filter((w) => sources.has(w.word));
    for (const owner of owners) {
      if (expansion.from.length > 1) owner.terms = [...owner.terms, ...terms];
      else splitParts.set(owner, [...(splitParts.get(owner) ?? []), terms]);
      owner.query.push(expansion.word);
    }
  }
  for (const [owner, parts] of splitParts) owner.groups = [...(owner.groups ?? []), parts];
  return words;
}

// Customers without a Norwegian keyboard write "faar" for "får", "oe" for "ø" and "ae" for "æ".
function nordicSpelling(word: string): string | undefined {
  if (!/aa|oe|ae/.test(word)) return undefined;
  return word.replace(/aa/g, 'å').replace(/oe/g, 'ø').replace(/ae/g, 'æ');
}

// Nearest-neighbour voting: several close phrasings of one page are more telling than one.
function sumTop(scores: ReadonlyMap<string, number[]>, n: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const [url, list] of scores) out.set(url, list.sort((a, b) => b - a).slice(0, n).reduce((s, x) => s + x, 0));
  return out;
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function keepBest<K, T>(map: Map<K, T>, key: K, value: T, score: (v: T) => number): void {
  const old = map.get(key);
  if (old === undefined || score(value) > score(old)) map.set(key, value);
}

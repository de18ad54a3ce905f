import type { Chunk } from '../ingest/types.js';
import type { Analyzer } from './analyze-text.js';
import type { SynonymExpander } from './synonyms.js';

/**
 * A text known to lead to a page: a question (a page title, Q&A question or learned phrasing —
 * how customers ask) or content (a chunk — what the page says).
 */
export interface PageExample {
  text: string;
  url: string;
  kind: 'question' | 'content';
}

/** What a site teaches about its pages: each page's title, its chunks, and the questions known to lead to it. */
export function pageExamples(chunks: readonly Chunk[], phrasings: ReadonlyArray<{ question: string; url: string }>): PageExample[] {
  const titles = new Map<string, string>();
  for (const c of chunks) if (!titles.has(c.url)) titles.set(c.url, c.title);
  return [
    ...[...titles].map(([url, text]): PageExample => ({ text, url, kind: 'question' })),
    ...chunks.map((c): PageExample => ({ text: c.text, url: c.url, kind: 'content' })),
    ...phrasings.map((p): PageExample => ({ text: p.question, url: p.url, kind: 'question' })),
  ];
}

/**
 * Training passes and the first pass's learning rate, chosen by 3-fold cross-validation inside
 * StackFAQ's `train` split (bench/stackfaq-misses.ts --learned), never on `test`.
 */
const EPOCHS = 10;
const LEARNING_RATE = 4;
// A chunk says what the page is about, but customers ask in the words of titles and phrasings.
const WEIGHTS = { question: 1, content: 0.3 } as const;
/**
 * A training pass costs (words of all examples) × pages: above this the classifier is not built
 * and ranking goes on without it. StackFAQ (100 pages, 700 examples) costs 2.3M and trains in
 * 0.17 s here, so the cap keeps a training under ~1.5 s: sites up to roughly 250 pages.
 */
export const MAX_CLASSIFIER_WORK = 20_000_000;
// A synonym of a word the customer wrote counts half as much as the word (as in gap grouping).
const SYNONYM_WEIGHT = 0.5;

type Features = Map<string, number>;

/**
 * Turns examples into features; content is read once per text and remembered, since retraining
 * after a learned phrasing sees the same chunks again.
 */
export class PageFeaturizer {
  private readonly content = new Map<string, Features>();
  constructor(private readonly analyzer: Analyzer, private readonly synonyms: SynonymExpander) {}

  /** Content stems, unit length; questions also get their synonyms at half weight. */
  features(text: string, kind: PageExample['kind']): Features {
    if (kind === 'question') return features(text, this.analyzer, this.synonyms);
    let x = this.content.get(text);
    if (!x) this.content.set(text, (x = features(text, this.analyzer)));
    return x;
  }
}

/** A classifier and how far ranking trusts it, in [0,1]. */
export interface TrustedClassifier {
  model: PageClassifier;
  trust: number;
}

/** Feature ids and values of one text (ids index the weight matrix's rows; unknown words are left out). */
interface Encoded {
  ids: Int32Array;
  values: Float64Array;
}

/**
 * A softmax regression from a question's words to the page that answers it, trained on the
 * site's titles, chunks and the questions known to lead to each page (Q&A questions, learned
 * phrasings). Where BM25 and vectors weigh every shared word alike, this learns which words tell
 * confusable pages apart: "die" for "what happens to my account when I die", not the
 * "facebook account" it shares with "delete my facebook account". Deterministic for its input.
 */
export class PageClassifier {
  private constructor(
    private readonly pages: readonly string[],
    private readonly vocabulary: ReadonlyMap<string, number>,
    /** Row-major: one row of page weights per feature (single precision: a 250-page site's are ~10 MB). */
    private readonly weights: Float32Array,
    private readonly featurizer: PageFeaturizer,
  ) {}

  /** Train from scratch; undefined for a single page or a site too large (MAX_CLASSIFIER_WORK). */
  static train(examples: readonly PageExample[], featurizer: PageFeaturizer): PageClassifier | undefined {
    const pages = [...new Set(examples.map((e) => e.url))];
    if (pages.length < 2) return undefined;
    const bags: Features[] = [];
    let work = 0;
    for (const e of examples) {
      const bag = featurizer.features(e.text, e.kind);
      work += bag.size * pages.length;
      if (work > MAX_CLASSIFIER_WORK) return undefined;
      bags.push(bag);
    }
    const vocabulary = new Map<string, number>();
    for (const bag of bags) for (const f of bag.keys()) if (!vocabulary.has(f)) vocabulary.set(f, vocabulary.size);
    const model = new PageClassifier(pages, vocabulary, new Float32Array(vocabulary.size * pages.length), featurizer);
    const pageIndex = new Map(pages.map((url, i) => [url, i]));
    const data = examples.map((e, i) => ({ x: model.encode(bags[i]!), page: pageIndex.get(e.url)!, weight: WEIGHTS[e.kind] }));
    const order = data.map((_, i) => i);
    const n = pages.length;
    const w = model.weights;
    let seed = 1;
    for (let epoch = 0; epoch < EPOCHS; epoch++) {
      // Fisher–Yates with a fixed-seed generator: the same input always trains the same model.
      for (let i = order.length - 1; i > 0; i--) {
        seed = (seed * 16807) % 2147483647;
        const j = seed % (i + 1);
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      const rate = LEARNING_RATE / (1 + 0.1 * epoch);
      for (const i of order) {
        const { x, page, weight } = data[i]!;
        const p = model.softmax(x);
        p[page] = p[page]! - 1;
        for (let k = 0; k < x.ids.length; k++) {
          const row = x.ids[k]! * n;
          const step = rate * weight * x.values[k]!;
          for (let c = 0; c < n; c++) w[row + c] = w[row + c]! - step * p[c]!;
        }
      }
    }
    return model;
  }

  /** Probability of each page answering the question (pages the model knows; they sum to 1). */
  probabilities(question: string): Map<string, number> {
    const p = this.softmax(this.encode(this.featurizer.features(question, 'question')));
    return new Map(this.pages.map((url, i) => [url, p[i]!]));
  }

  private encode(bag: Features): Encoded {
    const known = [...bag].filter(([f]) => this.vocabulary.has(f));
    return { ids: Int32Array.from(known, ([f]) => this.vocabulary.get(f)!), values: Float64Array.from(known, ([, v]) => v) };
  }

  private softmax(x: Encoded): Float64Array {
    const n = this.pages.length;
    const z = new Float64Array(n);
    for (let k = 0; k < x.ids.length; k++) {
      const row = x.ids[k]! * n;
      const v = x.values[k]!;
      for (let c = 0; c < n; c++) z[c] = z[c]! + this.weights[row + c]! * v;
    }
    let max = -Infinity;
    for (const s of z) max = Math.max(max, s);
    let sum = 0;
    for (let c = 0; c < n; c++) sum += z[c] = Math.exp(z[c]! - max);
    for (let c = 0; c < n; c++) z[c] = z[c]! / sum;
    return z;
  }
}

/** The text's content stems (plus synonyms at half weight, if given), unit length. */
function features(text: string, analyzer: Analyzer, synonyms?: SynonymExpander): Features {
  const x: Features = new Map();
  for (const w of analyzer.contentWords(text)) for (const t of w.terms) x.set(t, 1);
  for (const w of analyzer.contentWords(synonyms?.expand(text).join(' ') ?? '')) for (const t of w.terms) if (!x.has(t)) x.set(t, SYNONYM_WEIGHT);
  let norm = 0;
  for (const v of x.values()) norm += v * v;
  norm = Math.sqrt(norm) || 1;
  for (const [f, v] of x) x.set(f, v / norm);
  return x;
}

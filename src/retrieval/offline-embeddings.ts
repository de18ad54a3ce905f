import { Embeddings } from '@langchain/core/embeddings';
import { z } from 'zod';
import { createAnalyzer, type Analyzer } from './analyze-text.js';
import { fnv1a, normaliseInPlace } from './feature-hash.js';

/** What an OfflineEmbeddings learned from a corpus; persisted beside the index. */
export const offlineStateSchema = z.object({
  version: z.literal(1),
  docCount: z.number().int().min(0),
  /** Document frequency per feature bucket, as parallel arrays to keep the JSON small. */
  buckets: z.array(z.number().int().min(0)),
  counts: z.array(z.number().int().min(0)),
});
export type OfflineState = z.infer<typeof offlineStateSchema>;

export interface OfflineEmbeddingsOptions {
  /** Total dimensions; half go to character n-grams, half to words. Default 1024. */
  dimensions?: number;
  /** Share of similarity given to character n-grams (typo tolerance) vs whole words. Default 0.5. */
  charWeight?: number;
  state?: OfflineState;
}

// Document frequencies are kept per 2^18 feature buckets: fine enough that common and rare
// n-grams rarely share a bucket, small enough to persist for 100k chunks.
const IDF_BUCKET_MASK = (1 << 18) - 1;

/**
 * Embeddings that need no model: hashed character 3–5-grams of each word (word-boundary marked,
 * so "fakturaen" stays close to "faktura" and to typos of it) plus hashed stemmed words and word
 * pairs, weighted by sublinear tf × IDF fitted on the corpus, L2-normalised. Deterministic and
 * language-agnostic; a zero-cost stand-in for a real multilingual model.
 */
export class OfflineEmbeddings extends Embeddings {
  readonly dimensions: number;
  readonly charWeight: number;
  private readonly analyzer: Analyzer;
  private readonly df: Map<number, number>;
  private readonly docCount: number;

  constructor(options: OfflineEmbeddingsOptions = {}) {
    super({});
    this.dimensions = options.dimensions ?? 1024;
    this.charWeight = options.charWeight ?? 0.5;
    this.analyzer = createAnalyzer();
    const state = options.state;
    this.docCount = state?.docCount ?? 0;
    this.df = new Map(state ? state.buckets.map((b, i) => [b, state.counts[i] ?? 0]) : []);
  }

  /** Identifies the embedding space: vectors from different ids must never be mixed. */
  get id(): string {
    return `offline-ngram-v1:${this.dimensions}:${this.charWeight}`;
  }

  /** A copy with IDF fitted on these texts (the corpus being indexed). */
  fit(texts: string[]): OfflineEmbeddings {
    const df = new Map<number, number>();
    for (const text of texts) {
      const buckets = new Set<number>();
      this.features(text, (hash) => buckets.add(hash & IDF_BUCKET_MASK));
      for (const bucket of buckets) df.set(bucket, (df.get(bucket) ?? 0) + 1);
    }
    const entries = [...df.entries()].sort((a, b) => a[0] - b[0]);
    return this.withState({ version: 1, docCount: texts.length, buckets: entries.map((e) => e[0]), counts: entries.map((e) => e[1]) });
  }

  /** A copy using a previously fitted state (loaded with an index). */
  withState(state: OfflineState): OfflineEmbeddings {
    return new OfflineEmbeddings({ dimensions: this.dimensions, charWeight: this.charWeight, state });
  }

  /** The fitted IDF state, to persist with the index. */
  state(): OfflineState {
    const entries = [...this.df.entries()].sort((a, b) => a[0] - b[0]);
    return { version: 1, docCount: this.docCount, buckets: entries.map((e) => e[0]), counts: entries.map((e) => e[1]) };
  }

  /** Embed many texts; synchronous work wrapped in the LangChain interface. */
  override async embedDocuments(documents: string[]): Promise<number[][]> {
    return documents.map((d) => this.embedSync(d));
  }

  /** Embed one question the same way as documents (the space is symmetric). */
  override async embedQuery(document: string): Promise<number[]> {
    return this.embedSync(document);
  }

  /** The vector of one text, without the Promise: used on the hot search path. */
  embedSync(text: string): number[] {
    const charDims = Math.floor(this.dimensions / 2);
    const wordDims = this.dimensions - charDims;
    const charPart = new Float64Array(charDims);
    const wordPart = new Float64Array(wordDims);
    // Per feature hash, in first-seen order: count × 2 + 1 for a character n-gram. Plain numbers,
    // not objects: a chunk has thousands of features, and embedding dominates indexing time.
    const tf = new Map<number, number>();
    this.features(text, (hash, char) => {
      const seen = tf.get(hash);
      tf.set(hash, seen === undefined ? 2 + (char ? 1 : 0) : seen + 2);
    });
    for (const [hash, packed] of tf) {
      const n = packed >> 1;
      const char = (packed & 1) === 1;
      const weight = (1 + Math.log(n)) * this.idf(hash & IDF_BUCKET_MASK);
      // The top bit picks a sign so that colliding features cancel out instead of piling up.
      const signed = hash & 0x80000000 ? -weight : weight;
      const part = char ? charPart : wordPart;
      const dim = hash % part.length;
      part[dim] = part[dim]! + signed;
    }
    normaliseInPlace(charPart);
    normaliseInPlace(wordPart);
    const out = new Array<number>(this.dimensions);
    const cw = Math.sqrt(this.charWeight);
    const ww = Math.sqrt(1 - this.charWeight);
    for (let i = 0; i < charDims; i++) out[i] = charPart[i]! * cw;
    for (let i = 0; i < wordDims; i++) out[charDims + i] = wordPart[i]! * ww;
    normaliseInPlace(out);
    return out;
  }

  private idf(bucket: number): number {
    if (this.docCount === 0) return 1;
    return Math.log((this.docCount + 1) / ((this.df.get(bucket) ?? 0) + 1)) + 1;
  }

  private features(text: string, out: (hash: number, char: boolean) => void): void {
    let previous: string | undefined;
    for (const word of this.analyzer.words(text)) {
      const terms = this.analyzer.terms(word);
      if (terms.length === 0) {
        previous = undefined;
        continue;
      }
      const marked = `<${word}>`;
      for (let n = 3; n <= 5; n++) {
        for (let i = 0; i + n <= marked.length; i++) out(fnv1a(marked, i, i + n), true);
      }
      for (const t of terms) out(fnv1a(`w:${t}`), false);
      if (previous) out(fnv1a(`b:${previous} ${terms[0]!}`), false);
      previous = terms[0];
    }
  }
}

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Embeddings } from '@langchain/core/embeddings';
import { z } from 'zod';
import { LaerlingError } from '../errors.js';
import type { Chunk } from '../ingest/types.js';
import { createAnalyzer, foldText, type Analyzer } from './analyze-text.js';
import { embedderId } from './create-embeddings.js';
import { chunkSchema, INDEX_FILES, manifestSchema, phrasingSchema, type Manifest, type Phrasing } from './index-schemas.js';
import { readIndexJson, readIndexText } from './index-files.js';
import { LexicalIndex, type LexicalDoc } from './lexical-index.js';
import { asksPrice, isPriceWord } from './price-intent.js';
import { priceLineScorer } from './price-lines.js';
import { QaFit } from './qa-fit.js';
import { frameWords, questionPoint } from './question-point.js';
import { rarityWeights } from './word-rarity.js';
import { NegativePairs } from './negative-pairs.js';
import { OfflineEmbeddings, offlineStateSchema } from './offline-embeddings.js';
import { PageClassifier, PageFeaturizer, pageExamples, type TrustedClassifier } from './page-classifier.js';
import { gatherSignals, isCrossLanguage } from './gather-signals.js';
import { DEFAULT_TUNING, rankPages, type Tuning } from './rank-pages.js';
import type { LearnedPhrasing, PageHit } from './types.js';
import { embedTitles, loadTitleVectors } from './title-vectors.js';
import { VectorIndex } from './vector-index.js';
import { sharedAlternativeSources } from './word-alternatives.js';

export interface SearchOptions {
  /** Pages to return; default 5. */
  k?: number;
  /** Override fusion settings (benchmarks); the defaults are tuned already. */
  tuning?: Tuning;
}

// A rephrasing this similar to one the page already has adds nothing but weight.
const NEAR_DUPLICATE = 0.95;
// Quiet time after learned phrasings change before the page classifier is retrained: an owner
// approving a suggestion adds its phrasings one by one, and they should cost one training.
const RETRAIN_AFTER_MS = 200;
// HNSW search breadth, saved in the manifest. Hashed n-gram vectors are hard for HNSW: on 10k
// chunks, ef 64 found 82 % of the true 10 nearest and 256 finds 97 %, for ~1.5 ms more per search
// (bench/index-scale.ts measures the whole search at scale).
const EF = 256;

interface Parts {
  chunks: Chunk[];
  phrasings: Phrasing[];
  lexical: LexicalIndex;
  chunkVectors: VectorIndex;
  phrasingVectors: VectorIndex;
  /** One vector per page title, labelled by the page's ordinal in pageUrls(). */
  titleVectors: VectorIndex;
  embeddings: Embeddings;
  analyzer: Analyzer;
}

/** A chunk as a BM25 document: its Q&A questions and its page's learned phrasings form one field. */
function chunkDoc(c: Chunk, i: number, learned: readonly string[] = []): LexicalDoc {
  return { id: `c${i}`, title: c.title, headings: c.headingPath.join('\n'), text: c.text, phrasings: [...(c.questions ?? []), ...learned].join('\n') };
}

/** How the index tells phrasings apart: the page, and the question case- and accent-folded. */
export function indexedPhrasingKey(p: { question: string; url: string }): string {
  return `${p.url}\n${foldText(p.question).trim()}`;
}

/**
 * The hybrid index of one bot: BM25 over chunks and learned phrasings, HNSW vectors of chunks,
 * and a second HNSW index of questions known to lead to a page (Q&A questions and learned
 * phrasings). Search fuses them into pages with per-hit features (see rankPages).
 */
export class KnowledgeIndex {
  readonly chunks: readonly Chunk[];
  private readonly phrasings: Phrasing[];
  private readonly chunksByUrl = new Map<string, number[]>();
  private readonly pageList: string[];
  // Built once per process (a few thousand map entries) and shared by every index and answer.
  private readonly translator = sharedAlternativeSources().translator;
  private readonly synonyms = sharedAlternativeSources().synonyms;
  private readonly featurizer: PageFeaturizer;
  /** The language most chunks are in: questions in the other one lean on translations. */
  private readonly mainLang: 'nb' | 'en' | undefined;
  /** Which Q&A items may answer a question as written, and the site's names a question mentions. */
  private readonly qaFit: QaFit;
  private negatives?: NegativePairs;
  private edits = 0;
  // Trained after the phrasings changed: in the background, or by the first search if sooner.
  private trained?: { classifier: TrustedClassifier | undefined };
  private training?: ReturnType<typeof setTimeout>;

  private constructor(private readonly parts: Parts) {
    this.chunks = parts.chunks;
    this.phrasings = parts.phrasings;
    parts.chunks.forEach((c, i) => {
      const list = this.chunksByUrl.get(c.url);
      if (list) list.push(i);
      else this.chunksByUrl.set(c.url, [i]);
    });
    this.pageList = [...this.chunksByUrl.keys()];
    this.featurizer = new PageFeaturizer(parts.analyzer, this.synonyms);
    const english = parts.chunks.filter((c) => c.lang === 'en').length;
    this.mainLang = parts.chunks.length === 0 ? undefined : english * 2 > parts.chunks.length ? 'en' : 'nb';
    this.qaFit = QaFit.of(parts.chunks, parts.analyzer);
  }

  /** Index chunks and learned phrasings; the offline embedder is first fitted on this corpus. */
  static async build(input: { chunks: Chunk[]; learned?: LearnedPhrasing[]; embeddings: Embeddings }): Promise<KnowledgeIndex> {
    const chunks = input.chunks;
    const learned = input.learned ?? [];
    const qa: Phrasing[] = chunks.flatMap((c) => (c.questions ?? []).map((q) => ({ question: q, url: c.url, source: 'qa' as const })));
    const embeddings = input.embeddings instanceof OfflineEmbeddings
      ? input.embeddings.fit([...chunks.map(embeddingText), ...qa.map((p) => p.question), ...learned.map((l) => l.question)])
      : input.embeddings;
    const analyzer = createAnalyzer();

    const chunkVecs = await embeddings.embedDocuments(chunks.map(embeddingText));
    const qaVecs = await embeddings.embedDocuments(qa.map((p) => p.question));
    const dimensions = chunkVecs[0]?.length ?? qaVecs[0]?.length ?? (await embeddings.embedQuery('dimensions')).length;
    const chunkVectors = VectorIndex.create(dimensions, { ef: EF, capacity: chunks.length });
    chunkVecs.forEach((v, i) => chunkVectors.add(i, v));
    const phrasingVectors = VectorIndex.create(dimensions, { ef: EF, capacity: qa.length + learned.length });
    qaVecs.forEach((v, i) => phrasingVectors.add(i, v));

    const titleVectors = await embedTitles(chunks, embeddings, dimensions, EF);

    const lexical = LexicalIndex.create(analyzer);
    lexical.add(chunks.map((c, i) => chunkDoc(c, i)));

    const index = new KnowledgeIndex({ chunks, phrasings: qa, lexical, chunkVectors, phrasingVectors, titleVectors, embeddings, analyzer });
    await index.addLearned(learned);
    return index;
  }

  /** Pages that best answer the question, best first, each with its hits' features. */
  async search(question: string, opts: SearchOptions = {}): Promise<PageHit[]> {
    const k = opts.k ?? 5;
    const tuning = opts.tuning ?? DEFAULT_TUNING;
    const { parts } = this;
    const qv = await parts.embeddings.embedQuery(question);
    const crossLanguage = isCrossLanguage(this.mainLang, question);
    // Translated once: searched as words for every question, embedded too for cross-language ones.
    const translations = this.translator.translate(question);
    const translatedVector = crossLanguage && translations.length > 0 ? await parts.embeddings.embedQuery(`${question} ${translations.join(' ')}`) : undefined;
    const sources = { ...parts, phrasings: this.phrasings, pageUrls: this.pageList, translator: this.translator, synonyms: this.synonyms, classifier: this.classifier() };
    const negatives = this.negatives?.size ? this.negatives : undefined;
    // A demoted page must leave room for the runner-ups that overtake it.
    const depth = negatives ? k + 3 : k;
    const { signals, queryWords } = gatherSignals(sources, { text: question, vector: qv, crossLanguage, translations, translatedVector }, tuning, depth);
    // Across languages the site's word counts say nothing of the question's words.
    const frame = crossLanguage ? undefined : frameWords(question, queryWords);
    const point = frame && questionPoint(queryWords, [...signals.chunkLexical.values()].map((m) => new Set(m.terms)), (t) => parts.lexical.chunksWith(t), frame);
    const traits = { queryWords, siteLanguage: crossLanguage ? undefined : this.mainLang, asksPrice: asksPrice(question), point, frame };
    const asked = this.qaFit.askedNames(traits);
    const priceWords = new Set(queryWords.filter((w) => isPriceWord(w.word)));
    const priceLine = priceWords.size > 0 ? priceLineScorer(this.chunks, parts, question, queryWords.filter((w) => !priceWords.has(w)), signals.chunkLexical.keys()) : undefined;
    const pages = rankPages(signals, {
      chunks: this.chunks, chunksByUrl: this.chunksByUrl, queryWords, tuning, k: depth,
      unfitQa: this.qaFit.unfit(traits, asked), askedNames: asked, crossLanguage, priceWords, priceLine,
      wordWeights: crossLanguage ? undefined : rarityWeights(queryWords, (t) => parts.lexical.chunksWith(t), this.chunks.length),
    });
    return negatives ? negatives.demote(pages, qv, k) : pages;
  }

  /** Replace the questions pages were confirmed not to answer (see NegativePairs). */
  async setNegatives(items: ReadonlyArray<{ question: string; url: string }>): Promise<void> {
    this.negatives = await NegativePairs.create(items, this.parts.embeddings);
    this.edits++;
  }

  /**
   * Index learned phrasings at once, without a rebuild. Phrasings of pages not in the index are
   * ignored, and so are near-duplicates of a phrasing the page already has. Returns how many it took.
   */
  async addLearned(items: LearnedPhrasing[]): Promise<number> {
    const { parts } = this;
    const fresh = items.filter((item) => this.chunksByUrl.has(item.url));
    const vectors = await parts.embeddings.embedDocuments(fresh.map((i) => i.question));
    const known = new Set(this.phrasings.map(indexedPhrasingKey));
    const touched = new Set<string>();
    let added = 0;
    fresh.forEach((item, i) => {
      const vector = vectors[i]!;
      const key = indexedPhrasingKey(item);
      if (known.has(key)) return;
      const close = parts.phrasingVectors.search(vector, 10);
      if (close.some((m) => m.similarity >= NEAR_DUPLICATE && this.phrasings[m.label]!.url === item.url)) return;
      const label = this.phrasings.length;
      this.phrasings.push({ question: item.question, url: item.url, source: 'learned', learnedAt: item.learnedAt });
      parts.phrasingVectors.add(label, vector);
      parts.lexical.add([{ id: `l${label}`, phrasings: item.question }]);
      known.add(key);
      touched.add(item.url);
      added++;
    });
    if (touched.size === 0) return 0;
    this.edits++;
    this.trained = undefined;
    // Retrained in the background once a burst of learning is over, so that the next customer's
    // search does not pay for it (a search that comes first trains it itself; same model).
    clearTimeout(this.training);
    this.training = setTimeout(() => this.classifier(), RETRAIN_AFTER_MS);
    this.training.unref?.();
    // The page's learned phrasings also become a field of its chunks' BM25 documents: a question
    // that shares some words with the content and others with how people asked scores as one.
    const learnedByUrl = new Map<string, string[]>();
    for (const p of this.phrasings) {
      if (p.source === 'learned' && touched.has(p.url)) learnedByUrl.set(p.url, [...(learnedByUrl.get(p.url) ?? []), p.question]);
    }
    parts.lexical.replace([...touched].flatMap((url) => this.chunksByUrl.get(url)!.map((i) => chunkDoc(this.chunks[i]!, i, learnedByUrl.get(url)))));
    return added;
  }

  /**
   * The page classifier for the current phrasings, trained again when they changed (0.15 s for
   * StackFAQ's 100 pages; a burst of learned phrasings costs one training, not one each) — by a
   * timer RETRAIN_AFTER_MS after the last change, or by a search that comes before it.
   * It is trusted as far as customers' own questions taught it — learned phrasings per page, up to
   * one: trained on the content alone it only re-reads what BM25 reads, without BM25's compounds,
   * translations and typo tolerance (on our demo suite that cost 5 points of hit@1).
   */
  private classifier(): TrustedClassifier | undefined {
    if (this.trained) return this.trained.classifier;
    const learned = this.phrasings.filter((p) => p.source === 'learned').length;
    if (learned === 0) return (this.trained = { classifier: undefined }).classifier;
    const model = PageClassifier.train(pageExamples(this.chunks, this.phrasings), this.featurizer);
    this.trained = { classifier: model && { model, trust: Math.min(1, learned / this.chunksByUrl.size) } };
    return this.trained.classifier;
  }

  /** Stop background work: this index was replaced (a rebuild), and its retraining helps nobody. */
  retire(): void {
    clearTimeout(this.training);
  }

  /** Counts changes made in place (learned phrasings, negative pairs): answers cached against this index are stale when it moves. */
  get revision(): number {
    return this.edits;
  }

  /** URLs of every indexed page. */
  pageUrls(): string[] {
    return [...this.chunksByUrl.keys()];
  }

  /** Learned phrasings held by the index (Q&A questions excluded). */
  learnedPhrasings(): LearnedPhrasing[] {
    return this.phrasings.filter((p) => p.source === 'learned').map((p) => ({ question: p.question, url: p.url, learnedAt: p.learnedAt ?? '' }));
  }

  /** Write the index's files into dir (created if needed); the manifest goes last. */
  async save(dir: string): Promise<void> {
    const { parts } = this;
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, INDEX_FILES.chunks), JSON.stringify(this.chunks));
    await writeFile(join(dir, INDEX_FILES.phrasings), JSON.stringify(this.phrasings));
    await writeFile(join(dir, INDEX_FILES.lexical), JSON.stringify(parts.lexical.toJSON()));
    await parts.chunkVectors.save(join(dir, INDEX_FILES.chunkVectors));
    await parts.phrasingVectors.save(join(dir, INDEX_FILES.phrasingVectors));
    await parts.titleVectors.save(join(dir, INDEX_FILES.titleVectors));
    if (parts.embeddings instanceof OfflineEmbeddings) {
      await writeFile(join(dir, INDEX_FILES.embedder), JSON.stringify(parts.embeddings.state()));
    }
    const manifest: Manifest = {
      format: 'laerling-index',
      version: 1,
      embedder: embedderId(parts.embeddings),
      dimensions: parts.chunkVectors.dimensions,
      ef: parts.chunkVectors.getEf(),
      chunkCount: this.chunks.length,
      phrasingCount: this.phrasings.length,
      savedAt: new Date().toISOString(),
    };
    await writeFile(join(dir, INDEX_FILES.manifest), JSON.stringify(manifest, null, 2));
  }

  /** Read an index saved by save(). Bad files → INDEX_CORRUPT; other embeddings → EMBEDDER_MISMATCH. */
  static async load(dir: string, embeddings: Embeddings): Promise<KnowledgeIndex> {
    const manifest = await readIndexJson(dir, INDEX_FILES.manifest, manifestSchema);
    const expected = embedderId(embeddings);
    if (manifest.embedder !== expected) {
      throw new LaerlingError(
        'EMBEDDER_MISMATCH',
        `The index in ${dir} was built with embeddings "${manifest.embedder}" but "${expected}" is configured; rebuild the index (crawl again) or restore the embeddings settings.`,
        { built: manifest.embedder, configured: expected },
      );
    }
    const chunks = await readIndexJson(dir, INDEX_FILES.chunks, z.array(chunkSchema));
    const phrasings = await readIndexJson(dir, INDEX_FILES.phrasings, z.array(phrasingSchema));
    if (chunks.length !== manifest.chunkCount || phrasings.length !== manifest.phrasingCount) {
      throw new LaerlingError('INDEX_CORRUPT', `Index files in ${dir} disagree with the manifest`);
    }
    const analyzer = createAnalyzer();
    const lexical = LexicalIndex.load(await readIndexText(dir, INDEX_FILES.lexical), analyzer);
    const chunkVectors = await VectorIndex.load(join(dir, INDEX_FILES.chunkVectors), manifest.dimensions, { ef: manifest.ef });
    const phrasingVectors = await VectorIndex.load(join(dir, INDEX_FILES.phrasingVectors), manifest.dimensions, { ef: manifest.ef });
    if (chunkVectors.size !== chunks.length || phrasingVectors.size !== phrasings.length) {
      throw new LaerlingError('INDEX_CORRUPT', `Vector files in ${dir} disagree with the manifest`);
    }
    const fitted = embeddings instanceof OfflineEmbeddings
      ? embeddings.withState(await readIndexJson(dir, INDEX_FILES.embedder, offlineStateSchema))
      : embeddings;
    const titleVectors = await loadTitleVectors(dir, chunks, fitted, manifest);
    const index = new KnowledgeIndex({ chunks, phrasings, lexical, chunkVectors, phrasingVectors, titleVectors, embeddings: fitted, analyzer });
    // Trained while loading, so that the first customer's question does not wait for it.
    index.classifier();
    return index;
  }
}

/** The text a chunk is embedded as: where it sits, what it says, and the questions it answers. */
function embeddingText(c: Chunk): string {
  return [c.title, ...c.headingPath.filter((h) => h !== c.title), ...(c.questions ?? []), c.text].join('\n');
}

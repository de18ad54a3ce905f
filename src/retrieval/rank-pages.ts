import type { BM25Params } from 'minisearch';
import type { Chunk } from '../ingest/types.js';
import { FIELD_BOOSTS } from './lexical-index.js';
import { minMaxNormalise, rankByScore, reciprocalRankFusion, squash, weightedSum } from './fuse-scores.js';
import { statesPrice } from './price-intent.js';
import { isMatched, type MatchWord } from './term-overlap.js';
import type { Hit, PageHit } from './types.js';

/**
 * How the retrievers' lists are combined. Tuned by coordinate descent on StackFAQ's `train` split
 * only (never `test`): content weights on train questions with nothing learned, learned weights
 * by 3-fold cross-validation inside train (learn two rephrasings per thread, score the third);
 * see bench/stackfaq-retrieval.ts --sweep. Flat optimum: ±0.1 on any weight moves hit@1 < 1 pt.
 */
export interface Tuning {
  fusion: 'weighted' | 'rrf';
  weights: {
    lexical: number; vector: number; learned: number; learnedLexical: number; coverage: number;
    titleLexical: number; titleVector: number; classifier: number; names: number; priceLine: number;
  };
  /** BM25 field boosts. */
  boosts: { title: number; headings: number; text: number; phrasings: number };
  /** BM25 parameters (MiniSearch's defaults are k 1.2, b 0.7, d 0.5). */
  bm25: BM25Params;
  /** Per-query-word BM25 that maps to lexical = 0.5. */
  lexicalK: number;
  /** How many of a page's closest learned phrasings add up to its learned ranking score. */
  learnedVotes: number;
  /** Share of a page's other matching chunks' content scores added to its best chunk's. */
  pageSpread: number;
}

export const DEFAULT_TUNING: Tuning = {
  fusion: 'weighted',
  weights: { lexical: 0.35, vector: 0.3, learned: 0.5, learnedLexical: 0.3, coverage: 0.45, titleLexical: 0.1, titleVector: 0.2, classifier: 2, names: 0.2, priceLine: 0.3 },
  boosts: FIELD_BOOSTS,
  bm25: { k: 1.2, b: 0.7, d: 0.5 },
  lexicalK: 40,
  learnedVotes: 2,
  pageSpread: 0,
};

/**
 * Cosine of the closest learned phrasing → the share of the learned lists' weight that counts:
 * 0 below 0.1, all of it from 0.5. Four ramps were compared on the demo suite and on StackFAQ
 * after learning; steeper ones cost more on learned paraphrases. Re-check on a dev set.
 */
function learnedGate(cosine: number): number {
  return Math.min(1, Math.max(0, (cosine - 0.1) / 0.4));
}

/** What each retriever found for one question. */
export interface Signals {
  /** Raw BM25 per chunk index, with the query terms it matched. */
  chunkLexical: ReadonlyMap<number, { score: number; terms: string[] }>;
  /** Best raw BM25 of a learned phrasing per page URL, with its matched terms. */
  pageLearnedLexical: ReadonlyMap<string, { score: number; terms: string[] }>;
  /** Cosine similarity per chunk index. */
  chunkVector: ReadonlyMap<number, number>;
  /** Best cosine similarity of a learned phrasing or Q&A question per page URL. */
  pageLearnedVector: ReadonlyMap<string, number>;
  /** Sum of the best `learnedVotes` raw BM25 scores of a page's learned phrasings, per page URL. */
  pageLearnedLexicalVotes: ReadonlyMap<string, number>;
  /** Sum of the best `learnedVotes` cosines of a page's learned phrasings, per page URL. */
  pageLearnedVectorVotes: ReadonlyMap<string, number>;
  /** Raw BM25 of the question against the page title alone, per page URL. */
  pageTitleLexical: ReadonlyMap<string, number>;
  /** Cosine similarity of the question to the page title, per page URL. */
  pageTitleVector: ReadonlyMap<string, number>;
  /** The page classifier's probability per page URL times its trust (empty without one). */
  pageClassifier: ReadonlyMap<string, number>;
}

export interface RankContext {
  chunks: readonly Chunk[];
  chunksByUrl: ReadonlyMap<string, readonly number[]>;
  /** The question's content words, each with its index terms. */
  queryWords: readonly MatchWord[];
  tuning: Tuning;
  k: number;
  /** Q&A chunks that must not answer this question (see QaFit.unfit). */
  unfitQa?: ReadonlySet<number>;
  /** The site's names the question mentions (see QaFit.askedNames). */
  askedNames?: ReadonlySet<string>;
  /** The question is in another language than most of the site. */
  crossLanguage?: boolean;
  /** The question's words that ask what something costs ("koster"; see isPriceWord). */
  priceWords?: ReadonlySet<MatchWord>;
  /** Per chunk, how well one of its lines labels the asked thing's price (see priceLineMatch). */
  priceLine?: (i: number) => number;
  /** Each query word's weight in ranking coverage, by its rarity on the site (see rarityWeights). */
  wordWeights?: readonly number[];
}

/**
 * Fuse the retrievers' signals into pages, best first. Ranking uses per-list normalised scores
 * (relative to this question's candidates); the features reported on each Hit are absolute, so
 * that confidence can be computed from them:
 * - lexical: BM25 per query word, squashed s/(s+k) — how strongly the chunk's words match;
 * - vector: cosine similarity of question and chunk, clamped to [0,1];
 * - learned: best cosine of the question to a Q&A question or learned phrasing of the page;
 * - coverage: share of the question's content words (or a synonym or translation of each) found in
 *   the chunk or its page's phrasings.
 */
export function rankPages(signals: Signals, ctx: RankContext): PageHit[] {
  const candidates = candidateChunks(signals, ctx);
  if (candidates.length === 0) return [];
  const pageOf = (i: number) => ctx.chunks[i]!.url;
  // Which question words each candidate covers: read for the plain share and the rarity-weighted one.
  const covered = new Map(candidates.map((i) => [i, coveredWords(signals, ctx, i)]));
  const coveredBy = (i: number) => covered.get(i) ?? coveredWords(signals, ctx, i);
  const lists = {
    lexical: pick(candidates, (i) => signals.chunkLexical.get(i)?.score),
    vector: pick(candidates, (i) => signals.chunkVector.get(i)),
    learned: pick(candidates, (i) => signals.pageLearnedVectorVotes.get(pageOf(i))),
    learnedLexical: pick(candidates, (i) => signals.pageLearnedLexicalVotes.get(pageOf(i))),
    coverage: pick(candidates, (i) => share(coveredBy(i))),
    titleLexical: pick(candidates, (i) => signals.pageTitleLexical.get(pageOf(i))),
    titleVector: pick(candidates, (i) => signals.pageTitleVector.get(pageOf(i))),
  };
  const w = ctx.tuning.weights;
  // Min-max makes every list's best candidate 1, however weak. Q&A questions and learned
  // phrasings nearly always have a "best" match, so those lists count only as much as the closest
  // one really is close: a vague resemblance to some Q&A question must not outvote the content.
  // Across languages, a phrasing that shares no word with the question (nor a synonym or
  // translation of one) only resembles its style: "Where are your stores?" and the one English Q&A
  // question of a Norwegian site, "How much does it cost to use my phone in the USA?", are close in
  // character n-grams. Within a language such closeness is often a typo ("acount"), so it counts.
  const close = (url: string) => (!ctx.crossLanguage || signals.pageLearnedLexical.has(url) ? signals.pageLearnedVector.get(url) ?? 0 : 0);
  const learnedStrength = learnedGate(Math.max(0, ...candidates.map((i) => close(pageOf(i)))));
  const gate: Partial<Record<keyof typeof lists, number>> = { learned: learnedStrength, learnedLexical: learnedStrength };
  const weighted = (Object.keys(lists) as Array<keyof typeof lists>).map((name) => ({
    scores: ctx.tuning.fusion === 'rrf' || name === 'coverage' ? lists[name] : minMaxNormalise(lists[name]),
    weight: w[name] * (gate[name] ?? 1),
  }));
  const fused = ctx.tuning.fusion === 'rrf' ? reciprocalRankFusion(weighted) : weightedSum(weighted);

  const pages = new Map<string, Hit[]>();
  const restContent = new Map<string, number>();
  // The asked names each page's matching chunks contain.
  const namesFound = new Map<string, Set<string>>();
  const priceLines = new Map<string, number>();
  // Per page, the most any of its matching chunks covers when the question's words count by rarity.
  const rarerCoverage = new Map<string, number>();
  const content = weightedSum(weighted.filter((_, n) => n < 2));
  const wordCount = Math.max(1, ctx.queryWords.length);
  for (const [id, score] of rankByScore(fused)) {
    const i = Number(id);
    const chunk = ctx.chunks[i]!;
    const hit: Hit = {
      chunk,
      score,
      lexical: squash((signals.chunkLexical.get(i)?.score ?? 0) / wordCount, ctx.tuning.lexicalK),
      vector: clamp01(signals.chunkVector.get(i) ?? 0),
      learned: clamp01(signals.pageLearnedVector.get(chunk.url) ?? 0),
      coverage: lists.coverage.get(id) ?? 0,
    };
    for (const t of signals.chunkLexical.get(i)?.terms ?? []) {
      if (ctx.askedNames?.has(t)) namesFound.set(chunk.url, (namesFound.get(chunk.url) ?? new Set<string>()).add(t));
    }
    const priced = ctx.priceLine?.(i) ?? 0;
    if (priced > (priceLines.get(chunk.url) ?? 0)) priceLines.set(chunk.url, priced);
    const list = pages.get(chunk.url);
    if (ctx.wordWeights) rarerCoverage.set(chunk.url, Math.max(rarerCoverage.get(chunk.url) ?? 0, share(coveredBy(i), ctx.wordWeights)));
    if (list) {
      list.push(hit);
      restContent.set(chunk.url, (restContent.get(chunk.url) ?? 0) + (content.get(id) ?? 0));
    } else pages.set(chunk.url, [hit]);
  }
  // Hits arrive best first, so each page's first hit is its best. A page's other matching chunks
  // add a share of their own content scores (not the page-level ones, which all its chunks share):
  // a page that answers in several places beats one lucky chunk.
  const ranked = [...pages.entries()].map(([url, hits]) => {
    const score = hits[0]!.score + ctx.tuning.pageSpread * (restContent.get(url) ?? 0);
    return { url, title: pageTitle(url, hits[0]!.chunk, ctx), score, best: hits[0]!, hits };
  });
  // The page classifier reorders but stays out of the score confidence reads: when it overrules
  // the content's ranking, the lead (margin) of the page it picked is nil and confidence says so.
  // So do the site's names the question mentions: a page that names Thailand goes before one that
  // only matches "what does it cost to use my phone" (weight on the demo dev set and StackFAQ train).
  // And, for a price question, a line that labels the asked thing's price: "Fjord Maks | 30 GB |
  // 399 kr" goes before a page that says "koster" and "Fjord Maks" in other places (weight 0.3 on
  // the demo dev sets: dev2 hit@1 0.795 → 0.808; 0.2 left "Hva koster Fjord Maks?" second).
  // Coverage, too, orders by the question's words weighed by their rarity on the site (see
  // rarityWeights): "USA" is on one page, "bruke mobilen" on dozens.
  const nameShare = (url: string) => (namesFound.get(url)?.size ?? 0) / Math.max(1, ctx.askedNames?.size ?? 0);
  const order = (page: (typeof ranked)[number]) => page.score + w.coverage * (ctx.wordWeights ? (rarerCoverage.get(page.url) ?? 0) - page.best.coverage : 0) + w.classifier * (signals.pageClassifier.get(page.url) ?? 0) + w.names * nameShare(page.url) + w.priceLine * (priceLines.get(page.url) ?? 0);
  const orderOf = new Map(ranked.map((page) => [page, order(page)]));
  return ranked.sort((a, b) => orderOf.get(b)! - orderOf.get(a)! || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0)).slice(0, ctx.k);
}

// Every chunk any retriever found, plus the lead chunk of pages found only via their phrasings,
// less the Q&A items that must not answer this question.
function candidateChunks(signals: Signals, ctx: RankContext): number[] {
  const excluded = (i: number) => ctx.unfitQa?.has(i) === true;
  const set = new Set<number>([...signals.chunkLexical.keys(), ...signals.chunkVector.keys()].filter((i) => !excluded(i)));
  const pagesWithChunk = new Set([...set].map((i) => ctx.chunks[i]!.url));
  const pageSignals = [signals.pageLearnedLexical, signals.pageLearnedVector, signals.pageTitleLexical, signals.pageTitleVector];
  for (const url of new Set(pageSignals.flatMap((m) => [...m.keys()]))) {
    if (pagesWithChunk.has(url)) continue;
    const lead = ctx.chunksByUrl.get(url)?.find((i) => !excluded(i));
    if (lead !== undefined) set.add(lead);
  }
  return [...set].sort((a, b) => a - b);
}

function pick(ids: number[], score: (i: number) => number | undefined): Map<string, number> {
  const out = new Map<string, number>();
  for (const i of ids) {
    const s = score(i);
    if (s !== undefined && s > 0) out.set(String(i), s);
  }
  return out;
}

// Per question word, whether the chunk or its page's phrasings have it.
function coveredWords(signals: Signals, ctx: RankContext, i: number): boolean[] {
  const matched = new Set([
    ...(signals.chunkLexical.get(i)?.terms ?? []),
    ...(signals.pageLearnedLexical.get(ctx.chunks[i]!.url)?.terms ?? []),
  ]);
  // A synonym or translation found covers the word: "åpningstider" answers "åpent", "mistet"
  // answers "lost" (half and no credit were tried on a dev set of demo questions: both lower).
  // A price question's price word ("koster") is found in an amount ("399 kr"): a price table
  // rarely says "koster" (demo dev2 hit@5 0.968 → 0.981 with the price lines below).
  const priced = ctx.priceWords?.size && statesPrice(ctx.chunks[i]!.text);
  return ctx.queryWords.map((w) => Boolean((priced && ctx.priceWords!.has(w)) || isMatched(w, matched)));
}

// The share of the question's words covered; with `weights`, each word counts by its rarity on
// the site (for ranking only: confidence reads the plain share).
function share(found: readonly boolean[], weights?: readonly number[]): number {
  let total = 0;
  let got = 0;
  found.forEach((f, n) => {
    const weight = weights?.[n] ?? 1;
    total += weight;
    if (f) got += weight;
  });
  return total > 0 ? got / total : 0;
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

// A Q&A item's title is its question; when it belongs to a page, customers should see the page's title.
function pageTitle(url: string, best: Chunk, ctx: RankContext): string {
  if (best.kind === 'page') return best.title;
  const pageChunk = ctx.chunksByUrl.get(url)?.map((i) => ctx.chunks[i]!).find((c) => c.kind === 'page');
  return pageChunk?.title ?? best.title;
}

import { createAnalyzer } from '../retrieval/analyze-text.js';
import { namesDiffer } from '../retrieval/named-terms.js';
import { sharedAlternativeSources } from '../retrieval/word-alternatives.js';

/** A question the bot could not answer, as grouping takes it. */
export interface GapItem {
  id: string;
  text: string;
  /** ISO time it was asked. */
  at: string;
}

/** Similar unanswered questions, for the content owner. */
export interface GapGroup {
  /** Stable while the group's earliest question stays: the id of that question. */
  key: string;
  /** The most typical question of the group (closest to the others). */
  label: string;
  count: number;
  /** Up to five distinct questions, the label first. */
  examples: string[];
  firstSeen: string;
  lastSeen: string;
  itemIds: string[];
}

/**
 * Mean shared-neighbour similarity two groups need to be merged, and how many nearest neighbours
 * each question has. Chosen on a development set — StackFAQ's answerable questions in batches of
 * 25 threads (bench/gap-groups-dev.ts) — never on the unanswerable questions the eval scores.
 */
export const GAP_SIMILARITY = 0.25;
export const GAP_NEIGHBOURS = 4;
/** Only the most recent questions are grouped: grouping is quadratic in their number. */
export const MAX_GAP_ITEMS = 2000;
// A synonym of a word the customer wrote ("remove" for "delete") counts half as much as the word.
const SYNONYM_WEIGHT = 0.5;

const analyzer = createAnalyzer();

// Grouping 2000 questions is a second or more of CPU in one request: every SLICE_MS the work
// pauses for a turn of the event loop, so chats go on being served meanwhile.
const SLICE_MS = 15;
function pauser(): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < SLICE_MS) return;
    await new Promise((resolve) => setImmediate(resolve));
    since = performance.now();
  };
}

/** TF-IDF vectors over content stems (plus nb/en alternatives and synonyms), unit length. */
function vectors(texts: readonly string[]): Array<Map<string, number>> {
  const { synonyms } = sharedAlternativeSources();
  const bags = texts.map((t) => {
    const bag = new Map<string, number>();
    for (const w of analyzer.contentWords(t)) for (const term of w.terms) bag.set(term, (bag.get(term) ?? 0) + 1 / w.terms.length);
    for (const w of analyzer.contentWords(synonyms.expand(t).join(' '))) {
      for (const term of w.terms) if (!bag.has(term)) bag.set(term, SYNONYM_WEIGHT / w.terms.length);
    }
    return bag;
  });
  const df = new Map<string, number>();
  for (const bag of bags) for (const term of bag.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  return bags.map((bag) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [term, tf] of bag) {
      // Smoothed: a word every question shares still counts (with three questions, plain IDF is 0).
      const w = tf * Math.log(1 + bags.length / (df.get(term) ?? 1));
      v.set(term, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [term, w] of v) v.set(term, w / norm);
    return v;
  });
}

/**
 * Cosine similarity of every pair of unit vectors, through an inverted index: only pairs that
 * share a term are touched (2000 questions: a tenth of the time of comparing every pair's maps).
 * Pairs whose questions name different things of the site are 0 (see groupGaps).
 */
async function similarities(vecs: ReadonlyArray<Map<string, number>>, named: ReadonlyArray<Set<string>>, pause: () => Promise<void>): Promise<Float64Array> {
  const n = vecs.length;
  const postings = new Map<string, Array<[number, number]>>();
  vecs.forEach((v, i) => {
    for (const [term, w] of v) {
      const list = postings.get(term);
      if (list) list.push([i, w]);
      else postings.set(term, [[i, w]]);
    }
  });
  const sim = new Float64Array(n * n);
  for (const list of postings.values()) {
    await pause();
    for (let a = 0; a < list.length; a++) {
      const [i, wi] = list[a]!;
      for (let b = a + 1; b < list.length; b++) {
        const [j, wj] = list[b]!;
        sim[i * n + j] = sim[i * n + j]! + wi * wj;
      }
    }
  }
  for (let i = 0; i < n; i++) {
    await pause();
    for (let j = i + 1; j < n; j++) {
      if (sim[i * n + j]! > 0 && namesDiffer(named[i]!, named[j]!)) sim[i * n + j] = 0;
      sim[j * n + i] = sim[i * n + j]!;
    }
  }
  return sim;
}

/**
 * Shared-nearest-neighbour similarity (Jarvis–Patrick): the share of two questions' k nearest
 * neighbours (each counting itself) they have in common. Ten rephrasings of one need are each
 * other's neighbours; a question that merely shares "archived mails in Gmail" with another need
 * is not, so two needs about the same feature stay apart where plain cosine chains them together.
 */
async function sharedNeighbours(sim: Float64Array, n: number, k: number, pause: () => Promise<void>): Promise<Float64Array> {
  const holders: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) {
    await pause();
    // The k most similar (ties: lowest index), by insertion into a short sorted list.
    const near: number[] = [];
    for (let j = 0; j < n; j++) {
      const s = sim[i * n + j]!;
      if (j === i || s <= 0 || (near.length === k && s <= sim[i * n + near[k - 1]!]!)) continue;
      let at = near.length;
      while (at > 0 && s > sim[i * n + near[at - 1]!]!) at--;
      near.splice(at, 0, j);
      if (near.length > k) near.pop();
    }
    for (const j of [i, ...near]) holders[j]!.push(i);
  }
  const snn = new Float64Array(n * n);
  for (const list of holders) {
    for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) {
      const [i, j] = [list[x]!, list[y]!];
      snn[i * n + j] = snn[j * n + i] = snn[i * n + j]! + 1;
    }
  }
  // Divided once at the end: shares are few distinct values, and ties must stay exact ties.
  return snn.map((count) => count / (k + 1));
}

/**
 * Average-linkage agglomeration of n items on `pair` (overwritten), merging the most similar two
 * groups while their mean pairwise similarity reaches `threshold`; ties go to the lowest indices.
 * Each item remembers its most similar group, so a merge costs O(n) instead of a full O(n²) scan.
 */
async function averageLinkage(pair: Float64Array, n: number, threshold: number, pause: () => Promise<void>): Promise<number[][]> {
  const members: number[][] = Array.from({ length: n }, (_, i) => [i]);
  const alive = new Set(members.keys());
  const nearest = new Int32Array(n).fill(-1);
  const nearestSim = new Float64Array(n).fill(-Infinity);
  const refresh = (i: number) => {
    nearest[i] = -1;
    nearestSim[i] = -Infinity;
    for (const j of alive) if (j !== i && pair[i * n + j]! > nearestSim[i]!) [nearest[i], nearestSim[i]] = [j, pair[i * n + j]!];
  };
  for (const i of alive) refresh(i);
  for (;;) {
    await pause();
    let a = -1;
    for (const i of alive) if (nearest[i]! >= 0 && (a < 0 || nearestSim[i]! > nearestSim[a]!)) a = i;
    if (a < 0 || nearestSim[a]! < threshold) break;
    const b = nearest[a]!;
    const [sa, sb] = [members[a]!.length, members[b]!.length];
    alive.delete(b);
    members[a] = [...members[a]!, ...members[b]!];
    for (const k of alive) {
      if (k === a) continue;
      const merged = (sa * pair[a * n + k]! + sb * pair[b * n + k]!) / (sa + sb);
      pair[a * n + k] = pair[k * n + a] = merged;
    }
    refresh(a);
    for (const k of alive) {
      if (k === a) continue;
      if (nearest[k] === a || nearest[k] === b) refresh(k);
      else if (pair[k * n + a]! > nearestSim[k]! || (pair[k * n + a] === nearestSim[k] && a < nearest[k]!)) [nearest[k], nearestSim[k]] = [a, pair[k * n + a]!];
    }
  }
  return [...alive].map((root) => members[root]!);
}

/**
 * Group similar questions: average-linkage agglomerative clustering on the shared-nearest-neighbour
 * similarity of TF-IDF stem vectors (see sharedNeighbours). Two questions that name different
 * things of the site (strikethrough "in GitHub" vs "in Gmail") are never similar: they are
 * different gaps for whoever writes the answer. Deterministic; groups come largest first, then
 * most recently seen. Cooperative: long runs pause for the event loop (see SLICE_MS).
 */
export async function groupGaps(items: readonly GapItem[], opts: { threshold?: number; neighbours?: number; namedTerms?: ReadonlySet<string> } = {}): Promise<GapGroup[]> {
  const recent = [...items].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1)).slice(-MAX_GAP_ITEMS);
  const n = recent.length;
  if (n === 0) return [];
  const vecs = vectors(recent.map((i) => i.text));
  const named = vecs.map((v) => new Set([...v.keys()].filter((term) => opts.namedTerms?.has(term))));
  const pause = pauser();
  const sim = await similarities(vecs, named, pause);
  const clusters = await averageLinkage(await sharedNeighbours(sim, n, opts.neighbours ?? GAP_NEIGHBOURS, pause), n, opts.threshold ?? GAP_SIMILARITY, pause);
  const groups = clusters.map((idx) => {
    idx.sort((x, y) => x - y);
    // The medoid: the question most similar on average to the rest of its group.
    const centrality = new Map(idx.map((i) => [i, idx.reduce((s, j) => s + (i === j ? 0 : sim[i * n + j]!), 0)]));
    const ranked = [...idx].sort((x, y) => centrality.get(y)! - centrality.get(x)! || x - y);
    const texts = [...new Set(ranked.map((i) => recent[i]!.text.trim()))];
    return {
      key: recent[idx[0]!]!.id,
      label: recent[ranked[0]!]!.text.trim(),
      count: idx.length,
      examples: texts.slice(0, 5),
      firstSeen: recent[idx[0]!]!.at,
      lastSeen: recent[idx.at(-1)!]!.at,
      itemIds: idx.map((i) => recent[i]!.id),
    };
  });
  return groups.sort((x, y) => y.count - x.count || (x.lastSeen < y.lastSeen ? 1 : x.lastSeen > y.lastSeen ? -1 : 0) || (x.key < y.key ? -1 : 1));
}

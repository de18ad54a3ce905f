import { createAnalyzer } from '../retrieval/analyze-text.js';

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

/** Average similarity two groups need to be merged: tuned on StackFAQ's unanswerable set (evals/gap-groups.ts). */
export const GAP_SIMILARITY = 0.15;
/** Only the most recent questions are grouped: grouping is quadratic in their number. */
export const MAX_GAP_ITEMS = 2000;

const analyzer = createAnalyzer();

/** TF-IDF vectors over content stems (plus nb/en alternatives), unit length. */
function vectors(texts: readonly string[]): Array<Map<string, number>> {
  const bags = texts.map((t) => {
    const bag = new Map<string, number>();
    for (const w of analyzer.contentWords(t)) for (const term of w.terms) bag.set(term, (bag.get(term) ?? 0) + 1 / w.terms.length);
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

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, w] of small) dot += w * (large.get(term) ?? 0);
  return dot;
}

/**
 * The named things of a site — products, services, brands — as index terms: words written with a
 * capital letter inside its page titles ("Gmail", "GitHub", "Vipps", "Apple Watch").
 */
export function namedTermsOf(titles: Iterable<string>): Set<string> {
  const named = new Set<string>();
  for (const title of titles) {
    const words = title.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    words.forEach((word, i) => {
      if (i === 0 || word.length < 2 || !/^\p{Lu}/u.test(word)) return;
      for (const w of analyzer.contentWords(word)) for (const term of w.terms) named.add(term);
    });
  }
  return named;
}

/**
 * Group similar questions: average-linkage agglomerative clustering on TF-IDF stem vectors,
 * merging while two groups' mean pairwise similarity reaches `threshold`. Two questions that name
 * different things of the site (strikethrough "in GitHub" vs "in Gmail") are never similar: they
 * are different gaps for whoever writes the answer. Deterministic; groups come largest first, then
 * most recently seen.
 */
export function groupGaps(items: readonly GapItem[], opts: { threshold?: number; namedTerms?: ReadonlySet<string> } = {}): GapGroup[] {
  const threshold = opts.threshold ?? GAP_SIMILARITY;
  const recent = [...items].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1)).slice(-MAX_GAP_ITEMS);
  const n = recent.length;
  if (n === 0) return [];
  const vecs = vectors(recent.map((i) => i.text));
  const named = vecs.map((v) => new Set([...v.keys()].filter((term) => opts.namedTerms?.has(term))));
  const differentThings = (a: Set<string>, b: Set<string>) => a.size > 0 && b.size > 0 && ![...a].some((t) => b.has(t));
  const sim = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) sim[i * n + j] = sim[j * n + i] = differentThings(named[i]!, named[j]!) ? 0 : cosine(vecs[i]!, vecs[j]!);
  }
  const pair = sim.slice();
  const members: number[][] = recent.map((_, i) => [i]);
  const alive = new Set(recent.map((_, i) => i));
  // Lance–Williams update for average linkage keeps each merge O(n).
  for (;;) {
    let best = -1;
    let a = -1;
    let b = -1;
    for (const i of alive) for (const j of alive) if (i < j && pair[i * n + j]! > best) [best, a, b] = [pair[i * n + j]!, i, j];
    if (a < 0 || best < threshold) break;
    const sa = members[a]!.length;
    const sb = members[b]!.length;
    for (const k of alive) {
      if (k === a || k === b) continue;
      const merged = (sa * pair[a * n + k]! + sb * pair[b * n + k]!) / (sa + sb);
      pair[a * n + k] = pair[k * n + a] = merged;
    }
    members[a] = [...members[a]!, ...members[b]!];
    alive.delete(b);
  }
  const groups = [...alive].map((root) => {
    const idx = members[root]!.sort((x, y) => x - y);
    // The medoid: the question most similar on average to the rest of its group.
    const centrality = (i: number) => idx.reduce((s, j) => s + (i === j ? 0 : sim[i * n + j]!), 0);
    const ranked = [...idx].sort((x, y) => centrality(y) - centrality(x) || x - y);
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

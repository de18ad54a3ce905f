import { describe, expect, it } from 'vitest';
import type { Chunk } from '../../src/ingest/types.js';
import { DEFAULT_TUNING, rankPages, type Signals } from '../../src/retrieval/rank-pages.js';

const chunk = (url: string, kind: Chunk['kind'] = 'page'): Chunk => ({ id: url, url, title: url, headingPath: [], text: '', lang: 'nb', kind });
const chunks = [chunk('/cancel'), chunk('/watch', 'qa')];
const ctx = {
  chunks,
  chunksByUrl: new Map([['/cancel', [0]], ['/watch', [1]]]),
  queryWords: [{ terms: ['cancel'] }, { terms: ['subscription'] }],
  tuning: DEFAULT_TUNING,
  k: 5,
};

/** Both pages match the question's words about equally; /watch also has a Q&A question with cosine `learned` to it. */
function signals(learned: number): Signals {
  return {
    chunkLexical: new Map([[0, { score: 30, terms: ['cancel', 'subscription'] }], [1, { score: 28, terms: ['cancel', 'subscription'] }]]),
    chunkVector: new Map([[0, 0.45], [1, 0.43]]),
    pageLearnedLexical: new Map([['/watch', { score: 5, terms: ['subscription'] }]]),
    pageLearnedVector: new Map([['/watch', learned]]),
    pageLearnedLexicalVotes: new Map([['/watch', 5]]),
    pageLearnedVectorVotes: new Map([['/watch', learned]]),
    pageTitleLexical: new Map(),
    pageTitleVector: new Map([['/cancel', 0.3], ['/watch', 0.3]]),
    pageClassifier: new Map(),
  };
}

describe('rankPages', () => {
  it('does not let a faint resemblance to a Q&A question decide between pages', () => {
    expect(rankPages(signals(0.12), ctx)[0]?.url).toBe('/cancel');
  });

  it('lets a close learned phrasing or Q&A question win', () => {
    expect(rankPages(signals(0.95), ctx)[0]?.url).toBe('/watch');
  });

  it('across languages, does not let a Q&A question that shares no word with the question decide', () => {
    // The content ties; /watch's Q&A question is close in character n-grams only.
    const tie = {
      ...signals(0.95),
      chunkLexical: new Map([[0, { score: 30, terms: ['cancel', 'subscription'] }], [1, { score: 30, terms: ['cancel', 'subscription'] }]]),
      chunkVector: new Map([[0, 0.45], [1, 0.45]]),
    };
    expect(rankPages(tie, ctx)[0]?.url).toBe('/watch');
    const styleOnly = { ...tie, pageLearnedLexical: new Map(), pageLearnedLexicalVotes: new Map() };
    // Within a language it may be a typo ("acount"), so the resemblance still counts ...
    expect(rankPages(styleOnly, ctx)[0]?.url).toBe('/watch');
    // ... but an English question on a Norwegian site only shares the English Q&A item's style.
    expect(rankPages(styleOnly, { ...ctx, crossLanguage: true })[0]?.url).toBe('/cancel');
  });
});

describe('rankPages titles', () => {
  it("shows the page's title when a Q&A item on that page is the best hit", () => {
    const own = [chunk('/watch', 'qa'), { ...chunk('/watch'), id: '/watch#page', title: 'eSIM on smartwatches' }];
    const pages = rankPages(
      { ...signals(0.95), chunkLexical: new Map([[0, { score: 30, terms: ['cancel'] }]]), chunkVector: new Map([[0, 0.5]]) },
      { ...ctx, chunks: own, chunksByUrl: new Map([['/watch', [0, 1]]]) },
    );
    expect(pages[0]).toMatchObject({ url: '/watch', title: 'eSIM on smartwatches' });
    expect(pages[0]?.best.chunk.kind).toBe('qa');
  });
});

describe('rankPages coverage', () => {
  it('counts a question word as found when a synonym or translation of it is', () => {
    const words = { ...ctx, queryWords: [{ terms: ['åpent'], alternatives: ['åpningstid'] }, { terms: ['kundeservic'] }] };
    const found = { ...signals(0), chunkLexical: new Map([[0, { score: 20, terms: ['åpningstid', 'kundeservic'] }], [1, { score: 20, terms: ['kundeservic'] }]]) };
    const [first, second] = rankPages(found, words);
    expect(first).toMatchObject({ url: '/cancel', best: { coverage: 1 } });
    expect(second).toMatchObject({ url: '/watch', best: { coverage: 0.5 } });
  });
});

describe('rankPages price questions', () => {
  const priced = [
    { ...chunk('/prices'), text: 'Fjord Mini | 199 kr\nFjord Maks | 399 kr' },
    { ...chunk('/data'), text: 'Det koster ingenting ekstra å bruke Fjord Maks i EU.' },
  ];
  const koster = { terms: ['koster', 'kost'] };
  const priceCtx = {
    ...ctx,
    chunks: priced,
    chunksByUrl: new Map([['/prices', [0]], ['/data', [1]]]),
    queryWords: [koster, { terms: ['fjord'] }, { terms: ['maks', 'mak'] }],
    priceWords: new Set([koster]),
  };
  const found: Signals = {
    ...signals(0),
    chunkLexical: new Map([[0, { score: 20, terms: ['fjord', 'maks'] }], [1, { score: 40, terms: ['koster', 'fjord', 'maks'] }]]),
    chunkVector: new Map([[0, 0.35], [1, 0.3]]),
    pageLearnedLexical: new Map(),
    pageLearnedVector: new Map(),
    pageLearnedLexicalVotes: new Map(),
    pageLearnedVectorVotes: new Map(),
    pageTitleVector: new Map(),
  };

  it('counts the price word as found in a chunk that states an amount', () => {
    const prices = rankPages(found, priceCtx).find((p) => p.url === '/prices');
    expect(prices?.best.coverage).toBe(1);
  });

  it("puts the page whose line labels the asked thing's price first, for ordering only", () => {
    const priceLine = (i: number) => (i === 0 ? 1 : 0);
    const [first, second] = rankPages(found, { ...priceCtx, priceLine });
    expect(first?.url).toBe('/prices');
    expect(first!.score).toBeLessThan(second!.score);
  });
});

describe('rankPages with word weights by rarity', () => {
  // "Kan jeg bruke mobilen i USA?": /esim has "bruke mobilen" and matches strongly, /abroad has
  // "mobilen" and "USA" (on one page of the site) in one chunk and weaker matches elsewhere.
  const words = [{ terms: ['bruk'] }, { terms: ['mobil'] }, { terms: ['usa'] }];
  const rareCtx = {
    chunks: [chunk('/esim'), chunk('/abroad'), chunk('/abroad')],
    chunksByUrl: new Map([['/esim', [0]], ['/abroad', [1, 2]]]),
    queryWords: words,
    tuning: DEFAULT_TUNING,
    k: 5,
  };
  const usa: Signals = {
    chunkLexical: new Map([[0, { score: 22, terms: ['bruk', 'mobil'] }], [1, { score: 20, terms: ['bruk', 'mobil'] }], [2, { score: 15, terms: ['mobil', 'usa'] }]]),
    chunkVector: new Map([[0, 0.22], [1, 0.2], [2, 0.15]]),
    pageLearnedLexical: new Map(),
    pageLearnedVector: new Map(),
    pageLearnedLexicalVotes: new Map(),
    pageLearnedVectorVotes: new Map(),
    pageTitleLexical: new Map(),
    pageTitleVector: new Map(),
    pageClassifier: new Map(),
  };

  it('puts the page that has the rare word first, for ordering only', () => {
    expect(rankPages(usa, rareCtx)[0]?.url).toBe('/esim');
    const [first, second] = rankPages(usa, { ...rareCtx, wordWeights: [0.8, 1.4, 4] });
    expect(first?.url).toBe('/abroad');
    expect(first!.score).toBeLessThan(second!.score);
    // Confidence reads the plain share of the question's words.
    expect(first!.best.coverage).toBeCloseTo(2 / 3);
  });
});

import { describe, expect, it } from 'vitest';
import type { Chunk } from '../../src/ingest/types.js';
import { createAnalyzer } from '../../src/retrieval/analyze-text.js';
import { asksPrice } from '../../src/retrieval/price-intent.js';
import { QaFit } from '../../src/retrieval/qa-fit.js';

const a = createAnalyzer();
const chunk = (id: string, url: string, text: string, extra: Partial<Chunk> = {}): Chunk => ({ id, url, title: url, headingPath: [], text, lang: 'nb', kind: 'page', ...extra });
const qa = (id: string, url: string, questions: string[], lang: Chunk['lang'] = 'nb'): Chunk => chunk(id, url, questions[0]!, { kind: 'qa', lang, questions, answer: 'Svar.' });

const CHUNKS: Chunk[] = [
  chunk('p0', '/eu', 'I EU, for eksempel i Sverige og Spania, bruker du mobilen som hjemme.'),
  chunk('p1', '/verden', 'Reiser du til USA eller Thailand, gjelder egne priser.'),
  chunk('p2', '/klokke', 'Slik får du eSIM på klokken: bestill tillegget i appen.'),
  qa('q0', '/verden', ['How much does it cost to use my phone in the USA?'], 'en'),
  qa('q1', '/klokke', ['Hva koster eSIM på Apple Watch?', 'Pris for klokke-abonnement']),
  qa('q2', '/eu', ['Kan jeg bruke mobilen i Spania?', 'Mobil i EU']),
];
const fit = QaFit.of(CHUNKS, a);
const traits = (question: string, { crossLanguage = false } = {}) => ({
  queryWords: a.contentWords(question).map((w) => ({ terms: w.terms })),
  siteLanguage: crossLanguage ? undefined : ('nb' as const),
  asksPrice: asksPrice(question),
});

describe('QaFit', () => {
  it('rules out items about other named things, in the other language, or only about price', () => {
    // q0: English, and names the USA; q1: only about price.
    expect([...fit.unfit(traits('Hvordan får jeg eSIM på klokka?'))].sort()).toEqual([3, 4]);
    expect([...fit.unfit(traits('Hva koster eSIM på klokka?'))]).toEqual([3]);
    // Thailand is a name of this site, and the item about Spain names Spania.
    expect(fit.unfit(traits('Kan jeg bruke mobilen i Thailand?')).has(5)).toBe(true);
    expect(fit.unfit(traits('Kan jeg bruke mobilen i Spania?')).has(5)).toBe(false);
    // Asked in the other language, the English item may answer.
    expect(fit.unfit(traits('How much does it cost to use my phone in the USA?', { crossLanguage: true })).has(3)).toBe(false);
  });

  it('rules out an item that meets a question naming nothing only through a phrasing about a named thing', () => {
    // "eSIM" is shared only with "Hva koster eSIM på Apple Watch?": the answer is the watch's price.
    expect(fit.unfit(traits('Koster eSIM noe?')).has(4)).toBe(true);
    expect(fit.unfit(traits('Hva koster eSIM på Apple Watch?')).has(4)).toBe(false);
  });

  it('rules out an item without the question\'s rarest word when a chunk with it covers the question as well', () => {
    const porting = QaFit.of([qa('q0', '/flytte', ['Hvor lang tid tar det å flytte nummeret?'])], a);
    const question = traits('Hvor lang tid tar en time i butikken?');
    const time = question.queryWords.find((w) => w.terms.includes('time'))!;
    // The stores page has "time" and three of the five words, as many as the item.
    expect(porting.unfit({ ...question, point: { words: [time], coverage: 3 / 5 } }).has(0)).toBe(true);
    // A page with the rare word but little else does not outdo the item.
    expect(porting.unfit({ ...question, point: { words: [time], coverage: 1 / 5 } }).has(0)).toBe(false);
    // Nor is an item unfit when it has the rare word.
    const lang = question.queryWords.find((w) => w.terms.includes('lang'))!;
    expect(porting.unfit({ ...question, point: { words: [lang], coverage: 1 } }).has(0)).toBe(false);
  });

  it('rules out an item that shares nothing with the question but its frame', () => {
    const porting = QaFit.of([qa('q0', '/flytte', ['Hvor lang tid tar det å flytte nummeret?'])], a);
    // "tidlig" stems to "tid", so the item meets the question, but only in the frame "hvor tidlig".
    const early = traits('hvor tidlig må jeg si fra?');
    expect(porting.unfit({ ...early, frame: new Set(early.queryWords) }).has(0)).toBe(true);
    expect(porting.unfit(early).has(0)).toBe(false);
    // An item that has a word outside the frame may answer.
    const moving = traits('Hvor lang tid tar det å flytte nummeret?');
    expect(porting.unfit({ ...moving, frame: new Set(moving.queryWords.slice(0, 3)) }).has(0)).toBe(false);
  });

  it('tells which of the site\'s names a question mentions', () => {
    expect([...fit.askedNames(traits('mobilen i Thailand og USA'))].sort()).toEqual(['thailand', 'usa']);
    expect(fit.askedNames(traits('mobilen i utlandet')).size).toBe(0);
  });
});

describe('asksPrice', () => {
  it('finds price words in bokmål, nynorsk and English, not in other questions', () => {
    for (const q of ['Hva koster fiber?', 'kva kostar det', 'What is the price of 5G?', 'Is it free?', 'Er det gratis?']) expect(asksPrice(q)).toBe(true);
    for (const q of ['Hvordan får jeg eSIM på Apple Watch?', 'How do I set up eSIM?', 'Hvor mye data har jeg?']) expect(asksPrice(q)).toBe(false);
  });
});

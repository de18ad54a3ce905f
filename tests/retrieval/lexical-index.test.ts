import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/retrieval/analyze-text.js';
import { COMMON_TERM, LexicalIndex } from '../../src/retrieval/lexical-index.js';

describe('LexicalIndex', () => {
  const docs = [
    { id: 'in-title', title: 'Sperret SIM-kort', text: 'Kontakt oss for hjelp med kortet.' },
    { id: 'in-text', title: 'Hjelp med kortet', text: 'Et sperret SIM-kort låses opp med PUK.' },
  ];

  it('ranks a match in a boosted field above the same match in body text', () => {
    const index = LexicalIndex.create(createAnalyzer());
    index.add(docs);
    expect(index.search('sperret sim', 10).map((m) => m.id)).toEqual(['in-title', 'in-text']);
    // Flip the boosts and the order flips: the boosts, not document order, decide.
    expect(index.search('sperret sim', 10, { boost: { title: 0.1, headings: 1, text: 5, phrasings: 1 } }).map((m) => m.id)).toEqual(['in-text', 'in-title']);
  });

  it('matches inflected forms and reports the matched query terms', () => {
    const index = LexicalIndex.create(createAnalyzer());
    index.add([{ id: 'p', phrasings: 'Hvordan betaler jeg fakturaen?' }]);
    const [m] = index.search('betale faktura', 10);
    expect(m?.id).toBe('p');
    expect(m?.terms).toEqual(expect.arrayContaining(['betal', 'faktura']));
  });

  it('knows the words it indexed, by stem, after add and after load, but never stop words', () => {
    const index = LexicalIndex.create(createAnalyzer());
    index.add(docs);
    expect(index.knows('sperret')).toBe(true);
    expect(index.knows('kortet')).toBe(true);
    expect(index.knows('kort')).toBe(true);
    expect(index.knows('mobilabonnement')).toBe(false);
    expect(index.knows('med')).toBe(false);
    const loaded = LexicalIndex.load(JSON.stringify(index.toJSON()), createAnalyzer());
    expect(loaded.knows('puk')).toBe(true);
    expect(loaded.knows('bredbånd')).toBe(false);
  });

  it('survives toJSON / load', () => {
    const index = LexicalIndex.create(createAnalyzer());
    index.add(docs);
    const loaded = LexicalIndex.load(JSON.stringify(index.toJSON()), createAnalyzer());
    expect(loaded.search('puk kort', 10)).toEqual(index.search('puk kort', 10));
    expect(() => LexicalIndex.load('{"broken":', createAnalyzer())).toThrow(expect.objectContaining({ code: 'INDEX_CORRUPT' }));
  });

  it('calls a term common when most of a large corpus has it, the same after load', () => {
    const index = LexicalIndex.create(createAnalyzer());
    const chunks = Math.ceil(COMMON_TERM.minChunks / 0.8);
    // "abonnement" in 90 % of the chunks, "roaming" in 1 %; a learned phrasing is no chunk.
    index.add(Array.from({ length: chunks }, (_, i) => ({ id: `c${i}`, title: `Side ${i}`, text: i % 10 ? 'Om abonnement' : i % 100 ? 'Annet' : 'Om roaming' })));
    index.add([{ id: 'l0', phrasings: 'abonnement roaming' }]);
    expect(index.isCommon('abonnement')).toBe(true);
    expect(index.isCommon('roaming')).toBe(false);
    const loaded = LexicalIndex.load(JSON.stringify(index.toJSON()), createAnalyzer());
    expect(loaded.isCommon('abonnement')).toBe(true);
    expect(loaded.isCommon('roaming')).toBe(false);
    // On a small site nothing is common, however often a word occurs.
    const small = LexicalIndex.create(createAnalyzer());
    small.add(Array.from({ length: 50 }, (_, i) => ({ id: `c${i}`, text: 'Om abonnement' })));
    expect(small.isCommon('abonnement')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { namedTermsOf, namesDiffer } from '../../src/retrieval/named-terms.js';

describe('namedTermsOf', () => {
  it('takes words capitalised inside a sentence, not at its start, after a label marker or mostly lower case', () => {
    const named = namedTermsOf([
      'Reiser du til Storbritannia, USA eller Thailand, gjelder egne priser.',
      'Roaming koster ingenting i EU. Logg inn i Min Fjordmobil.',
      'Du finner det under **Sperrer** i appen. Velg Innstillinger → Mobilnett.',
      'Det er min telefon, og dette er min sak. Vi sperrer kortet.',
      '- Sveits er med\n| Tyrkia | 9 kr |',
    ]);
    for (const term of ['storbritannia', 'usa', 'thailand', 'eu', 'fjordmobil']) expect(named.has(term)).toBe(true);
    // Sentence, list-item and table-cell starts; "min" is mostly lower case; bold and menu labels.
    for (const term of ['reis', 'roaming', 'roam', 'min', 'sperr', 'mobilnett', 'sveits', 'tyrkia']) expect(named.has(term)).toBe(false);
  });
});

describe('namesDiffer', () => {
  it('is true only when both name something and nothing in common', () => {
    expect(namesDiffer(new Set(['spania']), new Set(['usa']))).toBe(true);
    expect(namesDiffer(new Set(['spania', 'usa']), new Set(['usa']))).toBe(false);
    expect(namesDiffer(new Set(), new Set(['usa']))).toBe(false);
    expect(namesDiffer(new Set(['usa']), new Set())).toBe(false);
  });
});

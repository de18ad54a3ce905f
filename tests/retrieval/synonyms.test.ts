import { describe, expect, it } from 'vitest';
import { createSynonymExpander } from '../../src/retrieval/synonyms.js';

describe('synonym expansion', () => {
  const s = createSynonymExpander();
  it('adds same-meaning words and phrases the question lacks, in English and bokmål', () => {
    expect(s.expand('How do I remove my account?')).toEqual(expect.arrayContaining(['delete', 'erase']));
    expect(s.expand('How do I remove my account?')).not.toContain('remove');
    expect(s.expand('Can I get rid of all my mails?')).toEqual(expect.arrayContaining(['delete', 'email']));
    expect(s.expand('Hvordan sletter jeg kontoen?')).toContain('fjerne');
    expect(s.expand('Vil si opp abonnementet')).toEqual(expect.arrayContaining(['avslutte', 'kansellere']));
  });
  it('matches phrasal verbs with a pronoun inside them, as questions write them', () => {
    expect(s.expand('Hvordan sier jeg opp abonnementet?')).toEqual(expect.arrayContaining(['oppsigelse', 'avslutte']));
    expect(s.expand('How do I turn it off?')).toEqual(expect.arrayContaining(['disable']));
  });
  it('bridges Norwegian word forms the stemmer leaves apart', () => {
    expect(s.expand('Når har dere åpent?')).toContain('åpningstid');
    expect(s.expand('simkortet er låst')).toContain('sperret');
    // Nynorsk forms meet the bokmål words of the pages.
    expect(s.expand('kva kostar det å ringje heim')).toEqual(expect.arrayContaining(['ringe', 'hjem']));
  });
  it('adds nothing for words without synonyms', () => {
    expect(s.expand('roaming i USA')).toEqual([]);
  });
});

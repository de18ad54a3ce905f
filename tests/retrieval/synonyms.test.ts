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
  it('adds nothing for words without synonyms', () => {
    expect(s.expand('roaming i USA')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { GLOSSARY_NB_EN, type GlossaryPair } from '../../src/retrieval/glossary-nb-en.js';
import { createTermTranslator } from '../../src/retrieval/translate-terms.js';
import { LaerlingError } from '../../src/errors.js';

describe('GLOSSARY_NB_EN', () => {
  it('holds several hundred distinct, non-empty pairs', () => {
    const ids = GLOSSARY_NB_EN.map(([en, nb]) => `${en}|${nb}`);
    expect(GLOSSARY_NB_EN.length).toBeGreaterThanOrEqual(400);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [en, nb] of GLOSSARY_NB_EN) {
      expect(en.trim()).not.toBe('');
      expect(nb.trim()).not.toBe('');
    }
  });

  it('covers the core customer-service vocabulary the brief names', () => {
    const has = (en: string, nb: string) => GLOSSARY_NB_EN.some(([e, n]) => e === en && n === nb);
    expect(has('invoice', 'faktura')).toBe(true);
    expect(has('due date', 'forfallsdato')).toBe(true);
    expect(has('direct debit', 'avtalegiro')).toBe(true);
    expect(has('notice period', 'oppsigelsestid')).toBe(true);
    expect(has('opening hours', 'åpningstider')).toBe(true);
    expect(has('credit check', 'kredittvurdering')).toBe(true);
    expect(has('stolen', 'stjålet')).toBe(true);
  });
});

describe('createTermTranslator', () => {
  const t = createTermTranslator();

  it('translates English words into bokmål, including every translation of a word', () => {
    const out = t.translate('stolen phone', 'en');
    expect(out).toEqual(expect.arrayContaining(['stjålet', 'telefon', 'mobil']));
  });

  it('translates bokmål words into English', () => {
    expect(t.translate('stjålet mobil', 'nb')).toEqual(expect.arrayContaining(['stolen', 'phone']));
  });

  it('knows telecom words the Norwegian sites write differently, and parts of a country as the country', () => {
    expect(t.translate('How do I turn on wifi calling?')).toEqual(expect.arrayContaining(['wifi-anrop', 'slå på']));
    expect(t.translate('How many days a year can I use it at my cabin?')).toEqual(expect.arrayContaining(['dag', 'år', 'hytte']));
    expect(t.translate('er england med i roam like home')).toContain('storbritannia');
  });

  it('knows the multiword customer-service terms whose words alone translate wrongly', () => {
    expect(t.translate('Can I order a replacement SIM?', 'en')).toEqual(expect.arrayContaining(['erstatningskort', 'nytt sim-kort']));
    expect(t.translate('Does unused data roll over?', 'en')).toEqual(['ubrukt data', 'overføre', 'bli med']);
    expect(t.translate('compensation for a network outage', 'en')).toContain('feil i nettet');
    expect(t.translate('Is there an early termination fee?', 'en')).toContain('bruddgebyr');
    expect(t.translate('What is the setup fee?', 'en')).toContain('etableringsavgift');
    expect(t.translate('Hva koster erstatningskortet?', 'nb')).toContain('replacement card');
  });

  it('translates the words of security and fraud questions', () => {
    expect(t.translate('I got a suspicious text', 'en')).toEqual(expect.arrayContaining(['mistenkelig', 'sms']));
    expect(t.translate('I was tricked by a fake message', 'en')).toEqual(expect.arrayContaining(['lurt', 'falsk', 'melding']));
  });

  it('reads the text as both languages when no language is given', () => {
    expect(t.translate('stolen mobil')).toEqual(expect.arrayContaining(['stjålet', 'phone']));
  });

  it('only reads the given language when one is given', () => {
    expect(t.translate('stolen phone', 'nb')).toEqual([]);
    expect(t.translate('stjålet mobil', 'en')).toEqual([]);
  });

  it('prefers the longest phrase over its words', () => {
    const out = t.translate('What are your opening hours?', 'en');
    expect(out).toContain('åpningstider');
    // "open" alone would translate to "åpen"; the phrase match consumed it.
    expect(out).not.toContain('åpen');
    expect(t.translate('When is the due date?', 'en')).toEqual(['forfallsdato', 'forfall']);
  });

  it('matches phrases in the other direction, and multiword translations come back whole', () => {
    expect(t.translate('Hva er oppsigelsestiden?', 'nb')).toEqual(['notice period', 'period of notice']);
    expect(t.translate('I want to cancel', 'en')).toContain('si opp');
  });

  it('matches English inflections: plural, -es, -ed and -ing', () => {
    expect(t.translate('invoices', 'en')).toContain('faktura');
    expect(t.translate('charges', 'en')).toContain('gebyr');
    expect(t.translate('my card was blocked', 'en')).toContain('sperre');
    expect(t.translate('billing', 'en')).toContain('fakturering');
    expect(t.translate('porting', 'en')).toContain('flytte');
  });

  it('matches Norwegian definite and plural forms: -en, -et, -a, -er, -ene', () => {
    expect(t.translate('fakturaen', 'nb')).toContain('invoice');
    expect(t.translate('abonnementet', 'nb')).toContain('subscription');
    expect(t.translate('regninga', 'nb')).toContain('bill');
    expect(t.translate('fakturaer', 'nb')).toContain('invoice');
    expect(t.translate('fakturaene', 'nb')).toContain('invoice');
    expect(t.translate('ruteren', 'nb')).toContain('router');
  });

  it('matches inflected words inside a phrase', () => {
    expect(t.translate('the opening hour', 'en')).toContain('åpningstider');
    expect(t.translate('due dates', 'en')).toContain('forfallsdato');
  });

  it('ignores case and accents on the input side', () => {
    expect(t.translate('STJALET', 'nb')).toContain('stolen');
    expect(t.translate('Apningstider', 'nb')).toContain('opening hours');
    expect(t.translate('Ínvóice', 'en')).toContain('faktura');
  });

  it('returns each translation once, in text order', () => {
    expect(t.translate('passwords, password and a PASSWORD', 'en')).toEqual(['passord']);
    expect(t.translate('password invoice', 'en')[0]).toBe('passord');
    // "bill" and "invoice" both translate to "faktura"; it is returned once.
    expect(t.translate('invoice bill', 'en').filter((w) => w === 'faktura')).toHaveLength(1);
  });

  it('leaves out translations the text already contains, inflected or not', () => {
    expect(t.translate('invoice faktura', 'en')).not.toContain('faktura');
    expect(t.translate('phone telefon', 'en')).toEqual(['mobil']);
    expect(t.translate('notice period oppsigelsestiden', 'en')).toEqual([]);
    // Stemmed alike, so the index already matches "mobile" to "mobil".
    expect(t.translate('mobil', 'nb')).not.toContain('mobile');
  });

  it('ignores unknown words and empty text', () => {
    expect(t.translate('xyzzy plugh frobnicate')).toEqual([]);
    expect(t.translate('')).toEqual([]);
  });

  it('does not translate a stem that is a false friend from the other language', () => {
    // English "date" and Norwegian "data" share the Norwegian stem "dat".
    expect(t.translate('date')).toEqual([]);
    // A stop word on its own is never translated, even if its stem is a glossary word's.
    expect(t.translate('det var', 'nb')).toEqual([]);
  });

  it('works with a caller-supplied glossary', () => {
    const pairs: GlossaryPair[] = [['gift card', 'gavekort'], ['card', 'kort']];
    const custom = createTermTranslator(pairs);
    expect(custom.translate('a gift card and a card')).toEqual(['gavekort', 'kort']);
    expect(custom.translate('invoice')).toEqual([]);
  });

  it('rejects a glossary pair with an empty side', () => {
    expect(() => createTermTranslator([['invoice', '  ']])).toThrow(LaerlingError);
  });

  it('translates a 20-word question in well under 0.1 ms', () => {
    const question =
      'My phone was stolen yesterday and I need to block the SIM card and order a new one quickly please';
    for (let i = 0; i < 200; i++) t.translate(question);
    const runs = 2000;
    const start = performance.now();
    for (let i = 0; i < runs; i++) t.translate(question);
    expect((performance.now() - start) / runs).toBeLessThan(0.1);
  });
});

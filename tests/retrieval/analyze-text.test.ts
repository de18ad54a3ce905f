import { describe, expect, it } from 'vitest';
import { createAnalyzer, foldText, tokenize } from '../../src/retrieval/analyze-text.js';

describe('foldText / tokenize', () => {
  it('folds case and foreign accents but keeps æ, ø and å', () => {
    expect(foldText('Ærlig FØR Åpning Café Müller')).toBe('ærlig før åpning cafe muller');
  });

  it('splits on anything but letters and digits, keeping codes like 4G and dropping lone letters', () => {
    expect(tokenize("Hvorfor får jeg ikke 4G-dekning? It's slow!")).toEqual(['hvorfor', 'får', 'jeg', 'ikke', '4g', 'dekning', 'it', 'slow']);
  });
});

describe('createAnalyzer', () => {
  const a = createAnalyzer();
  const stems = (text: string) => a.contentWords(text).map((w) => w.terms);
  const shares = (x: string, y: string) => a.terms(x).some((t) => a.terms(y).includes(t));

  it('drops Norwegian and English stop words', () => {
    expect(a.contentWords('Hvordan kan jeg betale fakturaen?').map((w) => w.word)).toEqual(['betale', 'fakturaen']);
    expect(a.contentWords('How do I pay the invoice?').map((w) => w.word)).toEqual(['pay', 'invoice']);
    expect(a.terms('the')).toEqual([]);
    // All three genders of "hvilken", like "which".
    expect(a.contentWords('Hvilket nummer ringer jeg, og hvilken hvilke?').map((w) => w.word)).toEqual(['nummer', 'ringer']);
  });

  it('drops nynorsk and spoken function words too, so they do not count as content a page lacks', () => {
    expect(a.contentWords('korleis flyttar eg nummeret mitt til dykk?').map((w) => w.word)).toEqual(['flyttar', 'nummeret']);
    expect(a.contentWords('ka koste det å ringe heim fra Spania').map((w) => w.word)).toEqual(['koste', 'ringe', 'heim', 'spania']);
  });

  it('matches Norwegian inflections with the Norwegian stemmer', () => {
    expect(shares('fakturaen', 'faktura')).toBe(true);
    expect(shares('abonnementet', 'abonnementer')).toBe(true);
    expect(shares('telefonen', 'telefon')).toBe(true);
  });

  it('matches plurals the stemmer cannot undo with their singular', () => {
    expect(shares('sifre', 'siffer')).toBe(true);
    expect(shares('numrene', 'nummer')).toBe(true);
    expect(shares('bøter', 'bot')).toBe(true);
    // "netter" (nights) would otherwise stem as "nett" (the internet).
    expect(shares('netter', 'natt')).toBe(true);
    expect(shares('netter', 'nettet')).toBe(false);
  });

  it('matches the forms of strong verbs, but not those of the light verbs that frame questions', () => {
    expect(shares('slått', 'slå')).toBe(true);
    expect(shares('slår', 'slo')).toBe(true);
    expect(shares('valgte', 'velge')).toBe(true);
    expect(shares('tar', 'tatt')).toBe(false);
  });

  it('matches English inflections with the English stemmer', () => {
    expect(shares('invoices', 'invoice')).toBe(true);
    expect(shares('deleting', 'deleted')).toBe(true);
    expect(shares('notifications', 'notification')).toBe(true);
  });

  it('does not conflate unrelated words', () => {
    expect(shares('faktura', 'fart')).toBe(false);
    expect(shares('account', 'count')).toBe(false);
  });

  it('leaves short codes and numbers unstemmed and counts each content word once', () => {
    expect(stems('PUK puk 5G')).toEqual([['puk'], ['5g']]);
  });
});

import { describe, expect, it } from 'vitest';
import { answerLanguage, detectLanguage, plainLanguage } from '../../src/ingest/detect-language.js';

describe('detectLanguage', () => {
  it.each([
    ['nb-NO', 'nb'],
    ['no', 'nb'],
    ['nb', 'nb'],
    ['nn', 'nn'],
    ['nn-NO', 'nn'],
    ['en-GB', 'en'],
    ['EN', 'en'],
  ] as const)('trusts the html lang hint %s', (hint, expected) => {
    expect(detectLanguage('the text says something else entirely', hint)).toBe(expected);
  });

  it('ignores an unrecognised hint and looks at the text', () => {
    expect(detectLanguage('how do I port my number', 'de-DE')).toBe('en');
    expect(detectLanguage('hvordan bytter jeg abonnement', '')).toBe('nb');
  });

  it.each([
    'hvordan bytte sim',
    'Hvordan aktiverer jeg eSIM på Apple Watch?',
    'kan jeg bruke roaming i utlandet',
    'mistet mobilen, hva gjør jeg nå',
    'faktura forfalt',
    'Jeg har glemt PUK-koden og SIM-kortet er sperret',
    'hvorfor er regningen så høy denne måneden?',
    'åpningstider kundeservice',
  ])('detects bokmål in %j', (question) => {
    expect(detectLanguage(question)).toBe('nb');
  });

  it.each([
    'korleis byttar eg abonnement',
    'kva kostar det å ringe frå utlandet',
    'eg har mista mobilen og får ikkje logga inn',
    'Me har berre dårleg dekning heime',
    'kvifor fungerer ikkje eSIM på klokka mi',
  ])('detects nynorsk in %j', (question) => {
    expect(detectLanguage(question)).toBe('nn');
  });

  it.each([
    'how port number',
    'How do I activate eSIM on my Apple Watch?',
    'can I pay my Talkmore invoice with Vipps',
    'What is the PUK code for my Telenor SIM?',
    'my phone was stolen in Bergen, what should I do',
    'Does the Fri Flyt subscription include roaming in Sverige?',
    'opening hours',
  ])('detects English in %j', (question) => {
    expect(detectLanguage(question)).toBe('en');
  });

  it('falls back to bokmål when nothing is recognised', () => {
    expect(detectLanguage('')).toBe('nb');
    expect(detectLanguage('eSIM iPhone 15')).toBe('nb');
    expect(detectLanguage('???')).toBe('nb');
  });

  it('detects the language of longer page text', () => {
    const en = 'To transfer your number to us, order a new subscription and choose to keep your number. '
      + 'We handle the rest with your old operator, and the switch usually takes two working days.';
    const nb = 'For å flytte nummeret ditt til oss bestiller du et nytt abonnement og velger å beholde nummeret. '
      + 'Vi ordner resten med den gamle operatøren din, og byttet tar vanligvis to virkedager.';
    const nn = 'For å flytte nummeret ditt til oss, bestiller du eit nytt abonnement og vel å behalde nummeret. '
      + 'Me ordnar resten med den gamle operatøren din, og bytet tek vanlegvis to vyrkedagar. Det er ikkje vanskeleg.';
    expect(detectLanguage(en)).toBe('en');
    expect(detectLanguage(nb)).toBe('nb');
    expect(detectLanguage(nn)).toBe('nn');
  });
});

describe('answerLanguage', () => {
  it('answers nynorsk in bokmål and keeps nb and en', () => {
    expect(answerLanguage('nn')).toBe('nb');
    expect(answerLanguage('nb')).toBe('nb');
    expect(answerLanguage('en')).toBe('en');
  });
});

describe('plainLanguage', () => {
  it('names the language only on evidence', () => {
    expect(plainLanguage('How do I get eSIM on my Apple Watch?')).toBe('en');
    expect(plainLanguage('I want a human')).toBe('en');
    expect(plainLanguage('Jeg vil snakke med et menneske')).toBe('nb');
    expect(plainLanguage('korleis seier eg opp abonnementet')).toBe('nb');
    for (const unclear of ['ok', 'ja takk', 'Apple Watch', '4G', 'eSIM', 'hei', '']) expect(plainLanguage(unclear)).toBeUndefined();
  });
});

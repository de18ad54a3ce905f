import { describe, expect, it } from 'vitest';
import { classifyNumber, isIban, isNorwegianAccount, isNorwegianNationalId, passesLuhn, redactPii } from '../../src/privacy/redact.js';

describe('check digits', () => {
  it('validates fødselsnummer and D-numbers by both mod-11 digits', () => {
    expect(isNorwegianNationalId('15076500565')).toBe(true);
    expect(isNorwegianNationalId('150765 00565')).toBe(true);
    expect(isNorwegianNationalId('15076500566')).toBe(false);
    expect(isNorwegianNationalId('41019012393')).toBe(true); // D-number: day + 40
    expect(isNorwegianNationalId('32019012393')).toBe(false); // no day 32
  });
  it('accepts numbers issued from 2032, whose first check digit follows the new rule', () => {
    // Weighted sum including k1 leaves remainder 2: invalid under the old rule, valid under the new one.
    expect(isNorwegianNationalId('02033245605')).toBe(true);
  });
  it('validates account numbers, cards and IBANs', () => {
    expect(isNorwegianAccount('1234.56.78903')).toBe(true);
    expect(isNorwegianAccount('1234.56.78904')).toBe(false);
    expect(passesLuhn('4111 1111 1111 1111')).toBe(true);
    expect(passesLuhn('4111 1111 1111 1112')).toBe(false);
    expect(isIban('NO93 8601 1117 947')).toBe(true);
    expect(isIban('GB82 WEST 1234 5698 7654 32')).toBe(true);
    expect(isIban('NO94 8601 1117 947')).toBe(false);
  });
  it('classifies numbers', () => {
    expect(classifyNumber('912 34 567')).toBe('phone');
    expect(classifyNumber('+47 912 34 567')).toBe('phone');
    expect(classifyNumber('+44 20 7946 0958')).toBe('phone');
    expect(classifyNumber('12.05.2026')).toBeNull();
    expect(classifyNumber('1234567')).toBeNull();
  });
});

describe('redactPii', () => {
  it('redacts every kind and says which it found', () => {
    const r = redactPii(
      'Jeg er Ola (ola.nordmann@example.no, 912 34 567), fnr 15076500565, konto 1234.56.78903, kort 4111-1111-1111-1111, IBAN NO93 8601 1117 947.',
    );
    expect(r.text).toBe('Jeg er Ola ([e-post], [telefon]), fnr [fødselsnummer], konto [kontonummer], kort [kortnummer], IBAN [IBAN].');
    expect(r.found.sort()).toEqual(['account', 'card', 'email', 'iban', 'national-id', 'phone']);
  });
  it('redacts international numbers with brackets around the area code or trunk zero', () => {
    expect(redactPii('call +1 (555) 123-4567').text).toBe('call [telefon]');
    expect(redactPii('+46 (0)8 123 456 78')).toEqual({ text: '[telefon]', found: ['phone'] });
    expect(redactPii('ring meg på +47 (0) 22 33 44 55.').text).toBe('ring meg på [telefon].');
    expect(redactPii('tlf (+47) 912 34 567 eller (0047) 22 33 44 55').text).toBe('tlf [telefon] eller [telefon]');
    // A country code makes it a phone number even when its digits pass an account or id check.
    expect(classifyNumber('+1 (507) 650-0565')).toBe('phone');
  });
  it('still finds a number that brackets joined to something else', () => {
    expect(redactPii('(1) 22 33 44 55, (2) fnr 15076500565').text).toBe('(1) [telefon], (2) fnr [fødselsnummer]');
    expect(redactPii('ring (912 34 567)').text).toBe('ring ([telefon])');
    // Without a country code in front, brackets join nothing: these are three figures.
    expect(redactPii('2 (3) 45 67 89').text).toBe('2 (3) 45 67 89');
  });
  it('leaves bracketed numbers that are not phone numbers alone', () => {
    const text = 'iPhone 15 (128) 4990 kr, pris 1 299 (1 499) kr, ordre 12345678 (2 stk), (555) 123-4567, PIN (4) 1234 5678';
    expect(redactPii(text)).toEqual({ text, found: [] });
  });
  it("leaves ISO dates and opening hours alone, though they have a landline's 8 digits", () => {
    const text = 'Tilbudet varer til 2026-11-27, butikken har åpent 20.00-22.00 og 10.00 - 16.00';
    expect(redactPii(text)).toEqual({ text, found: [] });
    expect(redactPii('ring 2233-44-55 eller 22.33-44.55').text).toBe('ring [telefon] eller [telefon]');
  });
  it('leaves numbers that are not PII alone', () => {
    const text = 'Ordrenummer 15076500566 kostet 1 299 kr den 12.05.2026, 500 MB i 30 dager, PUK 12345678';
    expect(redactPii(text)).toEqual({ text, found: [] });
  });
});

describe('redactPii: numbers and addresses written other ways', () => {
  it('finds ids, cards, accounts and IBANs glued to a word when their check digits hold', () => {
    expect(redactPii('personnummer15038510034').text).toBe('personnummer[fødselsnummer]');
    expect(redactPii('kortnr4111111111111111, takk').text).toBe('kortnr[kortnummer], takk');
    expect(redactPii('konto12345678903').text).toBe('konto[kontonummer]');
    expect(redactPii('kontoNO9386011117947').text).toBe('konto[IBAN]');
    expect(redactPii('fnr15076500565nå').text).toBe('fnr[fødselsnummer]nå');
  });
  it('leaves glued numbers alone that fail their checks, and glued phone shapes (product codes)', () => {
    const text = 'varenr ABC12345678, SKU12345678901, modell XR4111111111111112, ordre#15076500566, tlf91234567, iPhone15 Pro 256GB';
    expect(redactPii(text)).toEqual({ text, found: [] });
  });
  it('accepts "/" inside ids and phone numbers', () => {
    expect(redactPii('fnr 150385/10034').text).toBe('fnr [fødselsnummer]');
    expect(redactPii('tlf 912/34/567 eller 22/33/44/55').text).toBe('tlf [telefon] eller [telefon]');
    // A slash between two numbers: each is judged alone.
    expect(redactPii('tlf 912 34 567/22 33 44 55').text).toBe('tlf [telefon]/[telefon]');
  });
  it('leaves dates, prices, hours and case numbers with slashes alone', () => {
    const text = 'Bestilt 27/11/2026, levert 2026/11/27, kr 2 499/3 999, ordre 2345/6789, sak 2026/123456, åpent 08.00-16.00/10.00-14.00, 1/2 pris til 31/12, konto 1234/56/78903';
    expect(redactPii(text)).toEqual({ text, found: [] });
  });
  it('matches full-width digits and no-break spaces, and keeps the rest of the text as written', () => {
    expect(redactPii('tlf ９１２３４５６７').text).toBe('tlf [telefon]');
    expect(redactPii('ring 912\u00a034\u00a0567, takk').text).toBe('ring [telefon], takk');
    expect(redactPii('ﬁnn fnr１５０７６５００５６５ – ½ pris ２９９ kr').text).toBe('ﬁnn fnr[fødselsnummer] – ½ pris ２９９ kr');
    const text = 'pris ２９９ kr, ½ pris, ﬁre ① ordre １２３４５６７８';
    expect(redactPii(text)).toEqual({ text, found: [] });
  });
  it('finds e-mail addresses spelt with (at), [at], (dot), [dot] or full-width characters', () => {
    expect(redactPii('skriv til ola.nordmann(at)gmail.com').text).toBe('skriv til [e-post]');
    expect(redactPii('ola.nordmann [at] gmail [dot] com, takk').text).toBe('[e-post], takk');
    expect(redactPii('OLA [AT] GMAIL [DOT] COM!')).toEqual({ text: '[e-post]!', found: ['email'] });
    expect(redactPii('ola＠gmail．com').text).toBe('[e-post]');
  });
  it('leaves "(at)" and "[at]" that are no address alone', () => {
    const text = 'møte (at) kontoret kl 10, hva koster det [at] tlf, pris (at) 3.99';
    expect(redactPii(text)).toEqual({ text, found: [] });
  });
});

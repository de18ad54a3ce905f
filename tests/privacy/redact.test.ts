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

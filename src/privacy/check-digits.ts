/**
 * Check digits of the numbers redaction looks for: Norwegian national identity numbers (mod 11,
 * with the rule for numbers issued from 2032), bank accounts (mod 11), cards (Luhn) and IBANs
 * (mod 97). A number is PII only when they hold, so order numbers, prices and dates stay.
 */
const digitsOf = (s: string) => s.replace(/\D/g, '').split('').map(Number);

/** Mod-11 check digit for `digits` with `weights`; null when the remainder makes the number invalid (10). */
function mod11(digits: readonly number[], weights: readonly number[]): number | null {
  const sum = weights.reduce((acc, w, i) => acc + w * digits[i]!, 0);
  const k = 11 - (sum % 11);
  return k === 11 ? 0 : k === 10 ? null : k;
}

const K1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/**
 * A valid fødselsnummer or D-number (day + 40). The second check digit is always mod 11. The first
 * is mod 11 for numbers issued before 2032; from 2032 the weighted sum including it (weight 1) may
 * leave a remainder of 0, 1, 2 or 3, so both rules are accepted here.
 */
export function isNorwegianNationalId(raw: string): boolean {
  const d = digitsOf(raw);
  if (d.length !== 11) return false;
  let day = d[0]! * 10 + d[1]!;
  if (day > 40) day -= 40; // D-number
  const month = d[2]! * 10 + d[3]!;
  // Month + 40 (H-numbers) and + 80 (synthetic test numbers from Tenor) are valid too.
  const plausibleDate = day >= 1 && day <= 31 && [0, 40, 80].some((o) => month - o >= 1 && month - o <= 12);
  if (!plausibleDate) return false;
  if (mod11(d, K2) !== d[10]) return false;
  const oldRule = mod11(d, K1) === d[9];
  const newRule = [...K1, 1].reduce((acc, w, i) => acc + w * d[i]!, 0) % 11 <= 3;
  return oldRule || newRule;
}

/** A Norwegian bank account number: 11 digits, the last a mod-11 check digit. */
export function isNorwegianAccount(raw: string): boolean {
  const d = digitsOf(raw);
  return d.length === 11 && mod11(d, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) === d[10];
}

/** The Luhn check of card numbers (13–19 digits). */
export function passesLuhn(raw: string): boolean {
  const d = digitsOf(raw);
  if (d.length < 13 || d.length > 19) return false;
  let sum = 0;
  for (let i = 0; i < d.length; i++) {
    let x = d[d.length - 1 - i]!;
    if (i % 2 === 1) x = x * 2 > 9 ? x * 2 - 9 : x * 2;
    sum += x;
  }
  return sum % 10 === 0;
}

/** An IBAN with a valid mod-97 checksum. */
export function isIban(raw: string): boolean {
  const s = raw.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(s)) return false;
  const moved = s.slice(4) + s.slice(0, 4);
  let rem = 0;
  for (const ch of moved) {
    const v = /[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch;
    for (const c of v) rem = (rem * 10 + Number(c)) % 97;
  }
  return rem === 1;
}

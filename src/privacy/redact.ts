/**
 * PII redaction for everything we keep for learning or send to a model: e-mail addresses, phone
 * numbers (Norwegian and international, "+1 (555) 123-4567" too), Norwegian national identity
 * numbers (fødselsnummer and D-numbers, checked with their mod-11 digits, including the rule for
 * numbers issued from 2032), card numbers (Luhn), Norwegian bank account numbers (mod 11) and
 * IBANs (mod 97). Numbers are replaced only when their check digits hold, so order numbers,
 * prices and dates stay.
 */
export type PiiKind = 'email' | 'national-id' | 'card' | 'account' | 'iban' | 'phone';

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

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
const IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b/g;
// Digit runs with the separators people type inside numbers (space, dot, dash).
const PLAIN_NUMBER = /(?<![\p{L}\p{N}])\+?\d[\d .-]{6,22}\d(?![\p{L}\p{N}])/gu;
// The same, with brackets around a short group as international numbers are written: an area
// code or the trunk zero ("+1 (555) 123-4567", "+46 (0)8 123 456 78"), or the country code in
// front ("(+47) 912 34 567").
const NUMBER = /(?<![\p{L}\p{N}])(?:\(\+?\d{1,4}\) ?|\+)?\d(?:[\d .-]|\(\d{1,4}\)){6,22}\d(?![\p{L}\p{N}])/gu;
// A leading "+" or "(+" is a country code: the number is a phone number, never an id or account.
const INTERNATIONAL = /^\(?\+/;

/** Which kind of PII a run of digits is, judged by its check digits and shape, or null. */
export function classifyNumber(raw: string): PiiKind | null {
  const digits = raw.replace(/\D/g, '');
  if (INTERNATIONAL.test(raw.trim())) return digits.length >= 8 && digits.length <= 15 ? 'phone' : null;
  if (digits.length === 11 && isNorwegianNationalId(digits)) return 'national-id';
  if (digits.length === 11 && isNorwegianAccount(digits)) return 'account';
  if (digits.length >= 13 && digits.length <= 19 && passesLuhn(digits)) return 'card';
  if (isPhone(raw, digits)) return 'phone';
  return null;
}

function isPhone(raw: string, digits: string): boolean {
  const t = raw.trim();
  if (digits.startsWith('0047') && digits.length === 12) return true;
  if (digits.startsWith('47') && digits.length === 10 && /^[49]/.test(digits.slice(2))) return true;
  // Norwegian numbers: 8 digits; mobiles start with 4 or 9, landlines with 2, 3, 5, 6, 7.
  return digits.length === 8 && /^[2-79]/.test(digits) && !isDateOrHours(t);
}

// Dates and opening hours that have the 8 digits of a landline: 12.05.2026, 2026-11-27, 20.00-22.00.
function isDateOrHours(t: string): boolean {
  if (/^\d{2}[.-]\d{2}[.-]\d{4}$/.test(t)) return true;
  const iso = /^\d{4}-(\d{2})-(\d{2})$/.exec(t);
  if (iso) return Number(iso[1]) >= 1 && Number(iso[1]) <= 12 && Number(iso[2]) >= 1 && Number(iso[2]) <= 31;
  const hours = /^(\d{2})\.(\d{2}) ?- ?(\d{2})\.(\d{2})$/.exec(t);
  return hours !== null && Number(hours[1]) <= 24 && Number(hours[3]) <= 24 && Number(hours[2]) < 60 && Number(hours[4]) < 60;
}

const TAG: Record<PiiKind, string> = {
  email: '[e-post]',
  'national-id': '[fødselsnummer]',
  card: '[kortnummer]',
  account: '[kontonummer]',
  iban: '[IBAN]',
  phone: '[telefon]',
};

/** Replace PII in text with tags such as "[telefon]"; also returns which kinds were found. */
export function redactPii(text: string): { text: string; found: PiiKind[] } {
  const found = new Set<PiiKind>();
  let out = text.replace(EMAIL, () => {
    found.add('email');
    return TAG.email;
  });
  out = out.replace(IBAN, (m) => {
    if (!isIban(m)) return m;
    found.add('iban');
    return TAG.iban;
  });
  out = redactNumbers(out, found);
  return { text: out, found: [...found] };
}

function redactNumbers(text: string, found: Set<PiiKind>): string {
  return text.replace(NUMBER, (m) => {
    if (!/[()]/.test(m)) return redactRun(m, found);
    // Brackets are how international numbers are written; without a country code in front they
    // would join unrelated figures ("2 (3) 45 67 89") into eight digits that look like a phone.
    const kind = /^(?:\(?\+|\(00)/.test(m.trim()) ? classifyNumber(m) : null;
    if (kind) return tagged(kind, found);
    // Brackets can join a phone number to something that is not one ("(1) 22 33 44 55"): then
    // the runs between them are judged alone, as they were before brackets counted.
    return m.replace(PLAIN_NUMBER, (run) => redactRun(run, found));
  });
}

function redactRun(run: string, found: Set<PiiKind>): string {
  const kind = classifyNumber(run);
  return kind ? tagged(kind, found) : run;
}

function tagged(kind: PiiKind, found: Set<PiiKind>): string {
  found.add(kind);
  return TAG[kind];
}

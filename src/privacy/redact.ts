import { isIban, isNorwegianAccount, isNorwegianNationalId, passesLuhn } from './check-digits.js';
import { matchingText, originalRange } from './matching-text.js';

export { isIban, isNorwegianAccount, isNorwegianNationalId, passesLuhn } from './check-digits.js';

/**
 * PII redaction for everything we keep for learning or send to a model: e-mail addresses (also
 * spelt "ola(at)example.com" or "ola [at] example [dot] com"), phone numbers (Norwegian and
 * international, "+1 (555) 123-4567" and "912/34/567" too), Norwegian national identity numbers
 * (fødselsnummer and D-numbers), card numbers, Norwegian bank account numbers and IBANs, judged by
 * their check digits (check-digits.ts), so order numbers, prices and dates stay. Matching runs on
 * the NFKC form of the text (full-width digits and "＠", no-break spaces); only the matches are
 * replaced, the rest of the text stays as written.
 */
export type PiiKind = 'email' | 'national-id' | 'card' | 'account' | 'iban' | 'phone';

// "(at)", "[at]" and "(dot)", "[dot]" (any case, spaces around) are how people hide an address
// from scrapers; "krøllalfa" and "punktum" are the Norwegian words.
const AT = String.raw`(?:@|\s*[(\[]\s*(?:at|krøllalfa)\s*[)\]]\s*)`;
const DOT = String.raw`(?:\.|\s*[(\[]\s*(?:dot|punktum)\s*[)\]]\s*)`;
// The lookbehind starts a match only where an address can start: trying every position inside
// a long word made a 100k-character text take seconds.
const EMAIL = new RegExp(String.raw`(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+${AT}[\p{L}\p{N}-]+(?:${DOT}[\p{L}\p{N}-]+)*${DOT}\p{L}{2,}`, 'giu');
// Not \b: an IBAN glued to a word ("kontoNO93 8601 1117 947") is still one when mod 97 holds.
const IBAN = /(?<![A-Z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?(?![A-Z0-9])/g;
// Digit runs with the separators people type inside numbers (space, dot, dash, slash).
const PLAIN_NUMBER = /(?<![\p{L}\p{N}])\+?\d[\d .\/-]{6,22}\d(?![\p{L}\p{N}])/gu;
// The same, with brackets around a short group as international numbers are written: an area
// code or the trunk zero ("+1 (555) 123-4567", "+46 (0)8 123 456 78"), or the country code in
// front ("(+47) 912 34 567").
const NUMBER = /(?<![\p{L}\p{N}])(?:\(\+?\d{1,4}\) ?|\+)?\d(?:[\d .\/-]|\(\d{1,4}\)){6,22}\d(?![\p{L}\p{N}])/gu;
// A run of at least 11 digits that may touch letters ("personnummer15038510034"): judged only as
// an id, account or card, whose check digits make a chance match rare. A glued 8-digit run is
// far more often a product or order code than a phone number, so it is left alone.
const GLUED_NUMBER = /(?<!\p{N})\d(?:[\d .\/-]){9,28}\d(?!\p{N})/gu;
// A leading "+" or "(+" is a country code: the number is a phone number, never an id or account.
const INTERNATIONAL = /^\(?\+/;
// Slashes in a phone number stand between its usual groups: 912/34/567, 22/33/44/55.
const SLASHED_PHONE = /^\d{2,3}(?:\/\d{2,3}){2,3}$/;

/** Which kind of PII a run of digits is, judged by its check digits and shape, or null. */
export function classifyNumber(raw: string): PiiKind | null {
  const digits = raw.replace(/\D/g, '');
  if (INTERNATIONAL.test(raw.trim())) return digits.length >= 8 && digits.length <= 15 ? 'phone' : null;
  if (raw.includes('/')) return slashedNumber(raw, digits, true);
  return checkedNumber(digits) ?? (isPhone(raw, digits) ? 'phone' : null);
}

// A slash joins the parts of an id ("150385/10034") or of a phone number, not of accounts or cards.
function slashedNumber(raw: string, digits: string, phones: boolean): PiiKind | null {
  if (isNorwegianNationalId(digits)) return 'national-id';
  return phones && SLASHED_PHONE.test(raw.trim()) && isPhone(raw, digits) ? 'phone' : null;
}

function checkedNumber(digits: string): PiiKind | null {
  if (digits.length === 11 && isNorwegianNationalId(digits)) return 'national-id';
  if (digits.length === 11 && isNorwegianAccount(digits)) return 'account';
  if (digits.length >= 13 && digits.length <= 19 && passesLuhn(digits)) return 'card';
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

interface Found {
  start: number;
  end: number;
  kind: PiiKind;
}

/** Replace PII in text with tags such as "[telefon]"; also returns which kinds were found. */
export function redactPii(text: string): { text: string; found: PiiKind[] } {
  const normal = matchingText(text);
  const spans: Found[] = [];
  // Each pass sees the text with what earlier passes found blanked out (with characters no
  // pattern matches), so the digits of a redacted address cannot be read again as a number.
  let seen = normal.text;
  const take = (start: number, end: number, kind: PiiKind) => {
    spans.push({ start, end, kind });
    seen = seen.slice(0, start) + '\u0000'.repeat(end - start) + seen.slice(end);
  };
  for (const m of normal.text.matchAll(EMAIL)) take(m.index, m.index + m[0].length, 'email');
  for (const m of [...seen.matchAll(IBAN)]) if (isIban(m[0])) take(m.index, m.index + m[0].length, 'iban');
  for (const m of [...seen.matchAll(NUMBER)]) for (const f of findNumbers(m[0], m.index)) take(f.start, f.end, f.kind);
  for (const m of [...seen.matchAll(GLUED_NUMBER)]) {
    const end = m.index + m[0].length;
    if (!/\p{L}/u.test(seen[m.index - 1] ?? '') && !/\p{L}/u.test(seen[end] ?? '')) continue; // judged above
    const digits = m[0].replace(/\D/g, '');
    const kind = m[0].includes('/') ? slashedNumber(m[0], digits, false) : checkedNumber(digits);
    if (kind) take(m.index, end, kind);
  }
  return { text: replaceSpans(text, normal, spans), found: [...new Set(spans.map((s) => s.kind))] };
}

// The PII in one NUMBER match starting at `offset`.
function findNumbers(run: string, offset: number): Found[] {
  if (/[()]/.test(run)) {
    // Brackets are how international numbers are written; without a country code in front they
    // would join unrelated figures ("2 (3) 45 67 89") into eight digits that look like a phone.
    const kind = /^(?:\(?\+|\(00)/.test(run.trim()) ? classifyNumber(run) : null;
    if (kind) return [{ start: offset, end: offset + run.length, kind }];
    // Brackets can join a phone number to something that is not one ("(1) 22 33 44 55"): then
    // the runs between them are judged alone, as they were before brackets counted.
    return [...run.matchAll(PLAIN_NUMBER)].flatMap((m) => findNumbers(m[0], offset + m.index));
  }
  const kind = classifyNumber(run);
  if (kind) return [{ start: offset, end: offset + run.length, kind }];
  if (!run.includes('/')) return [];
  // A slash also stands between two numbers ("912 34 567/22 33 44 55"): judge each side alone.
  const parts: Found[] = [];
  let at = 0;
  for (const part of run.split('/')) {
    for (const m of part.matchAll(PLAIN_NUMBER)) parts.push(...findNumbers(m[0], offset + at + m.index));
    at += part.length + 1;
  }
  return parts;
}

function replaceSpans(original: string, normal: ReturnType<typeof matchingText>, spans: Found[]): string {
  let out = '';
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const [start, end] = originalRange(normal, s.start, s.end);
    out += original.slice(at, start) + TAG[s.kind];
    at = end;
  }
  return out + original.slice(at);
}

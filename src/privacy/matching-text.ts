/**
 * A text in NFKC form for pattern matching, with the way back to the original: full-width digits
 * ("９１２"), the full-width "＠" and "．", and no-break spaces become the ASCII characters the
 * patterns know, while what is kept or shown stays exactly as the customer wrote it.
 */
export interface MatchingText {
  /** The NFKC form, one code point at a time. */
  text: string;
  /** For each UTF-16 index of `text` (and its length), the index in the original it came from. */
  origin: number[];
}

/** Normalise `original` for matching, remembering where each character came from. */
export function matchingText(original: string): MatchingText {
  let text = '';
  const origin: number[] = [];
  let at = 0;
  // Code point by code point, not the whole string at once, so every character of the result
  // maps back to exactly one original character (an expansion like "½" → "1⁄2" maps to the "½").
  for (const ch of original) {
    const normal = ch.normalize('NFKC');
    for (let i = 0; i < normal.length; i++) origin.push(at);
    text += normal;
    at += ch.length;
  }
  origin.push(at);
  return { text, origin };
}

/** The original range [start, end) that `text.slice(start, end)` came from. */
export function originalRange(m: MatchingText, start: number, end: number): [number, number] {
  // The end maps to where the last character's original ends: the next original index after it.
  const last = m.origin[end - 1]!;
  let stop = end;
  while (m.origin[stop]! === last) stop++;
  return [m.origin[start]!, m.origin[stop]!];
}

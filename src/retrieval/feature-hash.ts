/**
 * 32-bit FNV-1a of a string's UTF-16 code units (of text[start, end) when given, without
 * slicing): fast, deterministic on every platform.
 */
export function fnv1a(text: string, start = 0, end = text.length): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Scale a vector to unit length in place; a zero vector stays zero. */
export function normaliseInPlace(v: Float64Array | number[]): void {
  let sum = 0;
  for (const x of v) sum += x * x;
  if (sum === 0) return;
  const inv = 1 / Math.sqrt(sum);
  for (let i = 0; i < v.length; i++) v[i] = v[i]! * inv;
}

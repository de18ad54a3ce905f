// Characters that can sit inside an address. A dot counts only between two of them, so the full
// stop after "skriv til ola@nordmann.no." ends the address while ".com" in "ola@nordmann.no.com"
// extends it.
const ADDRESS_CHAR = /[\p{L}\p{N}_%+-]/u;

function extendsAddress(text: string, at: number, step: 1 | -1): boolean {
  const ch = text[at];
  if (ch === undefined) return false;
  if (ADDRESS_CHAR.test(ch)) return true;
  const beyond = text[at + step];
  return ch === '.' && beyond !== undefined && ADDRESS_CHAR.test(beyond);
}

/**
 * Whether `text` contains `email` as a whole address (case-insensitive) — not as part of a longer
 * one, so "ola@nordmann.no" is not in "kari.ola@nordmann.no" nor in "ola@nordmann.no.com".
 */
export function mentionsEmail(text: string, email: string): boolean {
  const needle = email.trim().toLowerCase();
  if (!needle) return false;
  const hay = text.toLowerCase();
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + 1)) {
    if (!extendsAddress(hay, i - 1, -1) && !extendsAddress(hay, i + needle.length, 1)) return true;
  }
  return false;
}

/**
 * A quick mood estimate for the agent's queue: calm or frustrated, from a small nb/en lexicon,
 * repeated punctuation, shouting and asking the same thing twice. Deliberately simple and
 * explainable (the signals are shown); with an LLM configured the caller may ask the model instead.
 */
const ANGRY = [
  'elendig', 'latterlig', 'forbanna', 'forbannet', 'sint', 'sinna', 'irritert', 'oppgitt', 'håpløst', 'håpløs', 'frustrert', 'skandale',
  'helt utrolig', 'dårlig service', 'fy faen', 'faen', 'jævla', 'drit', 'dritt', 'svindel', 'lurt', 'flau', 'lei av',
  'useless', 'ridiculous', 'angry', 'terrible', 'worst', 'awful', 'furious', 'annoyed', 'frustrated', 'unacceptable', 'scam', 'fed up', 'wtf', 'pathetic',
];
const NEGATORS = /\b(?:ikke|not|never|aldri|no)\s+(?:\w+\s+)?$/u;
/** Common all-caps codes that are not shouting. */
const ACRONYMS = new Set(['SIM', 'PUK', 'PIN', 'ESIM', 'BANKID', 'EU', 'EØS', 'USA', 'SMS', 'MMS', 'OK', 'ID', 'NRK', 'GB', 'MB', 'TV', 'IT', 'PDF', 'KID', 'IBAN', 'VPN', 'WIFI', 'DNB']);

/** Estimate the customer's mood from their messages, with the signals that decided it. */
export function estimateMood(customerMessages: readonly string[]): { mood: 'calm' | 'frustrated'; score: number; signals: string[] } {
  const signals: string[] = [];
  let score = 0;
  for (const message of customerMessages) {
    const lower = message.toLowerCase();
    for (const word of ANGRY) {
      const at = new RegExp(`(?:^|[^\\p{L}])${word}(?:$|[^\\p{L}])`, 'u').exec(lower);
      if (at && !NEGATORS.test(lower.slice(0, at.index + 1))) {
        score += 0.4;
        signals.push(`"${word}"`);
      }
    }
    if (/[!?]{3,}|!{2,}/.test(message)) {
      score += 0.25;
      signals.push('repeated punctuation');
    }
    const shouted = (message.match(/\b\p{Lu}{3,}\b/gu) ?? []).filter((w) => !ACRONYMS.has(w));
    if (shouted.length >= 2) {
      score += 0.35;
      signals.push('capitals');
    }
  }
  const normalised = customerMessages.map((m) => m.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()).filter(Boolean);
  if (new Set(normalised).size < normalised.length) {
    score += 0.3;
    signals.push('asked the same thing again');
  }
  const bounded = Math.min(1, score);
  return { mood: bounded >= 0.4 ? 'frustrated' : 'calm', score: bounded, signals: [...new Set(signals)] };
}

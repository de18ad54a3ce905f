import { z } from 'zod';
import { createAnalyzer, splitWords } from '../retrieval/analyze-text.js';

/** A topic that goes straight to a person, recognised by keywords (single words or phrases). */
export const sensitiveTopicSchema = z.strictObject({
  name: z.string().trim().min(1).max(60),
  keywords: z.array(z.string().trim().min(1)).min(1),
});
export type SensitiveTopic = z.infer<typeof sensitiveTopicSchema>;

/** The demo mobile operator's topics: money owed, leaving, complaints and bereavement want a person. */
export const DEFAULT_SENSITIVE_TOPICS: SensitiveTopic[] = [
  { name: 'complaint', keywords: ['klage', 'klager', 'reklamasjon', 'complaint', 'complain'] },
  { name: 'cancellation', keywords: ['si opp', 'sier opp', 'sa opp', 'oppsigelse', 'avslutte abonnementet', 'cancel', 'cancellation', 'terminate'] },
  { name: 'debt collection', keywords: ['inkasso', 'inkassovarsel', 'betalingsanmerkning', 'debt collection', 'debt collector'] },
  { name: 'bereavement', keywords: ['dødsfall', 'døde', 'dødsbo', 'avdød', 'deceased', 'passed away', 'bereavement'] },
];

const analyzer = createAnalyzer();
// Each word with its nb and en stems; stop words keep themselves, since phrases like "si opp" need them.
const forms = (text: string) => splitWords(text).map((w) => new Set([w, ...analyzer.terms(w)]));

const MAX_GAP = 2;
const same = (a: Set<string>, b: Set<string>) => [...a].some((f) => b.has(f));

// A phrase's words in order with at most two words between them: "sier jeg opp" matches "si opp".
function occursIn(phrase: Set<string>[], words: Set<string>[]): boolean {
  for (let start = 0; start < words.length; start++) {
    if (!same(phrase[0]!, words[start]!)) continue;
    let at = start;
    let ok = true;
    for (const part of phrase.slice(1)) {
      const next = words.slice(at + 1, at + 2 + MAX_GAP).findIndex((w) => same(part, w));
      if (next < 0) {
        ok = false;
        break;
      }
      at += next + 1;
    }
    if (ok) return true;
  }
  return false;
}

/** The first topic one of whose keywords (a word or phrase, compared by stems) occurs in the text, else null. */
export function matchSensitiveTopic(text: string, topics: readonly SensitiveTopic[]): string | null {
  const words = forms(text);
  for (const topic of topics) {
    for (const keyword of topic.keywords) {
      const k = forms(keyword);
      if (k.length === 0) continue;
      if (occursIn(k, words)) return topic.name;
    }
  }
  return null;
}

import type { Analyzer } from '../retrieval/analyze-text.js';
import type { Hit, PageHit } from '../retrieval/types.js';
import type { QueryWord } from '../retrieval/term-overlap.js';
import { answerLanguage } from '../ingest/detect-language.js';
import { passageOf, toPlainText } from './passage-text.js';
import { isFrameWord, valueEvidence, type ValueKind } from './value-kinds.js';

// A chunk of the page scoring at least this share of the picked one's may answer instead when it
// states the value the question asks for and the picked one does not.
const VALUE_HIT_RATIO = 0.35;

// "Hva koster det å sende SMS fra et cruiseskip?" is asked in the words of the page's advice ("Vi
// sender også en SMS …, med prisene", "ellers kan det koste deg"), but answered by the price table
// ("Sende SMS | 9 kr") in the next section. Among the page's chunks, the one whose line states the
// asked kind of value with the most of the question's specific words wins over the picked one.
export function pickValueHit(page: PageHit, picked: Hit, kinds: readonly ValueKind[], queryWords: readonly QueryWord[], analyzer: Analyzer): Hit {
  const specific = queryWords.filter((w) => !isFrameWord(w.word, kinds));
  let best = picked;
  const stated = valueEvidence(valueText(picked), kinds, specific, analyzer);
  // A Q&A answer that gives a value of the kind is the owner's answer, worded on purpose.
  if (picked.chunk.kind === 'qa' && stated !== undefined) return picked;
  let most = stated ?? -1;
  for (const h of page.hits) {
    if (h === picked || h.chunk.kind !== 'page' || answerLanguage(h.chunk.lang) !== answerLanguage(picked.chunk.lang) || h.score < picked.score * VALUE_HIT_RATIO) continue;
    const n = valueEvidence(valueText(h), kinds, specific, analyzer) ?? -1;
    if (n >= 1 && n > most) {
      best = h;
      most = n;
    }
  }
  return best;
}

// The text a chunk would be quoted from, its section headings and the heading over its first line.
function valueText(hit: Hit): { text: string; headings: readonly string[]; first: string } {
  const path = hit.chunk.headingPath;
  if (hit.chunk.kind === 'qa') return { text: toPlainText(hit.chunk.answer ?? ''), headings: [], first: '' };
  return { text: passageOf(hit), headings: hit.chunk.subheadings ?? [], first: path.length > 1 ? path[path.length - 1]! : '' };
}

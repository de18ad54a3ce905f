import { createAnalyzer, type Analyzer } from '../retrieval/analyze-text.js';
import type { Hit, PageHit } from '../retrieval/types.js';
import { queryWordsOf } from '../retrieval/word-alternatives.js';
import { messagesFor, type AnswerLang } from './messages.js';
import { collapse, splitSentences, truncateWords, type Sentence } from './sentences.js';
import { allTerms, isMatched, termSet, type QueryWord } from '../retrieval/term-overlap.js';
import type { Source } from './types.js';
import { answerLanguage } from '../ingest/detect-language.js';
import { askedKinds, type ValueKind } from './value-kinds.js';
import { pickValueHit } from './pick-value-hit.js';
import { passageOf } from './passage-text.js';

/** Longest offline answer, in words; one longer sentence is cut at a word with "…". */
export const MAX_ANSWER_WORDS = 60;
// A shorter answer gets the sentences after its best match too: they often hold the steps.
const FILL_WORDS = 25;
const FILL_SENTENCES = 2;
// A second source is listed only when its page is nearly as good as the first and covers the question.
const SECOND_SOURCE_RATIO = 0.9;
const SECOND_SOURCE_COVERAGE = 0.5;
// A chunk in the customer's language wins over the page's best chunk when it scores this close.
const SAME_LANG_RATIO = 0.9;

/** An answer composed without a language model, and the pages it came from. */
export interface ExtractiveAnswer {
  /** Plain text; empty when there is nothing to answer from. */
  answer: string;
  sources: Source[];
}

/** Compose an answer offline: a Q&A answer as written, or the best passage's most relevant sentences. */
export function composeExtractive(
  question: string,
  pages: readonly PageHit[],
  lang: AnswerLang,
  opts: { analyzer?: Analyzer; maxWords?: number } = {},
): ExtractiveAnswer {
  const top = pages[0];
  if (!top) return { answer: '', sources: [] };
  const analyzer = opts.analyzer ?? createAnalyzer();
  // A synonym or translation in a sentence or heading counts: an English question answered from a
  // Norwegian page picks the sentences with "mistet" for "lost", not the lead sentence.
  // Built when needed: a Q&A answer quoted as written needs none unless the question is a how-to.
  let words: QueryWord[] | undefined;
  const queryWords = () => (words ??= queryWordsOf(question, analyzer));
  const picked = pickHit(top, lang, HOW_TO.test(question) ? queryWords() : undefined, analyzer);
  const kinds = askedKinds(question);
  const hit = kinds.length === 0 ? picked : pickValueHit(top, picked, kinds, queryWords(), analyzer);
  const written = hit.chunk.kind === 'qa' ? hit.chunk.answer?.trim() : undefined;
  const quoted = written
    ? written
    : selectSentences(queryWords(), passageOf(hit), analyzer, opts.maxWords ?? MAX_ANSWER_WORDS, hit.chunk.subheadings, kinds);
  if (!quoted) return { answer: '', sources: [] };
  // Offline there is nothing to translate with: say that the passage is in the other language.
  const answer = sameLang(hit, lang) ? quoted : `${messagesFor(lang).quotedInOtherLanguage}\n${quoted}`;
  return { answer, sources: pickSources(pages) };
}

/**
 * The sentences of a passage that best answer a question, in document order, within maxWords;
 * sentences from different lines (list items, table rows) stay on their own lines.
 */
export function selectSentences(queryWords: readonly QueryWord[], passage: string, analyzer: Analyzer, maxWords: number, subheadings: readonly string[] = [], kinds: readonly ValueKind[] = []): string {
  const all = splitSentences(passage);
  if (all.length === 0) return '';
  // A heading inside the passage ("Åpningstider for kundeservice") matches the question best but
  // answers nothing: its match goes to the lines of its section (a table, a list), and it is never
  // quoted. Headings are whole lines, which the sentence splitter may cut ("2." "Prøv å …").
  const headingTexts = new Set(subheadings.map(collapse));
  // The same split into lines as splitSentences', so Sentence.line indexes it.
  const lines = passage.split(/\n+/);
  // Per heading line, the question words it names.
  const headingMatches = new Map<number, Set<QueryWord>>();
  lines.forEach((line, i) => {
    if (headingTexts.has(collapse(line))) {
      const terms = termSet(analyzer, line);
      headingMatches.set(i, new Set(queryWords.filter((w) => isMatched(w, terms))));
    }
  });
  const isHeading = (s: Sentence) => headingMatches.has(s.line);
  // A section lends its heading's match unless a sibling heading names the same question words
  // and more: for "eSIM på Apple Watch", "Aktivere på Samsung Galaxy Watch" shares only "watch"
  // with it, and its QR-code step is no step of the Apple Watch answer.
  const outdone = (words: Set<QueryWord>) => [...headingMatches.values()].some((other) => other.size > words.size && [...words].every((w) => other.has(w)));
  // Per sentence, the question words it has (a heading's lent to its section, see above), as a
  // count and weighted by how few of the passage's sentences have each: the page's topic ("data",
  // "mobilsvar") is in most, the word that tells them apart ("datapakker", "sekunder") in one.
  const found = all.map((s) => (isHeading(s) ? headingMatches.get(s.line)! : new Set(queryWords.filter((w) => isMatched(w, termSet(analyzer, s.text))))));
  const weight = new Map(queryWords.map((w) => [w, Math.log(1 + all.length / Math.max(1, found.filter((f) => f.has(w)).length))]));
  // Per sentence, the question words its section's heading lends it.
  const lent: Array<Set<QueryWord>> = [];
  let section = new Set<QueryWord>();
  for (const s of all) {
    if (isHeading(s)) section = outdone(headingMatches.get(s.line)!) ? new Set() : headingMatches.get(s.line)!;
    lent.push(isHeading(s) ? new Set() : section);
  }
  const score = (by: (words: Set<QueryWord>) => number) => all.map((s) => (isHeading(s) ? 0 : by(found[s.index]!) + by(lent[s.index]!)));
  const counts = score((words) => words.size);
  // An extra sentence counts a word it shares with its heading once. The page's topic is in every
  // heading and most sentences ("Slå av all viderekobling til mobilsvar" under "Slå av eller på
  // mobilsvar"); counted twice, it made such a sentence half an answer to "hvor mange sekunder
  // ringer det før mobilsvaret tar over". The best sentence still sets the bar with all it has.
  const extraCount = (s: Sentence) => new Set([...found[s.index]!, ...lent[s.index]!]).size;
  const specific = score((words) => [...words].reduce((sum, w) => sum + weight.get(w)!, 0));
  const sentences = all.filter((s) => !isHeading(s));
  if (sentences.length === 0) return '';
  // The most specific match goes first; then sentences matching at least half as many question
  // words as it, most specific first (steps repeat the topic words). With no match at all, the
  // lead sentence, which usually says what the section is about.
  const byScore = [...sentences].sort((a, b) => specific[b.index]! - specific[a.index]! || a.index - b.index);
  const top = counts[byScore[0]!.index]!;
  const ranked = byScore.filter((s, i) => (top === 0 ? s === sentences[0] : i === 0 || extraCount(s) * 2 >= top));

  const first = ranked[0]!;
  if (first.words > maxWords) return truncateWords(first.text, maxWords);
  const chosen = new Set<Sentence>();
  // A passage can say the same thing twice (step 1 of the Apple Watch and of the Samsung steps);
  // the answer says it once.
  const said = new Set<string>();
  let words = 0;
  const add = (group: readonly Sentence[]) => {
    for (const s of group) {
      chosen.add(s);
      said.add(sameText(s));
      words += s.words;
    }
  };
  const size = (group: readonly Sentence[]) => group.reduce((n, s) => n + s.words, 0);
  // A table row is read by its header: "1. mai, 17. mai … | 10:00–16:00 | Stengt" does not say
  // which column is the chat and which the phone without "Dag | Chat | Telefon".
  // Likewise a later sentence of a labelled line ("Fiber er i gata, men ikke i boligen: …", a list
  // item with a bold lead-in) is read with the sentence that carries the label: "Det tar vanligvis
  // 4–8 uker" alone, next to another item's line, seemed to say the opposite.
  const withHeader = (s: Sentence) => {
    const header = tableHeader(lines, s.line);
    const lead = LABELLED.test(lines[s.line] ?? '') ? all.find((x) => x.line === s.line) : undefined;
    const context = [
      ...(header === undefined ? [] : all.filter((h) => h.line === header)),
      ...(lead && lead !== s && !isHeading(lead) ? [lead] : []),
    ];
    return [s, ...context.filter((x) => !chosen.has(x))];
  };
  // A sentence that ends in a colon introduces what follows it ("…, kan du bruke eSIM-overføring:"
  // and the steps); quoted without it, it promises an answer and stops. It brings the lines after
  // it up to the next heading, whole lines while they fit in LIST_WORDS and the answer in
  // maxWords + LIST_OVERRUN, and comes only when at least one does (undefined: it cannot come).
  // Plain text does not say where a list ends, so a short paragraph after it may come too.
  const introducing = (group: readonly Sentence[]) => {
    const s = group[0]!;
    if (!INTRODUCES.test(s.text) || all[s.index + 1]?.line === s.line) return group;
    const items: Sentence[] = [];
    const before = words + size(group);
    for (let line = s.line + 1; line < lines.length && !headingMatches.has(line) && !headingTexts.has(collapse(lines[line]!)); line++) {
      const onLine = all.filter((x) => x.line === line && !chosen.has(x));
      const listed = size(items) + size(onLine);
      if (listed > LIST_WORDS || before + listed > maxWords + LIST_OVERRUN) break;
      items.push(...onLine);
    }
    return items.length > 0 ? [...group, ...items] : undefined;
  };
  // A table cell goes on after its first sentence ("Rødt | Feil. Start ruteren på nytt, …"): the
  // rest of the row comes with a quoted sentence of it when it fits.
  const withRow = (group: readonly Sentence[]) => {
    const s = group[0]!;
    if (!TABLE_ROW.test(lines[s.line] ?? '')) return group;
    const rest = all.filter((x) => x.line === s.line && x.index > s.index && !chosen.has(x) && !group.includes(x));
    return words + size(group) + size(rest) <= maxWords ? [...group, ...rest] : group;
  };
  const opening = withRow(size(withHeader(first)) <= maxWords ? withHeader(first) : [first]);
  add(introducing(opening) ?? opening);
  // A question for a value whose opening states none gets the lines that do next ("hvor er
  // nærmeste butikk": "Vi har fem butikker i Norge." and the rows with the addresses), the ones
  // with the most of the question's words first, in order while they fit.
  if (kinds.length > 0 && ![...chosen].some((s) => kinds.some((k) => k.statedIn(s.text)))) {
    const stating = sentences.filter((s) => !chosen.has(s) && kinds.some((k) => k.statedIn(s.text)));
    const most = Math.max(...stating.map(extraCount));
    for (const s of stating.filter((x) => extraCount(x) === most)) {
      const group = withRow(withHeader(s));
      if (words + size(group) > maxWords) break;
      add(group);
    }
  }
  // The rest of its paragraph comes before matches from elsewhere: "… fra 5 til 30 sekunder." goes
  // on "Standard er 20 sekunder.", which is the answer. A labelled list item is one entry and comes
  // whole while it fits: "Ubesvarte anrop fra utenlandske numre (wangiri): … Ringer du tilbake, kan
  // det koste mye." left out its advice, "Ikke ring tilbake numre du ikke kjenner."
  const rest = all.filter((x) => x.line === first.line && x.index > first.index);
  let continued = 0;
  for (const sequel of LABELLED.test(lines[first.line] ?? '') ? rest : rest.slice(0, 1)) {
    if (isHeading(sequel) || chosen.has(sequel) || words + sequel.words > maxWords || said.has(sameText(sequel))) break;
    add([sequel]);
    continued++;
  }
  for (const s of ranked.slice(1)) {
    if (chosen.has(s)) continue;
    const group = withRow(withHeader(s));
    if (words + size(group) > maxWords || said.has(sameText(s))) continue;
    const introduced = introducing(group);
    if (introduced) add(introduced);
  }
  // "Du finner PUK-koden på Min side." alone is too thin; the next sentences usually say how.
  // Stop at the next matching sentence (already chosen) or after a few.
  const after = first.index + 1 + continued;
  for (const next of all.slice(after, after + FILL_SENTENCES)) {
    if (isHeading(next) || chosen.has(next) || said.has(sameText(next)) || words + next.words > Math.min(FILL_WORDS, maxWords)) break;
    const introduced = introducing([next]);
    if (!introduced) break;
    add(introduced);
  }
  const inOrder = [...chosen].sort((a, b) => a.index - b.index);
  return inOrder.map((s, i) => (i === 0 ? '' : s.line === inOrder[i - 1]!.line ? ' ' : '\n') + s.text).join('');
}

// What a sentence ending in a colon introduces (a list, steps, a table) is quoted up to this many
// words, and may take the answer this many past its limit: three steps are one answer.
const LIST_WORDS = 40;
const LIST_OVERRUN = 30;
const INTRODUCES = /:$/;

// A line that opens with a short label and a colon: "Fiber er allerede installert: Ingen etablering."
const LABELLED = /^[^.:!?|\n]{2,60}: \S/;

// A Markdown table's rows reach the passage as "cell | cell | cell" lines.
const TABLE_ROW = /\S \| |^\|/;

// The first line of the table that `line` is a later row of: its header.
function tableHeader(lines: readonly string[], line: number): number | undefined {
  if (!TABLE_ROW.test(lines[line] ?? '')) return undefined;
  let top = line;
  while (top > 0 && TABLE_ROW.test(lines[top - 1]!)) top--;
  return top === line ? undefined : top;
}


function sameText(s: Sentence): string {
  return collapse(s.text.toLowerCase());
}

// The chunk to quote: the page's best, or one in the customer's language scoring nearly as well;
// for a how-to question (howTo: its words), a nearby chunk with the steps.
function pickHit(page: PageHit, lang: AnswerLang, howTo: readonly QueryWord[] | undefined, analyzer: Analyzer): Hit {
  const best = sameLang(page.best, lang) ? page.best : page.hits.find((h) => sameLang(h, lang) && h.score >= page.best.score * SAME_LANG_RATIO) ?? page.best;
  if (!howTo) return best;
  const asked = howTo.flatMap(allTerms);
  if (stepsFor(best, asked, analyzer)) return best;
  // "Hvordan får jeg eSIM på Apple Watch?": the section "Aktivere på Apple Watch" holds the steps,
  // though the one listing which watches have eSIM scores a hair higher. Steps in the other
  // language only when the answer is in that language anyway.
  const eligible = (h: Hit) => h !== best && (sameLang(h, lang) || !sameLang(best, lang)) && h.score >= best.score * SAME_LANG_RATIO;
  return page.hits.find((h) => eligible(h) && stepsFor(h, asked, analyzer)) ?? best;
}

// A how-to question, in bokmål, nynorsk, spoken forms and English.
const HOW_TO = /(?:^|[^\p{L}])(?:hvordan|korleis|koss|how (?:do|can|to|should))(?:$|[^\p{L}])/iu;
// A heading that introduces steps: it starts with what to do ("Aktivere på Apple Watch", "Slik
// sperrer du kortet", "Set up your router").
const STEPS_HEADING = /^(?:slik|sånn|aktiver|bestill|sett(?:e)? opp|endr|kobl|legg(?:e)? til|flytt|installer|registrer|si opp|sperr|bytt|betal|logg(?:e)? inn|opprett|overfør|slett|how to|steps|activat|set up|order|chang|connect|add|mov|install|regist|cancel|block|pay|log in|creat|transfer|delet)/i;

// The chunk has a steps heading that shares a term with the question (`asked`: its words' terms,
// synonyms and translations), also as the head of a compound: "betale" for "Betalingsmåter".
function stepsFor(hit: Hit, asked: readonly string[], analyzer: Analyzer): boolean {
  return (hit.chunk.subheadings ?? []).some((heading) => {
    if (!STEPS_HEADING.test(heading.trim())) return false;
    const terms = [...termSet(analyzer, heading)];
    return terms.some((t) => asked.some((a) => t === a || (a.length >= MIN_COMPOUND_HEAD && t.startsWith(a))));
  });
}
// Shorter stems start too many unrelated words.
const MIN_COMPOUND_HEAD = 4;

// Nynorsk content reads fine to a bokmål reader; answers are only ever nb or en.
function sameLang(hit: Hit, lang: AnswerLang): boolean {
  return answerLanguage(hit.chunk.lang) === lang;
}

function pickSources(pages: readonly PageHit[]): Source[] {
  const [top, second] = pages;
  if (!top) return [];
  const sources: Source[] = [{ url: top.url, title: top.title }];
  if (
    second &&
    second.url !== top.url &&
    second.score >= top.score * SECOND_SOURCE_RATIO &&
    second.best.coverage >= SECOND_SOURCE_COVERAGE
  ) {
    sources.push({ url: second.url, title: second.title });
  }
  return sources;
}

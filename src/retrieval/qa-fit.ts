import { answerLanguage } from '../ingest/detect-language.js';
import type { Chunk } from '../ingest/types.js';
import type { Analyzer } from './analyze-text.js';
import { namesDiffer, siteNames } from './named-terms.js';
import { asksPrice } from './price-intent.js';
import type { QuestionPoint } from './question-point.js';
import { allTerms, countMatches, isMatched, termSet, type MatchWord } from './term-overlap.js';

/** What of a question decides which Q&A items may answer it. */
export interface QuestionTraits {
  /** Content words with the terms that count as each (and their synonyms' and translations'). */
  queryWords: readonly MatchWord[];
  /** The site's language when the question is in it; undefined when asked in the other one. */
  siteLanguage?: 'nb' | 'en';
  asksPrice: boolean;
  /** What the question is most specifically about (undefined: not judged, e.g. across languages). */
  point?: QuestionPoint;
  /** Its words that only frame it ("lang tid tar" of "hvor lang tid tar det …"; see frameWords). */
  frame?: ReadonlySet<MatchWord>;
}

interface QaItem {
  index: number;
  names: ReadonlySet<string>;
  /** Index terms of its questions and answer. */
  terms: ReadonlySet<string>;
  /** Each phrasing's index terms and the site's names among them. */
  phrasings: ReadonlyArray<{ terms: ReadonlySet<string>; names: ReadonlySet<string> }>;
  lang: 'nb' | 'en';
  /** Every phrasing asks what something costs ("Hva koster eSIM på Apple Watch?"). */
  priceOnly: boolean;
}

/**
 * Which Q&A items may answer a question as written, and which of the site's names it mentions. A Q&A
 * answer is quoted word for word, so an item that fits the question's words but not its point
 * must leave the candidates (its page still competes with its own chunks).
 */
export class QaFit {
  private constructor(private readonly names: ReadonlySet<string>, private readonly items: readonly QaItem[]) {}

  static of(chunks: readonly Chunk[], analyzer: Analyzer): QaFit {
    const names = siteNames(chunks, analyzer);
    const items = chunks.flatMap((c, index): QaItem[] => {
      if (c.kind !== 'qa') return [];
      const questions = c.questions ?? [];
      const terms = analyzer.contentWords(questions.join('\n')).flatMap((w) => w.terms);
      const phrasings = questions.map((question) => {
        const own = termSet(analyzer, question);
        return { terms: own, names: new Set([...own].filter((t) => names.has(t))) };
      });
      const all = termSet(analyzer, [...questions, c.answer ?? ''].join('\n'));
      return [{ index, names: new Set(terms.filter((t) => names.has(t))), terms: all, phrasings, lang: answerLanguage(c.lang), priceOnly: questions.length > 0 && questions.every(asksPrice) }];
    });
    return new QaFit(names, items);
  }

  /**
   * The site's names a question mentions in any of its words' forms or translations ("spain" →
   * "spania"), also as a part of a compound ("thailandsturen") or of a translation.
   */
  askedNames(q: QuestionTraits): Set<string> {
    const mentioned = q.queryWords.flatMap((w) => [...allTerms(w), ...(w.groups ?? []).flat(2)]);
    return new Set(mentioned.filter((t) => this.names.has(t)));
  }

  /**
   * Q&A chunks that must not answer: about other named things (the USA item for a question about
   * Spain); in the other language when the question is in the site's own (its pages can answer
   * in the customer's language); about price only when the question is not ("Hvordan får jeg eSIM
   * på Apple Watch?" is no question about what it costs).
   */
  unfit(q: QuestionTraits, asked = this.askedNames(q)): Set<number> {
    return new Set(this.items.filter((item) => namesDiffer(asked, item.names) || (q.siteLanguage !== undefined && item.lang !== q.siteLanguage) || (item.priceOnly && !q.asksPrice) || namedElsewhere(q, asked, item) || missesPoint(q, item) || sharesOnlyFrame(q, item)).map((item) => item.index));
  }
}

/**
 * The item meets the question only through its phrasings about a named thing the question does
 * not name: "koster eSIM noe?" shares "eSIM" only with "Hva koster eSIM på Apple Watch?" and
 * nothing but "koster" with the item's other phrasings, so its answer is the watch's price. When
 * another phrasing shares a word those do not ("Pris for klokke-abonnement" for "klokka"), the
 * question is about the item's general subject and it may answer.
 */
function namedElsewhere(q: QuestionTraits, asked: ReadonlySet<string>, item: QaItem): boolean {
  const named = new Set<MatchWord>();
  const plain = new Set<MatchWord>();
  for (const p of item.phrasings) {
    const other = p.names.size > 0 && ![...p.names].some((t) => asked.has(t));
    for (const w of q.queryWords) if (isMatched(w, p.terms)) (other ? named : plain).add(w);
  }
  return named.size > plain.size && [...plain].every((w) => named.has(w));
}

/**
 * Neither the item's questions nor its answer have the question's rarest word, and a chunk that has
 * it covers the question as well: the item shares only the question's frame. "Hvor lang tid tar en
 * time i butikken?" meets "Hvor lang tid tar det å flytte nummeret?" in three words of five, but
 * not in "time"; the stores page has "time" and as many of the question's words.
 */
function missesPoint(q: QuestionTraits, item: QaItem): boolean {
  const point = q.point;
  if (!point || point.words.some((w) => isMatched(w, item.terms))) return false;
  return point.coverage * q.queryWords.length >= countMatches(q.queryWords, item.terms);
}

/**
 * The item has none of the question's words but those that frame it: "hvor tidlig må jeg si fra?"
 * meets "Hvor lang tid tar det å flytte nummeret?" only in "tid" ("tidlig" stems to it), and
 * nothing in the question but its frame says what it is about.
 */
function sharesOnlyFrame(q: QuestionTraits, item: QaItem): boolean {
  const frame = q.frame;
  return frame !== undefined && frame.size > 0 && !q.queryWords.some((w) => !frame.has(w) && isMatched(w, item.terms));
}

import { splitWords, type Analyzer } from '../retrieval/analyze-text.js';
import { asksPrice, isPriceWord, statesPrice } from '../retrieval/price-intent.js';
import { isMatched, termSet, type QueryWord } from '../retrieval/term-overlap.js';
import { collapse, splitSentences } from './sentences.js';

/**
 * A kind of value a question can ask for, and how a text states one: "Hva koster …" is answered
 * by a line with an amount ("449 kr per måned"), "epostadressen til …" by an address, "hvor lenge
 * …" by a duration ("12 måneder"), whatever other words those lines use.
 */
export interface ValueKind {
  name: string;
  /** The question asks for a value of this kind. */
  askedIn: (question: string) => boolean;
  /** A question word that only asks for the value ("koster", "lenge"): the value answers it. */
  asks: (word: string) => boolean;
  /** The text states a value of this kind. */
  statedIn: (text: string) => boolean;
  /** A heading says its section gives values of this kind ("Priser for satellittnett"). */
  namedIn: (heading: string) => boolean;
}

const EMAIL_ASKED = /(?:e-?post|e-?mail|mail)[\s-]?ad(?:d)?ress/iu;
const EMAIL_WORD = /^(?:e-?post|e-?mail|mail)/;
const EMAIL = /[\p{L}\d._-]+@[\p{L}\d-]+\.\p{L}{2,}/u;

const DURATION_ASKED = /(?:^|[^\p{L}])(?:hvor|kor) lenge(?:$|[^\p{L}])|(?:^|[^\p{L}])how long(?:$|[^\p{L}])/iu;
const NUMBER = String.raw`(?:\d+(?:[–-]\d+)?|en|ett|ei|to|tre|fire|fem|seks|sju|syv|åtte|ni|ti|tolv|one|two|three|four|five|six|seven|eight|nine|ten|twelve)`;
const TIME_UNIT = String.raw`(?:sekund|minutt|time|timer|døgn|dag|dager|uke|uker|måned|måneder|måneders|år|second|minute|hour|day|week|month|year)s?`;
const DURATION = new RegExp(String.raw`(?:^|[^\p{L}\d])${NUMBER}\s+${TIME_UNIT}(?:$|[^\p{L}])`, 'iu');

// "Hvor er/ligger …", "where is/are …", "adressen til …": a place. "Hvor finner jeg PUK-koden?"
// asks where in the app, and the pages it is answered from state no street address.
const ADDRESS_ASKED = /(?:^|[^\p{L}])(?:(?:hvor|kor) (?:er|ligger|finner jeg)|where (?:is|are)|adress\p{L}*|address\p{L}*)(?:$|[^\p{L}])/iu;
const ADDRESS_WORD = /^(?:adress|address)/;
// A street and number ("Storgata 40") or a postcode and place ("5003 Bergen").
const ADDRESS = /\p{Lu}[\p{L}-]*(?:gata|gaten|gate|veien|vei|vegen|veg|plass|plassen|torget|brygge|bryggen|street|road|avenue)\s\d+|(?:^|[^\p{L}\d])\d{4}\s\p{Lu}\p{Ll}+/u;

export const VALUE_KINDS: readonly ValueKind[] = [
  {
    name: 'price',
    askedIn: asksPrice,
    asks: isPriceWord,
    statedIn: (text) => statesPrice(text) || splitWords(text).some((w) => w === 'gratis' || w === 'free'),
    namedIn: asksPrice,
  },
  {
    name: 'email',
    askedIn: (q) => EMAIL_ASKED.test(q),
    asks: (w) => EMAIL_WORD.test(w),
    statedIn: (text) => EMAIL.test(text),
    namedIn: (h) => /e-?post|e-?mail/i.test(h),
  },
  {
    name: 'address',
    askedIn: (q) => ADDRESS_ASKED.test(q),
    asks: (w) => ADDRESS_WORD.test(w),
    statedIn: (text) => ADDRESS.test(text),
    namedIn: (h) => /adress|address|hvor finner du oss|where to find us/i.test(h),
  },
  {
    name: 'duration',
    askedIn: (q) => DURATION_ASKED.test(q),
    asks: (w) => w === 'lenge' || w === 'long',
    statedIn: (text) => DURATION.test(text),
    namedIn: (h) => DURATION_ASKED.test(h) || /lagringstid|varighet|bindingstid|duration/i.test(h),
  },
];

/** The kinds of value a question asks for. */
export function askedKinds(question: string): ValueKind[] {
  return VALUE_KINDS.filter((k) => k.askedIn(question));
}

// Words that frame a value rather than say which one is asked for: "per mnd" is in every price
// line, "tar" in "hvor lenge tar det".
const FRAME_WORDS = new Set(['per', 'pr', 'mnd', 'maned', 'måned', 'maneden', 'måneden', 'month', 'year', 'år', 'tar', 'take', 'takes']);

/** Whether a question word asks for one of the kinds or only frames the value. */
export function isFrameWord(word: string, kinds: readonly ValueKind[]): boolean {
  return FRAME_WORDS.has(word) || kinds.some((k) => k.asks(word));
}

/**
 * How well a passage states the asked value: the most specific question words that one of its
 * sentences stating a value of an asked kind has (with its section's heading), plus one when that
 * heading names the kind ("Pris og hastighet" over "449 kr per måned"); undefined when no sentence
 * states one. `headings` are the passage's heading lines, `first` the heading over its first line.
 */
export function valueEvidence(
  passage: { text: string; headings: readonly string[]; first: string },
  kinds: readonly ValueKind[],
  specific: readonly QueryWord[],
  analyzer: Analyzer,
): number | undefined {
  const headings = new Set(passage.headings.map(collapse));
  let heading = passage.first;
  let best: number | undefined;
  for (const line of passage.text.split('\n')) {
    if (headings.has(collapse(line))) {
      heading = line;
      continue;
    }
    const headingTerms = termSet(analyzer, heading);
    for (const s of splitSentences(line)) {
      const stated = kinds.filter((k) => k.statedIn(s.text));
      if (stated.length === 0) continue;
      const terms = termSet(analyzer, s.text);
      const named = stated.some((k) => k.namedIn(heading)) ? 1 : 0;
      best = Math.max(best ?? 0, specific.filter((w) => isMatched(w, terms) || isMatched(w, headingTerms)).length + named);
    }
  }
  return best;
}


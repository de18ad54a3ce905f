/**
 * Language detection among bokmål, nynorsk and English, tuned for what we actually see: short
 * customer questions ("hvordan bytte sim", "how port number") and crawled page text. Character
 * n-gram models need far more text than a three-word question, so we count function words and
 * a few domain words per language instead, plus the letters æøå.
 */

import type { Lang } from './types.js';

// Words that only English uses. Ambiguous words are left out on purpose: "i" (nb "in"), "me"
// (nn "we"), "for", "by", "man", "den", "so", and loanwords Norwegians use too (sim, esim,
// roaming, data, internet, app, bankid).
const ENGLISH = words(`
  the a an is are was were be been being am do does did done doing how what where when why who
  whom which whose can could should would will shall may might must my your yours you it its
  this that these those of in on to from with and or not no yes if then than there their they
  them he she his our we us have has had having get gets got getting want wants need needs
  use using used change changing cancel pay paying paid phone phones number numbers bill bills
  billing account help please after before about into out up down any some every each
  dont doesnt didnt cant wont isnt arent im ive id its whats hows new old abroad lost stolen
  still just why card order ordered work working works port porting transfer switch activate
  activated set setup subscription invoice invoices payment payments coverage broadband
  blocked locked reset forgot forgotten code travel travelling call calls calling text message
  contact opening hours open closed shop buy price cost costs free much many long
  hi hello thanks thank anyone someone way also here only own same such too very just
  `);

// Norwegian words that bokmål and nynorsk share: they say "Norwegian" but not which written form.
const NORWEGIAN = words(`
  og er på til med som har hadde var det den denne dette disse av om kan skal vil må når etter
  eller meg deg seg min mitt mine din ditt dine sin sitt sine oss vi ut opp inn ned hos mange
  også slik enn mellom heller får fått kunne skulle ville sjekke nye ny gamle gammel
  mobil mobilen abonnement abonnementet faktura fakturaen regning regningen dekning betale
  betaling betalt sperret sperra klokke klokka klokken utlandet bestille bestilt hjelp flytte
  overføre endre endring kundeservice åpningstider ringe melding meldinger telefon telefonen
  nummer nummeret bytte byttet pris priser koster gratis kort kortet kode koden legitimasjon
  bredbånd ruter ruteren kontakt kontakte tilbake takk hei han
  `);

// Bokmål forms whose nynorsk counterpart differs (and vice versa below).
const BOKMAL = words(`
  jeg ikke hva hvordan hvorfor hvor hvem hvilken hvilket hvilke noen noe mye bare hjemme fra hun
  dem de være vært en et gjøre gjør sier fikk ble blir blitt uten flere selv nå sånn ennå
  hennes mistet glemt glemte virker
  `);

const NYNORSK = words(`
  eg ikkje kva korleis kvifor korfor kor kvar kven kva nokon noko mykje berre heime frå ho dei
  vere vore ein eit gjere gjer seier fekk vart blei utan fleire sjølv enno òg dykk dykkar
  hennar mista gløymt gløymde verkar eigen eige heile saman
  `);

// Nynorsk "me" (we) is English "me" too: it only tips Norwegian text towards nynorsk.
const NYNORSK_IF_NORWEGIAN = words('me');

// Nynorsk words are rarer and more telling; one "ikkje" outweighs a shared "er".
const NYNORSK_WEIGHT = 2;

/**
 * The language of a text among nb/nn/en: a recognised html lang hint wins, else function words
 * decide; unrecognised or empty text counts as bokmål, the language most of our customers write.
 */
export function detectLanguage(text: string, hint?: string): Lang {
  const fromHint = hint === undefined ? undefined : langFromTag(hint);
  if (fromHint) return fromHint;

  const tokens = tokensOf(text);
  let en = 0;
  let norwegian = 0;
  let nb = 0;
  let nn = 0;
  let ambiguousNn = 0;
  for (const token of tokens) {
    if (NYNORSK_IF_NORWEGIAN.has(token)) ambiguousNn += NYNORSK_WEIGHT;
    if (ENGLISH.has(token)) en += 1;
    if (NORWEGIAN.has(token)) norwegian += 1;
    if (BOKMAL.has(token)) nb += 1;
    if (NYNORSK.has(token)) nn += NYNORSK_WEIGHT;
  }
  // Letters English never uses: a word with æøå is Norwegian evidence even if we don't list it.
  const nordicWords = tokens.filter((t) => /[æøå]/.test(t) && !NORWEGIAN.has(t) && !BOKMAL.has(t) && !NYNORSK.has(t));
  norwegian += nordicWords.length;

  const allNorwegian = norwegian + nb + nn / NYNORSK_WEIGHT;
  if (en > allNorwegian) return 'en';
  return nn + (allNorwegian > 0 ? ambiguousNn : 0) > nb ? 'nn' : 'nb';
}

/**
 * The answer language a customer's message plainly is, or undefined when it is too short or mixed
 * to tell ("ok", "4G", "Apple Watch"): a chat follows the customer's language only on evidence.
 */
export function plainLanguage(text: string): 'nb' | 'en' | undefined {
  const tokens = tokensOf(text);
  const en = tokens.filter((t) => ENGLISH.has(t)).length;
  const no = tokens.filter((t) => NORWEGIAN.has(t) || BOKMAL.has(t) || NYNORSK.has(t) || /[æøå]/.test(t)).length;
  if (en >= 2 && en > 2 * no) return 'en';
  if (no >= 2 && no > 2 * en) return 'nb';
  return undefined;
}

// Words as the lists hold them: lower case, apostrophes dropped ("don't" → "dont").
function tokensOf(text: string): string[] {
  return text.toLowerCase().normalize('NFC').replace(/['’]/g, '').match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The language we answer in: nynorsk questions get bokmål answers. */
export function answerLanguage(lang: Lang): 'nb' | 'en' {
  return lang === 'en' ? 'en' : 'nb';
}

/** Map a BCP 47 tag such as "nb-NO", "no", "nn", "en-GB" to a Lang, or undefined. */
function langFromTag(tag: string): Lang | undefined {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (primary === 'nb' || primary === 'no' || primary === 'nob' || primary === 'nor') return 'nb';
  if (primary === 'nn' || primary === 'nno') return 'nn';
  if (primary === 'en' || primary === 'eng') return 'en';
  return undefined;
}

function words(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}

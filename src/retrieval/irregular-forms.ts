// Norwegian words whose forms the Snowball stemmer cannot bring back to one stem. It only strips
// suffixes, so a plural that drops a vowel and a doubled consonant ("siffer" → "sifre", stems
// "siff" and "sifr") or changes its vowel ("natt" → "netter", whose stem "nett" is the
// internet's) never meets its singular. Like Lucene's StemmerOverrideFilter, such a plural is
// stemmed as its singular. Only common words of customer service and everyday questions, and
// only forms that are no other word ("hender" is also "happens", so "hånd" is left out).
const PLURALS: Readonly<Record<string, string>> = {
  siffer: 'sifre sifrene',
  nummer: 'numre numrene',
  kabel: 'kabler kablene',
  regel: 'regler reglene',
  middel: 'midlet midler midlene',
  artikkel: 'artikler artiklene',
  eksempel: 'eksempler eksemplene',
  nøkkel: 'nøkler nøklene',
  tittel: 'titler titlene',
  sykkel: 'sykler syklene',
  vinter: 'vintre vintrene',
  sommer: 'somre somrene',
  finger: 'fingre fingrene',
  filter: 'filtre filtrene',
  bok: 'bøker bøkene',
  bot: 'bøter bøtene',
  natt: 'netter nettene',
  mann: 'menn mennene',
};

// Strong verbs change their vowel, and short ones are not stemmed at all: "slår" and "slått"
// never met "slå på", the commonest verb of settings pages. "ta" and "få" are left out: light
// verbs that frame questions ("hvor lang tid tar det", "hvordan får jeg"); joined with their
// other forms they met every page's "tatt" and "fått", and wrong answers rose on both demo
// dev sets.
const VERBS: Readonly<Record<string, string>> = {
  slå: 'slår slo slått',
  gå: 'går gikk gått',
  stå: 'står sto stod stått',
  gi: 'gir ga gav gitt',
  gjøre: 'gjør gjorde gjort',
  velge: 'velger valgte valgt',
  selge: 'selger solgte solgt',
  finne: 'finner fant funnet',
  legge: 'legger lagt',
  sette: 'setter satte',
};

/** Folded plural → the singular whose stems it takes instead of its own ("sifre" → "siffer"). */
export const IRREGULAR_PLURALS: ReadonlyMap<string, string> = formsOf(PLURALS);

/**
 * Folded verb form → the base form whose stems it takes besides its own ("slått" → "slå"). A
 * verb keeps its own stems: "finner" is the form questions and pages meet on most, and taking
 * only "finne"'s stems lowered such matches (a PUK question fell below the answer threshold).
 */
export const IRREGULAR_VERBS: ReadonlyMap<string, string> = formsOf(VERBS);

function formsOf(table: Readonly<Record<string, string>>): Map<string, string> {
  return new Map(Object.entries(table).flatMap(([base, forms]) => forms.split(' ').map((form): [string, string] => [form, base])));
}

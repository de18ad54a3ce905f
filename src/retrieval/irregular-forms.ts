// Norwegian nouns whose plural the Snowball stemmer cannot bring back to the singular's stem: it
// only strips suffixes, so a plural that drops a vowel and a doubled consonant ("siffer" →
// "sifre", stems "siff" and "sifr") or changes its vowel ("natt" → "netter", whose stem "nett"
// is the internet's) never meets its singular. Like Lucene's StemmerOverrideFilter, these forms
// are stemmed as their singular. Only common words of customer service and everyday questions,
// and only forms that are no other word ("hender" is also "happens", so "hånd" is left out).
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

/** Folded word form → the word whose stems it takes ("sifre" → "siffer"). */
export const IRREGULAR_FORMS: ReadonlyMap<string, string> = new Map(
  Object.entries(PLURALS).flatMap(([base, forms]) => forms.split(' ').map((form): [string, string] => [form, base])),
);

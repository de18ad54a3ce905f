import snowball from 'snowball-stemmers';
import { foldText, tokenize } from './analyze-text.js';

// General customer-service synonyms (English and bokmål), written from general knowledge of both
// languages; StackFAQ's train-split misses showed the need, never its test split. Each group's
// words mean the same in a help-centre question ("remove my account" = "delete my account").
// Phrases up to three words. Price words (cost, koster, pris) are left out on purpose: nearly
// every price question has one, and expanding them lifts whichever page lists the most prices —
// it turned two demo-suite abstentions into wrong answers.
const EN: readonly (readonly string[])[] = [
  ['delete', 'remove', 'erase', 'get rid of'],
  ['download', 'save offline', 'export'],
  ['backup', 'back up', 'keep a copy'],
  ['email', 'e-mail', 'mail', 'mails', 'emails'],
  ['picture', 'photo', 'image', 'pic'],
  ['change', 'modify', 'edit', 'alter'],
  ['disable', 'deactivate', 'turn off', 'switch off'],
  ['enable', 'activate', 'turn on', 'switch on'],
  ['hide', 'conceal'],
  ['multiple', 'several', 'many', 'more than one'],
  ['buy', 'purchase'],
  ['cancel', 'terminate', 'unsubscribe'],
  ['date', 'day'],
  ['show', 'display'],
  ['import', 'upload'],
  ['problem', 'issue', 'trouble'],
  ['invoice', 'bill'],
  ['phone', 'mobile', 'cellphone'],
  ['first', 'initial', 'earliest', 'oldest'],
  ['finished', 'done', 'completed'],
  ['urgent', 'important', 'time sensitive'],
  ['save', 'store'],
];

// Norwegian also needs word forms the Snowball stemmer leaves apart ("åpent" / "åpningstider",
// "sier opp" / "oppsigelse"), found with questions written while trying the demo bot.
const NB: readonly (readonly string[])[] = [
  ['slette', 'fjerne'],
  ['endre', 'forandre', 'bytte'],
  ['si opp', 'sier opp', 'seier opp', 'sa opp', 'sagt opp', 'oppsigelse', 'avslutte', 'kansellere'],
  ['faktura', 'regning', 'rekning'],
  ['feil', 'problem'],
  ['mobil', 'telefon', 'mobiltelefon'],
  ['åpent', 'åpen', 'åpner', 'åpningstid'],
  ['låst', 'låse', 'sperret', 'sperre', 'blokkert'],
  ['barn', 'sønn', 'datter', 'born'],
  // Nynorsk forms of everyday words, which the Norwegian (bokmål) stemmer leaves apart.
  ['ringe', 'ringje'],
  ['hjem', 'hjemme', 'heim', 'heime'],
  ['hele', 'heile'],
  ['se', 'sjå'],
  ['ganger', 'gonger'],
  ['uke', 'veke'],
  ['tilbake', 'attende'],
  ['spørre', 'spørje'],
];

const MAX_PHRASE = 3;
// Left out before phrases are matched: questions put the subject inside a phrasal verb ("sier jeg
// opp", "slår jeg av") and English puts the object there ("turn it off", "back them up").
const PRONOUNS = new Set(['jeg', 'du', 'vi', 'dere', 'man', 'han', 'hun', 'de', 'meg', 'deg', 'oss', 'dem', 'seg', 'it', 'them', 'him', 'her']);
const en = snowball.newStemmer('english');
const nb = snowball.newStemmer('norwegian');
// Each language's groups match through that language's stems only: across languages, stems
// collide ("data" and "date" are both "dat" to the Norwegian stemmer).
const LANGS = [
  { groups: EN, stem: (w: string) => en.stem(w) },
  { groups: NB, stem: (w: string) => nb.stem(w) },
] as const;

/** Finds same-meaning words and phrases for a question's words. */
export interface SynonymExpander {
  /** Synonyms of the words and phrases in `text` that the text does not already contain. */
  expand(text: string): string[];
}

/** Build the lookup once; `expand` costs a few map lookups per word. */
export function createSynonymExpander(): SynonymExpander {
  // Per language: stemmed phrase → the groups it belongs to.
  const byKey = LANGS.map(({ groups, stem }) => {
    const map = new Map<string, number[]>();
    groups.forEach((group, g) => {
      for (const phrase of group) {
        const k = tokenize(phrase).map(stem).join(' ');
        map.set(k, [...(map.get(k) ?? []), g]);
      }
    });
    return map;
  });
  return {
    expand(text) {
      const tokens = tokenize(foldText(text)).filter((t) => !PRONOUNS.has(t));
      const out: string[] = [];
      LANGS.forEach(({ groups, stem }, l) => {
        const stems = tokens.map(stem);
        const found = new Set<number>();
        for (let i = 0; i < tokens.length; i++) {
          for (let n = 1; n <= MAX_PHRASE && i + n <= tokens.length; n++) {
            for (const g of byKey[l]!.get(stems.slice(i, i + n).join(' ')) ?? []) found.add(g);
          }
        }
        for (const g of found) {
          for (const phrase of groups[g]!) for (const w of tokenize(phrase)) if (!stems.includes(stem(w)) && !out.includes(w)) out.push(w);
        }
      });
      return out;
    },
  };
}

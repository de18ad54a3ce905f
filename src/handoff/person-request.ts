/**
 * Does a customer's message ask for a person? Tuned for precision: a false positive takes a chat
 * away from a bot that could have answered, so a person word only counts in a short message or
 * after a verb of talking/connecting ("snakke med", "talk to", "connect me with").
 */
const PERSON =
  '(?:et\\s+|en\\s+|ei\\s+|a\\s+|an\\s+|the\\s+|some\\s+|ekte\\s+|real\\s+|live\\s+|actual\\s+)*' +
  '(?:menneske[rt]?|mennesket|person(?:en)?|kundebehandler(?:en|e)?|kundeservice(?:n)?|kundestøtte(?:n)?|rådgiver(?:en|e)?|saksbehandler(?:en)?|ansatt|operatør(?:en)?|noen|noen andre|' +
  'human(?:s)?|human being|agent|someone|somebody|representative|rep|operator|advisor|adviser|customer service|support|staff)';

const ASK_FOR_PERSON = [
  // Infinitives and imperatives: "snakke med …", and "Snakk med et menneske" (the widget's button).
  new RegExp(`\\b(?:snakke|snakk|prate|prat|chatte|chat|tale|skrive|skriv)\\s+(?:med|til)\\s+${PERSON}\\b`, 'u'),
  // Only as a command: "hvordan kontakte kundeservice" asks for the contact page.
  new RegExp(`^kontakt\\s+${PERSON}\\b`, 'u'),
  new RegExp(`\\b(?:talk|speak|chat)\\s+(?:to|with)\\s+${PERSON}\\b`, 'u'),
  new RegExp(`\\b(?:sett|sette|sender?|koble|kople|overfør|overføre)\\s+(?:meg\\s+)?(?:over\\s+)?(?:til|med)\\s+${PERSON}\\b`, 'u'),
  new RegExp(`\\b(?:connect|transfer|put|pass)\\s+me\\s+(?:through\\s+)?(?:to|with)\\s+${PERSON}\\b`, 'u'),
  new RegExp(`\\b(?:få|ha|gi meg|vil ha|ønsker)\\s+(?:et|en|ei)\\s+(?:ekte\\s+)?(?:menneske|kundebehandler|rådgiver|person)\\b`, 'u'),
  new RegExp(`\\b(?:get|want|need)\\s+(?:me\\s+)?(?:a|an)\\s+(?:real\\s+|live\\s+|actual\\s+)?(?:human|person|agent|representative|operator)\\b`, 'u'),
];

/** Person words that alone, in a short message, ask for a person ("menneske!", "human please"). */
const SHORT_PERSON = /\b(?:menneske[rt]?|mennesket|kundebehandler(?:en)?|kundeservice|ekte person|rådgiver|human|real person|live agent|agent|representative|operator)\b/u;
// Words that may come with a person word in a short request ("a real person please", "jeg vil ha
// en kundebehandler nå").
const FILLER = new Set(
  'takk please pls plz nå now asap ja yes hei hi hello en et ei a an the ekte real live person jeg i vil ønsker want need trenger meg me gi give get ha have til to med with kan can få noen some'.split(' '),
);
const NOT_A_REQUEST = /\b(?:travel agent|user agent|estate agent|real estate|human resources|agent string|menneskelig|menneskerettigheter|human rights)\b/u;

/** True when the customer asks to talk to a person, in Norwegian or English. */
export function isPersonRequest(text: string): boolean {
  const t = normalise(text);
  if (!t || NOT_A_REQUEST.test(t)) return false;
  if (ASK_FOR_PERSON.some((re) => re.test(t))) return true;
  // "Menneske!", "human please", "kundebehandler takk": a person word with nothing else but
  // courtesy. "Når har kundeservice åpent?" names one too, but asks about opening hours.
  const words = t.split(' ');
  return words.length <= 4 && SHORT_PERSON.test(t) && words.every((w) => FILLER.has(w) || SHORT_PERSON.test(w));
}

// A yes on its own, and the words that may come with it ("ja takk", "yes please", "gjerne det").
const YES = new Set(['ja', 'jo', 'jepp', 'jada', 'gjerne', 'ok', 'okei', 'okay', 'yes', 'yeah', 'yep', 'sure', 'absolutt', 'definitely']);
const WITH_YES = new Set(['takk', 'please', 'thanks', 'thank', 'you', 'det', 'bare', 'veldig', 'gjør', 'do', 'that', 'would', 'be', 'great', 'fint', 'flott', 'sir']);

/** True for a short yes ("ja takk", "yes please"): after the bot offered a person, it accepts. */
export function isYes(text: string): boolean {
  const words = normalise(text).split(' ');
  return words.length <= 5 && words.some((w) => YES.has(w)) && words.every((w) => YES.has(w) || WITH_YES.has(w));
}

const THANKS_LANG: Record<string, 'nb' | 'en'> = { takk: 'nb', takker: 'nb', tusentakk: 'nb', thanks: 'en', thank: 'en', thx: 'en', ty: 'en', cheers: 'en' };
const THANKS = new Set(Object.keys(THANKS_LANG));
const WITH_THANKS = new Set([
  ...'tusen mange hjertelig for hjelpen svaret skal du ha ok okei flott supert perfekt fint bra det var nyttig så mye'.split(' '),
  ...'you so much very a lot for the help great perfect ok okay nice awesome that helped helps'.split(' '),
]);

/** The language of a thank-you's own word ("takk" or "thanks"), if it has one. */
export function thanksLanguage(text: string): 'nb' | 'en' | undefined {
  for (const w of normalise(text).split(' ')) if (THANKS_LANG[w]) return THANKS_LANG[w];
  return undefined;
}

/** True for a short thank-you ("Tusen takk!", "takk for hjelpen", "thanks, that helped"): no question. */
export function isThanks(text: string): boolean {
  const words = normalise(text).split(' ');
  return words.length <= 6 && words.some((w) => THANKS.has(w)) && words.every((w) => THANKS.has(w) || WITH_THANKS.has(w));
}

const GREETING_LANG: Record<string, 'nb' | 'en'> = { hei: 'nb', heisann: 'nb', hallo: 'nb', hoi: 'nb', morn: 'nb', morna: 'nb', hi: 'en', hello: 'en', hey: 'en', hiya: 'en' };
// "god morgen" and "good evening" greet without a greeting word of their own.
const TIMES_OF_DAY: Record<string, 'nb' | 'en'> = { morgen: 'nb', dag: 'nb', ettermiddag: 'nb', kveld: 'nb', morning: 'en', afternoon: 'en', evening: 'en' };
const WITH_GREETING = new Set([...'god der dere alle sammen og'.split(' '), ...'good there all everyone'.split(' ')]);

/** The language of a greeting's own word ("hei", "good morning"), if it has one. */
export function greetingLanguage(text: string): 'nb' | 'en' | undefined {
  for (const w of normalise(text).split(' ')) {
    const lang = GREETING_LANG[w] ?? TIMES_OF_DAY[w];
    if (lang) return lang;
  }
  return undefined;
}

/** True for a greeting on its own ("Hei!", "hallo der", "God morgen", "hi there"): no question yet. */
export function isGreeting(text: string): boolean {
  const words = normalise(text).split(' ');
  const greets = words.some((w) => GREETING_LANG[w]) || (words.some((w) => w === 'god' || w === 'good') && words.some((w) => TIMES_OF_DAY[w]));
  return words.length <= 4 && greets && words.every((w) => GREETING_LANG[w] || TIMES_OF_DAY[w] || WITH_GREETING.has(w));
}

/** A thank-you or a greeting on its own: no question to search, answer or draft a reply for. */
export function isSmallTalk(text: string): boolean {
  return isThanks(text) || isGreeting(text);
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/[’']/g, '').replace(/[^\p{L}\p{N}\s-]/gu, ' ').replace(/\s+/g, ' ').trim();
}

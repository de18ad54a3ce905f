import { describe, expect, it } from 'vitest';
import { composeExtractive, MAX_ANSWER_WORDS, selectSentences } from '../../src/answer/compose-extractive.js';
import { createAnalyzer } from '../../src/retrieval/analyze-text.js';
import { splitSentences } from '../../src/answer/sentences.js';
import { pageHit, qaHit } from './page-hits.js';

const words = (s: string) => s.trim().split(/\s+/).length;

const PUK_PAGE = [
  'Kundeservice har åpent hverdager fra 08 til 20.',
  'PUK-koden trenger du når SIM-kortet er sperret etter tre feil PIN-forsøk.',
  'Du finner PUK-koden på Min side under SIM-kort.',
  'Logg inn med BankID eller Vipps.',
  'Vi sender aldri PUK-koden på e-post.',
  'Nettbutikken har gode tilbud på mobiler hele året, og vi fornyer utvalget hver uke med nye modeller fra alle de store produsentene.',
].join(' ');

describe('composeExtractive', () => {
  const analyzer = createAnalyzer();
  it('returns a Q&A answer exactly as written', () => {
    const answer = 'Ja! Du kan bruke eSIM i Apple Watch og de fleste Samsung-klokker.\n\nBestill på Min side.';
    const r = composeExtractive('esim i klokka?', [qaHit({ question: 'Kan jeg bruke eSIM i smartklokke?', answer })], 'nb');
    expect(r.answer).toBe(answer);
  });

  it('picks the sentences that match the question, in document order, and leaves unrelated ones out', () => {
    const r = composeExtractive('Hvor finner jeg PUK-koden?', [pageHit({ text: PUK_PAGE, title: 'PUK og PIN', url: 'https://example.no/puk' })], 'nb');
    expect(r.answer).toContain('Du finner PUK-koden på Min side under SIM-kort.');
    expect(r.answer.indexOf('trenger du')).toBeLessThan(r.answer.indexOf('Du finner'));
    expect(r.answer).not.toContain('Kundeservice har åpent');
    expect(r.answer).not.toContain('Nettbutikken');
    expect(words(r.answer)).toBeLessThanOrEqual(MAX_ANSWER_WORDS);
    expect(r.sources).toEqual([{ url: 'https://example.no/puk', title: 'PUK og PIN' }]);
  });

  it('never cuts a sentence when whole sentences fit the word limit', () => {
    const sentence = (i: number) => `Roaming i EU koster ingenting ekstra for abonnement nummer ${i} hos oss.`;
    const text = Array.from({ length: 20 }, (_, i) => sentence(i)).join(' ');
    const r = composeExtractive('Hva koster roaming i EU?', [pageHit({ text })], 'nb');
    expect(words(r.answer)).toBeLessThanOrEqual(MAX_ANSWER_WORDS);
    expect(r.answer).toMatch(/hos oss\.$/);
    for (const s of splitSentences(r.answer)) expect(text).toContain(s.text);
  });

  it('cuts a single over-long sentence at a word boundary with an ellipsis', () => {
    const text = `Fakturaen ${Array.from({ length: 100 }, (_, i) => `ord${i}`).join(' ')} slutt.`;
    const r = composeExtractive('Når kommer fakturaen?', [pageHit({ text })], 'nb');
    expect(r.answer.endsWith('…')).toBe(true);
    expect(words(r.answer)).toBe(MAX_ANSWER_WORDS);
    expect(r.answer).toMatch(/^Fakturaen ord0 ord1 /);
  });

  it('returns plain text: no tags, entities or Markdown links from the passage', () => {
    const text = '<p>Du kan <b>betale</b> fakturaen med Vipps &amp; AvtaleGiro.</p> Se [Min side](https://example.no/min-side) &lt;i&gt;nå&lt;/i&gt;.';
    const r = composeExtractive('Hvordan betale faktura?', [pageHit({ text })], 'nb');
    expect(r.answer).not.toMatch(/<[^>]*>|&[a-z]+;|\]\(/i);
    expect(r.answer).toContain('Du kan betale fakturaen med Vipps & AvtaleGiro.');
  });

  it('keeps abbreviations such as "tlf." and "f.eks." inside their sentence', () => {
    const r = composeExtractive('Hvordan kontakter jeg kundeservice?', [pageHit({ text: 'Kontakt kundeservice på tlf. 915 00 000 eller chat. Annet innhold her.' })], 'nb');
    expect(r.answer).toBe('Kontakt kundeservice på tlf. 915 00 000 eller chat. Annet innhold her.');
  });

  it('answers an English question from a Norwegian passage with the sentences its translations find', () => {
    const text = 'Vi hjelper deg gjerne. Appen heter Min Fjordmobil. Der finner du fakturaen. Mistet du telefonen, sperrer vi SIM-kortet med en gang.';
    const r = composeExtractive('I lost my phone', [pageHit({ text })], 'en');
    // Said to be Norwegian: offline there is no model to translate it.
    expect(r.answer).toBe('Our help pages say this in Norwegian:\nMistet du telefonen, sperrer vi SIM-kortet med en gang.');
  });

  it('quotes the section under a matching heading, not the heading, and keeps table rows on their own lines', () => {
    const text = 'Vi hjelper deg gjerne.\nÅpningstider for kundeservice\nChat | 08:00–22:00\nTelefon | 08:00–20:00\nPost\nFjordmobil AS, Postboks 1234.';
    const hit = pageHit({ text, chunk: { subheadings: ['Åpningstider for kundeservice', 'Post'] } });
    const r = composeExtractive('Når har kundeservice åpningstider?', [hit], 'nb');
    expect(r.answer).toBe('Chat | 08:00–22:00\nTelefon | 08:00–20:00');
  });

  it('quotes a table row with its table\'s header row', () => {
    const text = 'Hver dag svarer vi så fort vi kan.\nDag | Chat | Telefon\nJulaften | 09:00–13:00 | 09:00–12:00\n17. mai | 10:00–16:00 | Stengt';
    const r = composeExtractive('har dere åpent 17. mai?', [pageHit({ text })], 'nb');
    expect(r.answer).toBe('Dag | Chat | Telefon\n17. mai | 10:00–16:00 | Stengt');
  });

  it('quotes a table row whole, not its cells cut at a full stop', () => {
    const text = 'Lampe | Betydning\nFast hvitt | Alt virker\nRødt | Feil. Start ruteren på nytt, og kontakt oss hvis det fortsetter';
    const r = composeExtractive('ruteren lyser rødt', [pageHit({ text })], 'nb');
    expect(r.answer).toBe('Lampe | Betydning\nRødt | Feil. Start ruteren på nytt, og kontakt oss hvis det fortsetter');
  });

  it('quotes the rest of a table row after its cell\'s first sentence', () => {
    const text = [
      'Ruteren har en lampe foran.',
      'Lampe | Betydning',
      'Fast hvitt | Alt virker',
      'Blinker hvitt | Ruteren starter opp. Vent et par minutter',
      'Rødt | Feil. Start ruteren på nytt, og kontakt oss hvis det fortsetter',
    ].join('\n');
    const answer = selectSentences(analyzer.contentWords('ruteren blinker rødt'), text, analyzer, 30);
    expect(answer).toContain('Rødt | Feil. Start ruteren på nytt, og kontakt oss hvis det fortsetter');
  });

  it('quotes a later sentence of a labelled list item with the sentence that carries the label', () => {
    const text = [
      'Skriv inn adressen din, så ser du om det er fiber i boligen.',
      'Fiber er allerede installert: Ingen etablering. Du kan være i gang i løpet av 5–10 virkedager.',
      'Fiber er i gata: Etableringen koster 0 kr med binding. Det tar vanligvis 4–8 uker, og du må grave grøft til huset.',
    ].join('\n');
    const r = composeExtractive('hvor lang tid tar det å grave grøft til huset?', [pageHit({ text })], 'nb');
    expect(r.answer).toContain('Det tar vanligvis 4–8 uker');
    // Alone, next to the other item's line, it would seem to be about installed fibre.
    expect(r.answer).toContain('Fiber er i gata: Etableringen koster 0 kr med binding.');
    // A paragraph without a label brings nothing extra: its first sentence need not be about the same.
    const prose = composeExtractive('hvor lang tid tar det å grave grøft til huset?', [pageHit({ text: 'Vi bygger ut fiber i hele landet. Det tar vanligvis 4–8 uker å grave grøft til huset.' })], 'nb');
    expect(prose.answer).toBe('Det tar vanligvis 4–8 uker å grave grøft til huset.');
  });

  it('says a sentence the passage repeats only once', () => {
    const text = 'Apple Watch:\n1. Bestill tillegget Klokke i Min Fjordmobil.\n2. Åpne Watch-appen.\nSamsung:\n1. Bestill tillegget Klokke i Min Fjordmobil.\n2. Åpne Wearable-appen.';
    const r = composeExtractive('hvordan bestiller jeg tillegget klokke?', [pageHit({ text })], 'nb');
    expect(r.answer.match(/Bestill tillegget Klokke/g)).toHaveLength(1);
  });

  it('falls back to the lead sentence when no sentence shares a word with the question', () => {
    const r = composeExtractive('xyzzy?', [pageHit({ text: 'Første setning. Andre setning. Tredje setning.' })], 'nb');
    expect(r.answer.startsWith('Første setning.')).toBe(true);
  });

  it('lists a second source only when it scores close to the first and covers the question', () => {
    const top = pageHit({ url: 'https://example.no/a', title: 'A', text: 'Roaming i EU er gratis.', score: 0.8 });
    const close = pageHit({ url: 'https://example.no/b', title: 'B', score: 0.76, coverage: 0.8 });
    const closeButIrrelevant = pageHit({ url: 'https://example.no/c', title: 'C', score: 0.78, coverage: 0.2 });
    const far = pageHit({ url: 'https://example.no/d', title: 'D', score: 0.5, coverage: 1 });
    const q = 'Er roaming i EU gratis?';
    expect(composeExtractive(q, [top, close], 'nb').sources.map((s) => s.title)).toEqual(['A', 'B']);
    expect(composeExtractive(q, [top, closeButIrrelevant], 'nb').sources.map((s) => s.title)).toEqual(['A']);
    expect(composeExtractive(q, [top, far], 'nb').sources.map((s) => s.title)).toEqual(['A']);
  });

  it("prefers a chunk in the customer's language when it scores nearly as well", () => {
    const english = { ...qaHit({ question: 'Can I use eSIM in a smartwatch?', answer: 'Yes, most watches work.', lang: 'en' }).best, score: 0.88 };
    const nb = qaHit({ question: 'Kan jeg bruke eSIM i smartklokke?', answer: 'Ja, de fleste klokker fungerer.' });
    const page = { ...nb, hits: [nb.best, english] };
    expect(composeExtractive('Can I use eSIM in my watch?', [page], 'en').answer).toBe('Yes, most watches work.');
    expect(composeExtractive('Kan jeg bruke eSIM i klokka?', [page], 'nb').answer).toBe('Ja, de fleste klokker fungerer.');
  });

  it('answers a how-to question from the section with the steps when it scores nearly as well', () => {
    const steps = { ...pageHit({ text: 'Aktivere på Apple Watch\nBestill tillegget Klokke i appen.\nÅpne Watch-appen på iPhonen.', chunk: { id: 'steps', subheadings: ['Aktivere på Apple Watch'] } }).best, score: 0.79 };
    const models = pageHit({ text: 'Hvilke klokker støttes?\nApple Watch Series 4 eller nyere har eSIM.', score: 0.8, chunk: { subheadings: ['Hvilke klokker støttes?'] }, more: [steps] });
    expect(composeExtractive('Hvordan får jeg eSIM på Apple Watch?', [models], 'nb').answer).toContain('Bestill tillegget Klokke');
    // Not a how-to question: the best section answers.
    expect(composeExtractive('Har Apple Watch eSIM?', [models], 'nb').answer).toContain('Series 4');
  });

  it('quotes only the section whose heading names the question best, not a sibling sharing one word', () => {
    const headings = ['Aktivere på Apple Watch', 'Aktivere på Samsung Galaxy Watch'];
    const text = `${headings[0]}\nÅpne Watch-appen på iPhonen.\nLogg inn med BankID.\n${headings[1]}\nÅpne Galaxy Wearable-appen.\nSkann QR-koden du får på e-post.`;
    const answer = composeExtractive('Hvordan får jeg eSIM på Apple Watch?', [pageHit({ text, chunk: { subheadings: headings } })], 'nb').answer;
    expect(answer).toContain('Watch-appen');
    expect(answer).not.toMatch(/QR-koden|Galaxy/);
    // Headings naming different words of the question each lend theirs.
    const visit = ['Hjelp i butikken', 'Bestill time'];
    const shop = `${visit[0]}\nVi flytter innhold til ny telefon.\n${visit[1]}\nBestill time på nettsiden vår.`;
    expect(composeExtractive('kan jeg bestille time for hjelp i butikken', [pageHit({ text: shop, chunk: { subheadings: visit } })], 'nb').answer).toContain('Bestill time på nettsiden');
  });

  it('finds the steps for an English how-to question on a Norwegian page, through translations and compound heads', () => {
    const ways = { ...pageHit({ text: 'Betalingsmåter og fakturagebyr\nMed eFaktura kommer fakturaen rett i nettbanken din.', chunk: { id: 'ways', subheadings: ['Betalingsmåter og fakturagebyr'] } }).best, score: 0.77 };
    const complaint = pageHit({ text: 'Vil du klage på fakturaen, gjør det før forfall. Resten må du betale som vanlig.', score: 0.8, chunk: { subheadings: ['Stemmer ikke fakturaen?'] }, more: [ways] });
    const r = composeExtractive('How do I pay my bill?', [complaint], 'en');
    expect(r.answer).toContain('eFaktura');
    expect(r.answer).not.toContain('klage');
  });

  it('answers a question for a value from the section of the page that states one', () => {
    // The advice section shares the question's words ("sender … SMS", "koste"); the price table
    // in the next section holds the answer.
    const table = { ...pageHit({ text: 'Priser for satellittnett\nTjeneste | Pris\nRinge (per minutt) | 39 kr\nSende SMS | 9 kr', chunk: { id: 'prices', subheadings: ['Priser for satellittnett'] } }).best, score: 0.7 };
    const advice = pageHit({
      text: 'Slik unngår du en høy regning\nVi sender også en SMS når telefonen kobler seg til et slikt nett, med prisene.\nSlå av mobilsvar, ellers kan det koste deg når noen ringer.',
      score: 0.8,
      chunk: { subheadings: ['Slik unngår du en høy regning'] },
      more: [table],
    });
    expect(composeExtractive('hva koster det å sende sms fra et cruiseskip', [advice], 'nb').answer).toContain('9 kr');
    // A duration, from a section scoring far lower, whose heading asks for one.
    const kept = { ...pageHit({ text: 'Hvor lenge lagrer vi opplysningene?\nOpplysning | Lagringstid\nChatlogger | 12 måneder', chunk: { id: 'kept', subheadings: ['Hvor lenge lagrer vi opplysningene?'] } }).best, score: 0.3 };
    const stored = pageHit({ text: 'Vi tar vare på opplysningene dine. Her er hva vi lagrer, hvor lenge og hvilke rettigheter du har.\nKundedialog: opptak av samtaler og chatlogger', score: 0.8, more: [kept] });
    expect(composeExtractive('hvor lenge tar dere vare på chatloggene', [stored], 'nb').answer).toContain('12 måneder');
    // A question that asks for no value keeps the best section.
    expect(composeExtractive('lagrer dere chatloggene', [stored], 'nb').answer).toContain('Kundedialog');
  });

  it('answers where the stores are from the section with their addresses, rows included', () => {
    const addresses = {
      ...pageHit({
        text: 'Vi har fem butikker i Norge. Her kan du få hjelp med abonnement, SIM-kort og eSIM, flytting av nummer og identifisering.\nAdresser og åpningstider\nButikk | Adresse | Man–fre\nBergen sentrum | Fjordgaten 12, 5003 Bergen | 10:00–20:00\nOslo, Storgata | Storgata 40, 0182 Oslo | 10:00–20:00',
        chunk: { id: 'addresses', subheadings: ['Adresser og åpningstider'] },
      }).best,
      score: 0.8,
    };
    const repairs = pageHit({ text: 'Reparasjon og retur\nVi reparerer ikke telefoner i butikkene våre.', score: 0.95, chunk: { subheadings: ['Reparasjon og retur'] }, more: [addresses] });
    const answer = composeExtractive('hvor er nærmeste butikk', [repairs], 'nb').answer;
    expect(answer).toContain('Vi har fem butikker i Norge.');
    expect(answer).toContain('Fjordgaten 12');
    expect(answer).toContain('Storgata 40');
    // "Hvor finner jeg …" in the app asks for no street address.
    expect(composeExtractive('hvor kan jeg reparere telefonen', [repairs], 'nb').answer).toContain('reparerer ikke');
  });

  it('prefers the price a section heading names over one mentioned in passing', () => {
    const price = { ...pageHit({ text: 'Pris og hastighet\n449 kr per måned med fri bruk', chunk: { id: 'price', subheadings: ['Pris og hastighet'] } }).best, score: 0.7 };
    const cabin = pageHit({ text: 'Mobilt bredbånd\nData 20 GB koster 149 kr per måned.', score: 0.8, chunk: { subheadings: ['Mobilt bredbånd'] }, more: [price] });
    expect(composeExtractive('hva koster hjemme 5g per mnd', [cabin], 'nb').answer).toContain('449 kr');
  });

  it("replaces a Q&A answer without the asked value, but not one that gives it", () => {
    const contact = { ...pageHit({ text: 'E-post og post\nE-post: kundeservice@fjordmobil.example.', chunk: { id: 'mail', subheadings: ['E-post og post'] } }).best, score: 0.6 };
    const phone = qaHit({ question: 'Snakke med kundeservice på telefon', answer: 'Ring 21 00 00 00, mandag–fredag 08:00–20:00.' });
    expect(composeExtractive('epostadressen til kundeservice', [{ ...phone, hits: [phone.best, contact] }], 'nb').answer).toContain('kundeservice@fjordmobil.example');
    const table = { ...pageHit({ text: 'Hastigheter og priser\nFiber 500 | 699 kr\nMobilabonnement hos oss gir 100 kr rabatt på fiber.', chunk: { id: 'fiber', subheadings: ['Hastigheter og priser'] } }).best, score: 0.8 };
    const prices = qaHit({ question: 'Hvor mye koster bredbånd?', answer: 'Fiber 500 koster 699 kr per måned.' });
    expect(composeExtractive('hva koster fiber 500 og får jeg rabatt med mobilabonnement', [{ ...prices, hits: [prices.best, table] }], 'nb').answer).toBe('Fiber 500 koster 699 kr per måned.');
  });

  it('returns nothing to say when there are no pages', () => {
    expect(composeExtractive('Hei?', [], 'nb')).toEqual({ answer: '', sources: [] });
  });
});

describe('composeExtractive on a thin match', () => {
  it('adds the sentences right after a short best match, where the steps usually are', () => {
    const text = 'Mistet mobilen? Sperr SIM-kortet på Min side. Logg inn med BankID og velg Sperr. Vi har butikker i hele landet, fra Kristiansand i sør til Kirkenes i nord, med gode tilbud.';
    const r = composeExtractive('Hvordan sperre SIM-kortet?', [pageHit({ text })], 'nb');
    expect(r.answer).toBe('Sperr SIM-kortet på Min side. Logg inn med BankID og velg Sperr.');
  });
});

describe('composeExtractive and headings', () => {
  it('does not quote a line that only repeats the heading', () => {
    const text = 'PUK og PIN\nDu finner PUK-koden på Min side, under SIM-kort og innstillinger for abonnementet ditt.';
    const r = composeExtractive('Hvor finner jeg PUK?', [pageHit({ text, title: 'PUK og PIN', chunk: { headingPath: ['PUK og PIN'] } })], 'nb');
    expect(r.answer).toBe('Du finner PUK-koden på Min side, under SIM-kort og innstillinger for abonnementet ditt.');
  });
});

describe('selectSentences', () => {
  const analyzer = createAnalyzer();
  const words = (question: string) => analyzer.contentWords(question);
  // "mobilsvar" and "ringe" are the page's topic, in most sentences; "sekunder" is in one.
  const VOICEMAIL = [
    'Ring 2001 fra mobilen for å ringe til mobilsvar.',
    'Mobilsvar ringer deg opp når det er en ny beskjed.',
    'Mobilsvar er gratis for den som ringer.',
    'Mobilsvar lagrer beskjeder fra dem som ringer i 14 dager.',
    'Du kan velge fra 5 til 30 sekunder.',
    'Slå av mobilsvar når du reiser.',
    'Mobilsvar virker i hele EU.',
    'PIN-koden er 1234.',
  ].join('\n');

  it('quotes a labelled list item whole while it fits, its advice after the warning included', () => {
    const scams = [
      'Falske SMS om pakker: Du får en lenke og blir bedt om å betale et lite beløp. Ikke klikk på lenken.',
      'Ubesvarte anrop fra utenlandske numre (wangiri): Du får et kort anrop fra et ukjent utenlandsk nummer. Ringer du tilbake, kan det koste mye. Ikke ring tilbake numre du ikke kjenner.',
    ].join('\n');
    expect(selectSentences(words('wangiri'), scams, analyzer, MAX_ANSWER_WORDS)).toBe(
      'Ubesvarte anrop fra utenlandske numre (wangiri): Du får et kort anrop fra et ukjent utenlandsk nummer. Ringer du tilbake, kan det koste mye. Ikke ring tilbake numre du ikke kjenner.',
    );
    // Within the limit only.
    expect(selectSentences(words('wangiri'), scams, analyzer, 25)).not.toContain('Ikke ring tilbake');
  });

  it('puts the sentence with the question\'s most specific word first, before ones with more topic words', () => {
    const answer = selectSentences(words('hvor mange sekunder ringer det før mobilsvaret tar over'), VOICEMAIL, analyzer, 9);
    expect(answer).toBe('Du kan velge fra 5 til 30 sekunder.');
  });

  it('keeps the rest of the best sentence\'s paragraph before matches from elsewhere', () => {
    const text = [
      'Slå av viderekobling til mobilsvar: tast ##002# og trykk ring.',
      'Du kan velge fra 5 til 30 sekunder før mobilsvar tar over. Standard er 20 sekunder.',
      'Vil du unngå det, kan du slå av mobilsvar før du reiser.',
    ].join('\n');
    const answer = selectSentences(words('hvor mange sekunder ringer det før mobilsvaret tar over'), text, analyzer, MAX_ANSWER_WORDS);
    expect(answer).toContain('Standard er 20 sekunder.');
  });

  it('counts a word a sentence shares with its heading once when it ranks the extra sentences', () => {
    const headings = ['Slå av eller på mobilsvar', 'Mobilsvar og utlandet'];
    const text = [
      headings[0],
      'Slå av all viderekobling til mobilsvar: tast ##002# og trykk ring.',
      'Du kan også velge hvor lenge telefonen skal ringe før mobilsvar tar over: fra 5 til 30 sekunder.',
      headings[1],
      'Vil du unngå det, kan du slå av mobilsvar før du reiser.',
    ].join('\n');
    const answer = selectSentences(words('hvor mange sekunder ringer det før mobilsvaret tar over'), text, analyzer, MAX_ANSWER_WORDS, headings);
    expect(answer).toBe('Du kan også velge hvor lenge telefonen skal ringe før mobilsvar tar over: fra 5 til 30 sekunder.');
  });

  it('brings the steps a quoted sentence ending in a colon introduces, up to the next heading', () => {
    const headings = ['Fra iPhone til iPhone', 'Alle andre bytter'];
    const text = [
      'Har du kjøpt ny telefon og bruker eSIM? En eSIM kan bare være i én telefon om gangen, så du må flytte den. Det finnes to måter å gjøre det på, avhengig av telefonen.',
      headings[0],
      'Har både den gamle og den nye telefonen iOS 17 eller nyere, kan du bruke eSIM-overføring:',
      'Ha den gamle iPhonen i nærheten, låst opp og med Bluetooth på.',
      'På den nye iPhonen: Innstillinger → Mobilnett → Legg til eSIM → Overfør fra iPhone i nærheten.',
      'Bekreft på den gamle telefonen og følg instruksjonene.',
      headings[1],
      'Da bestiller du en ny i appen.',
    ].join('\n');
    const answer = selectSentences(words('ny telefon, hvordan flytter jeg esim'), text, analyzer, MAX_ANSWER_WORDS, headings);
    expect(answer).toContain('kan du bruke eSIM-overføring:\nHa den gamle iPhonen');
    expect(answer).toContain('Bekreft på den gamle telefonen og følg instruksjonene.');
    expect(answer).not.toContain('Da bestiller du');
    // With no room for a single step, the sentence is left out rather than quoted dangling.
    const tight = selectSentences(words('ny telefon, hvordan flytter jeg esim'), text, analyzer, 40, headings);
    expect(tight).not.toMatch(/:$/);
  });

  it('still lends a heading\'s words to the lines under it that name none themselves', () => {
    const headings = ['Åpningstider for kundeservice'];
    const text = `${headings[0]}\nChat | 08–22\nTelefon | 08–20\nKundeservice svarer på e-post innen to dager.`;
    const answer = selectSentences(words('når har kundeservice åpningstider'), text, analyzer, MAX_ANSWER_WORDS, headings);
    expect(answer).toContain('Chat | 08–22');
    expect(answer).toContain('Telefon | 08–20');
  });
});

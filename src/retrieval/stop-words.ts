// Function words that carry no topic in either language. Kept short on purpose: words that are
// a stop word in one language but content in the other (nb "by" = city, "to" = two) are left out.
const ENGLISH = `a about above after again against all am an and any are as at be because been before
being below between both but can could did do does doing down during each few for from further had
has have having he her here hers herself him himself his how i if in into is it its itself just me
more most my myself no nor not of off on once only or other our ours ourselves out over own same she
should so some such than that the their theirs them themselves then there these they this those
through too under until up very was we were what when where which while who whom why will with would
you your yours yourself yourselves im ive id dont doesnt didnt cant isnt wont there s t d ll m re ve
please thanks hi hello anyone someone way get got also much`;

const NORWEGIAN = `og i jeg det at en et den til er som på de med han av ikke der så var meg seg men
ett har om vi min mitt ha hadde hun nå over da ved fra du ut sin dem oss opp man kan hans hvor eller
hva skal selv sjøl her alle vil bli ble blei blitt kunne inn når være kom noen noe ville dere deres
kun ja etter ned skulle denne for deg si sine sitt mot å meget hvorfor dette disse uten hvordan ingen
din ditt blir samme hvilken hvilket hvilke sånn inni mellom vår vårt våre hennes hans dine mine
hei takk jo vel bare også må mm mye`;

// Nynorsk and the commonest spoken forms customers type ("kva", "korleis", "dokker", "ka"): without
// them a nynorsk question's own function words count as content the page lacks, and a right
// page scores too low to answer. Forms that are words in bokmål or English are left out.
const NYNORSK_AND_SPOKEN = `eg kva korleis kvifor kven kor kvar ikkje ein eit frå berre òg då meir mykje noko
nokon nokre dykk dykkar dei deira ho hjå sjølv sidan viss medan utan gjennom vere vera vore vert
ka koss kossen dokker dokkers te førr nokke nåkka ittj`;

/** Stop words of nb (with nynorsk and spoken forms) and en, case-folded like our tokens. */
export const STOP_WORDS: ReadonlySet<string> = new Set(`${ENGLISH} ${NORWEGIAN} ${NYNORSK_AND_SPOKEN}`.split(/\s+/).filter(Boolean));

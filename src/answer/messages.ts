/** Languages the bot writes in. */
export type AnswerLang = 'nb' | 'en';

/** The user-facing texts answering needs, in each language the bot writes. */
export interface Messages {
  /** Not confident: say so plainly and offer a person. */
  abstain: string;
  /** The language model failed or timed out: same offer, without blaming the customer. */
  llmFailed: string;
  /** Said before a passage quoted offline in the other language (no model to translate it). */
  quotedInOtherLanguage: string;
  /** A follow-up ("hva koster det?") with nothing before it: ask what it is about. */
  unclear: string;
}

export const MESSAGES: Readonly<Record<AnswerLang, Messages>> = {
  nb: {
    abstain: 'Jeg er ikke sikker på svaret på dette. Vil du at jeg setter deg over til en av rådgiverne våre?',
    llmFailed:
      'Beklager, jeg fikk ikke til å lage et svar akkurat nå. Vil du at jeg setter deg over til en av rådgiverne våre?',
    quotedInOtherLanguage: 'Dette står på de engelske sidene våre:',
    unclear: 'Hva gjelder spørsmålet? Skriv gjerne hele spørsmålet, så finner jeg svaret. Eller vil du snakke med en rådgiver?',
  },
  en: {
    abstain: "I'm not sure about this one. Would you like me to connect you with one of our advisors?",
    llmFailed:
      "Sorry, I couldn't put an answer together just now. Would you like me to connect you with one of our advisors?",
    quotedInOtherLanguage: 'Our help pages say this in Norwegian:',
    unclear: 'What is your question about? Please write it out in full, so I can find the answer. Or would you like to talk to an advisor?',
  },
};

/** The texts for one language. */
export function messagesFor(lang: AnswerLang): Messages {
  return MESSAGES[lang];
}

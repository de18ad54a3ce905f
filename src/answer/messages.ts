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
}

export const MESSAGES: Readonly<Record<AnswerLang, Messages>> = {
  nb: {
    abstain: 'Jeg er ikke sikker på svaret på dette. Vil du at jeg setter deg over til en av rådgiverne våre?',
    llmFailed:
      'Beklager, jeg fikk ikke til å lage et svar akkurat nå. Vil du at jeg setter deg over til en av rådgiverne våre?',
    quotedInOtherLanguage: 'Dette står på de engelske sidene våre:',
  },
  en: {
    abstain: "I'm not sure about this one. Would you like me to connect you with one of our advisors?",
    llmFailed:
      "Sorry, I couldn't put an answer together just now. Would you like me to connect you with one of our advisors?",
    quotedInOtherLanguage: 'Our help pages say this in Norwegian:',
  },
};

/** The texts for one language. */
export function messagesFor(lang: AnswerLang): Messages {
  return MESSAGES[lang];
}

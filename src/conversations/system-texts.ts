import type { Lang } from '../protocol/widget-api.js';

/** Texts the server writes into a conversation, in the customer's language. */
export const SYSTEM_TEXTS = {
  queued: {
    nb: 'Jeg setter deg over til en kundebehandler. Hele samtalen følger med, så du slipper å gjenta noe.',
    en: "I'm connecting you with an advisor. They will see this whole conversation, so you won't have to repeat anything.",
  },
  agentJoined: { nb: (name: string) => `${name} har overtatt samtalen.`, en: (name: string) => `${name} has joined the conversation.` },
  agentLeft: {
    nb: 'Du er satt tilbake i køen. Neste ledige kundebehandler tar over.',
    en: "You're back in the queue. The next available advisor will take over.",
  },
  closed: {
    nb: 'Samtalen er avsluttet. Hvordan var hjelpen du fikk? Gi gjerne en vurdering fra 0 til 10.',
    en: 'The conversation has ended. How was the help you got? Please rate it from 0 to 10.',
  },
  greeting: {
    nb: 'Hei! Hva kan jeg hjelpe deg med?',
    en: 'Hi! What can I help you with?',
  },
  welcome: {
    nb: 'Bare hyggelig! Er det noe mer, er det bare å spørre.',
    en: "You're welcome! If there's anything else, just ask.",
  },
  contactSaved: {
    nb: (email: string) => `Takk! Vi svarer deg på ${email}.`,
    en: (email: string) => `Thanks! We'll reply to ${email}.`,
  },
} as const satisfies Record<string, Record<Lang, unknown>>;

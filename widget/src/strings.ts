import type { Lang, WidgetConfig } from '../../src/protocol/widget-api.js';

const nb = {
  open: 'Åpne chat',
  close: 'Lukk chat',
  title: (name: string) => `Chat med ${name}`,
  placeholder: 'Skriv et spørsmål …',
  inputLabel: 'Ditt spørsmål',
  send: 'Send',
  person: 'Snakk med et menneske',
  helped: 'Hjalp dette?',
  yes: 'Ja',
  no: 'Nei',
  thanksFeedback: 'Takk for tilbakemeldingen!',
  sources: 'Kilder',
  queue: (pos: number, min: number | null) => `Du er nummer ${pos} i køen${min ? `, ca. ${min} min ventetid` : ''}.`,
  unstaffed: 'Ingen rådgivere er pålogget akkurat nå. Du kan vente her, eller legge igjen e-postadressen din, så svarer vi deg der.',
  withAgent: (name: string) => `Du chatter med ${name}.`,
  agentTyping: 'Kundebehandleren skriver …',
  botTyping: 'Boten skriver …',
  emailLabel: 'E-postadressen din',
  emailSend: 'Send',
  emailInvalid: 'Skriv en gyldig e-postadresse.',
  rateQuestion: 'Hvor fornøyd er du med hjelpen? (0 = svært misfornøyd, 10 = svært fornøyd)',
  rateComment: 'Kommentar (valgfritt)',
  rateSend: 'Send vurdering',
  rateThanks: 'Takk for vurderingen!',
  offlineNetwork: 'Mistet forbindelsen – prøver igjen …',
  error: 'Noe gikk galt. Prøv igjen.',
  you: 'Du',
  bot: 'Bot',
  agent: 'Kundebehandler',
};
export type Strings = typeof nb;

const en: Strings = {
  open: 'Open chat',
  close: 'Close chat',
  title: (name) => `Chat with ${name}`,
  placeholder: 'Ask a question …',
  inputLabel: 'Your question',
  send: 'Send',
  person: 'Talk to a person',
  helped: 'Did that help?',
  yes: 'Yes',
  no: 'No',
  thanksFeedback: 'Thanks for the feedback!',
  sources: 'Sources',
  queue: (pos, min) => `You are number ${pos} in the queue${min ? `, about ${min} min` : ''}.`,
  unstaffed: 'No advisor is signed in right now. You can wait here, or leave your e-mail address and we will reply to you there.',
  withAgent: (name) => `You are chatting with ${name}.`,
  agentTyping: 'The advisor is typing …',
  botTyping: 'The bot is typing …',
  emailLabel: 'Your e-mail address',
  emailSend: 'Send',
  emailInvalid: 'Please enter a valid e-mail address.',
  rateQuestion: 'How happy are you with the help? (0 = very unhappy, 10 = very happy)',
  rateComment: 'Comment (optional)',
  rateSend: 'Send rating',
  rateThanks: 'Thanks for your rating!',
  offlineNetwork: 'Connection lost – retrying …',
  error: 'Something went wrong. Please try again.',
  you: 'You',
  bot: 'Bot',
  agent: 'Advisor',
};

/** The widget's language: the page's lang (nb/nn/no → nb, en → en) if the bot speaks it, else the bot's default. */
export function pickLang(pageLang: string | null | undefined, botLangs: readonly Lang[], fallback: Lang): Lang {
  const base = (pageLang ?? '').toLowerCase().split('-')[0];
  const lang: Lang | null = base === 'nb' || base === 'nn' || base === 'no' ? 'nb' : base === 'en' ? 'en' : null;
  return lang && botLangs.includes(lang) ? lang : fallback;
}

/** UI strings for a language. */
export function stringsFor(lang: Lang): Strings {
  return lang === 'nb' ? nb : en;
}

/** The "in training" line under the header: the share of questions solved, or how far the measuring is. */
export function badgeText(config: WidgetConfig, lang: 'nb' | 'en'): string {
  const { rate, sample, minSample } = config.badge;
  if (rate === null) return lang === 'nb' ? `I opplæring · måler fortsatt (${sample} av ${minSample} samtaler)` : `In training · still measuring (${sample} of ${minSample} conversations)`;
  const pct = Math.round(rate * 100);
  return lang === 'nb' ? `I opplæring · løser ${pct} % av spørsmålene (${sample} samtaler)` : `In training · solves ${pct}% of questions (${sample} conversations)`;
}

import { describe, expect, it } from 'vitest';
import { greetingLanguage, isGreeting, isPersonRequest, isThanks, isYes } from '../../src/handoff/person-request.js';

const YES = [
  'Kan jeg snakke med et menneske?', 'jeg vil snakke med en kundebehandler', 'snakke med noen', 'Menneske!', 'kundebehandler takk',
  'kan jeg få prate med en ekte person', 'sett meg over til kundeservice', 'koble meg til en rådgiver', 'jeg vil ha et menneske',
  'kan jeg chatte med en ansatt', 'få snakke med kundeservice', 'MENNESKE', 'ekte person', 'kan du sette meg over til en kundebehandler?',
  'jeg ønsker en rådgiver', 'la meg snakke med noen', 'vil snakke med mennesker', 'skrive med en person',
  'I want to talk to a human', 'human please', 'agent', 'Can I speak to a real person?', 'talk to someone', 'connect me to an agent',
  'transfer me to customer service', 'speak with a representative', 'I need a human', 'chat with support', 'get me a real person',
  'operator', 'live agent please', 'let me talk to somebody',
  'Snakk med et menneske', 'snakk med menneske', 'Snakk med kundeservice', 'prat med et menneske', 'kontakt kundeservice', 'chat med kundeservice',
];
const NO = [
  'hvor finner jeg puk koden', 'hva er et menneskelig problem', 'er dette et menneskelig problem', 'hva gjør en kundebehandler hos dere egentlig i jobben sin',
  'hvordan bytter jeg abonnement', 'snakker klokka med mobilen', 'kan klokka snakke', 'hva koster det å ringe til utlandet fra norge i sommer',
  'what does a travel agent do', 'how do I change my user agent string', 'what is human resources phone number for employees', 'who is my agent for the insurance claim on my phone',
  'how do I talk to Siri on the watch', 'can my watch speak the time', 'human rights and privacy policy', 'how many people work at fjordmobil',
  'hvordan kontakte kundeservice', 'hva er nummeret for å ringe kundeservice', 'Når har kundeservice åpent?', 'Er kundeservice åpen nå?', 'kundeservice telefonnummer', 'åpningstider kundeservice', 'when is support open', 'where is customer service',
];

describe('isPersonRequest', () => {
  it.each(YES)('asks for a person: %s', (text) => expect(isPersonRequest(text)).toBe(true));
  it.each(NO)('is a question, not a request: %s', (text) => expect(isPersonRequest(text)).toBe(false));
});

describe('isYes', () => {
  it.each(['ja', 'Ja takk!', 'ja, gjerne', 'gjerne det', 'jepp', 'OK', 'yes please', 'Yes.', 'sure, thanks', 'yes that would be great'])('accepts: %s', (text) => expect(isYes(text)).toBe(true));
  it.each(['nei takk', 'no thanks', 'ja men hva koster det', 'takk', 'yes I want to know the price of roaming', 'ok so how do I pay', ''])('is no yes: %s', (text) => expect(isYes(text)).toBe(false));
});

describe('isThanks', () => {
  it.each(['Tusen takk!', 'takk for hjelpen', 'ok takk', 'Perfekt, takk skal du ha', 'thanks!', 'thank you so much', 'Thanks, that helped'])('thanks: %s', (text) => expect(isThanks(text)).toBe(true));
  it.each(['takk, men hva koster det?', 'thanks but how do I pay', 'nei takk', 'ja takk', 'hvordan takker jeg nei til reklame', ''])('is no thank-you: %s', (text) => expect(isThanks(text)).toBe(false));
});

describe('isGreeting', () => {
  it.each(['Hei', 'Hei!', 'hei hei', 'Hallo der', 'God morgen', 'heisann alle sammen', 'Hi there!', 'hello', 'Good evening'])('greeting: %s', (text) => expect(isGreeting(text)).toBe(true));
  it.each(['Hei, hva koster det å ringe til Sverige?', 'hei jeg har glemt PUK-koden', 'good', 'dag', 'hi, how do I pay my bill?', ''])('is no greeting alone: %s', (text) => expect(isGreeting(text)).toBe(false));
  it('tells the greeting language', () => {
    expect([greetingLanguage('Hei!'), greetingLanguage('God kveld'), greetingLanguage('hi there')]).toEqual(['nb', 'nb', 'en']);
  });
});

import { splitWords } from './analyze-text.js';

// Words that make a question a question about money, in bokmål, nynorsk and English.
const PRICE_WORDS = new Set([
  'koste', 'koster', 'kostar', 'kostet', 'kosta', 'kostnad', 'kostnader', 'pris', 'prisen', 'priser', 'prisene', 'gebyr', 'gebyret', 'avgift', 'avgiften',
  'gratis', 'billig', 'billigere', 'billigst', 'dyr', 'dyrt', 'dyrere',
  'cost', 'costs', 'price', 'prices', 'pricing', 'fee', 'fees', 'charge', 'charges', 'free', 'cheap', 'cheaper', 'expensive',
]);

/**
 * Whether a question asks what something costs ("Hva koster …", "price of …", "is it free?").
 * "How much" alone is left out: "hvor mye data har jeg?" asks for an amount, not a price.
 */
export function asksPrice(text: string): boolean {
  return splitWords(text).some(isPriceWord);
}

/** Whether a folded word asks about money ("koster", "pris", "fee"). */
export function isPriceWord(word: string): boolean {
  return PRICE_WORDS.has(word);
}

// An amount of money as pages write it: "399 kr", "1 500 kr", "kr 49,-", "NOK 99", "$5", "€12.50".
const AMOUNT = /(?:\d[\d\s.,]*\s?(?:kr|kroner|nok|usd|eur|dollars?|euros?)\b|\d+,-|(?:kr|nok)\.?\s?\d|[$€£]\s?\d|\d\s?[$€£])/iu;

/** Whether a text states what something costs: it has an amount of money in it. */
export function statesPrice(text: string): boolean {
  return AMOUNT.test(text);
}

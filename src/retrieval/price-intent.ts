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
  return splitWords(text).some((w) => PRICE_WORDS.has(w));
}

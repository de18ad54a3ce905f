import type { Lang } from '../protocol/widget-api.js';
import { createAnalyzer } from '../retrieval/analyze-text.js';
import { isPersonRequest } from './person-request.js';

export interface SummaryTurn {
  role: 'customer' | 'bot' | 'agent' | 'system';
  text: string;
  outcome?: 'answer' | 'abstain';
  sources?: Array<{ url: string; title: string }>;
}

const analyzer = createAnalyzer();
const MAX_QUESTION_WORDS = 40;

/**
 * A short extractive summary for the agent taking over: the customer's questions (the first, plus
 * later ones that bring new content words), then what the bot tried. Offline and deterministic;
 * the words are the customer's own, so nothing is invented.
 */
export function summarizeConversation(turns: readonly SummaryTurn[], lang: Lang): string {
  const seen = new Set<string>();
  const questions: string[] = [];
  let words = 0;
  for (const turn of turns) {
    if (turn.role !== 'customer' || isPersonRequest(turn.text)) continue;
    const content = analyzer.contentWords(turn.text).map((w) => w.terms[0]!);
    const fresh = content.filter((t) => !seen.has(t));
    content.forEach((t) => seen.add(t));
    if (questions.length > 0 && fresh.length < 2) continue;
    const text = clip(turn.text.trim(), MAX_QUESTION_WORDS - words);
    if (!text) break;
    questions.push(text);
    words += text.split(/\s+/).length;
  }
  const answered = turns.filter((t) => t.role === 'bot' && t.outcome === 'answer');
  const titles = [...new Set(answered.flatMap((t) => (t.sources ?? []).slice(0, 1).map((s) => s.title)))].slice(0, 2);
  const abstained = turns.some((t) => t.role === 'bot' && t.outcome === 'abstain');
  const quote = (s: string) => (lang === 'nb' ? `«${s}»` : `"${s}"`);
  const parts: string[] = [];
  if (lang === 'nb') {
    parts.push(questions.length ? `Kunden spør: ${questions.map(quote).join(' ')}` : 'Kunden har ikke stilt noe spørsmål ennå.');
    if (titles.length) parts.push(`Boten svarte fra ${titles.map(quote).join(' og ')}${abstained ? ', men kunne ikke svare på alt' : ''}.`);
    else if (abstained) parts.push('Boten fant ikke noe svar.');
  } else {
    parts.push(questions.length ? `The customer asks: ${questions.map(quote).join(' ')}` : 'The customer has not asked anything yet.');
    if (titles.length) parts.push(`The bot answered from ${titles.map(quote).join(' and ')}${abstained ? ' but could not answer everything' : ''}.`);
    else if (abstained) parts.push('The bot found no answer.');
  }
  return parts.join(' ');
}

function clip(text: string, maxWords: number): string {
  if (maxWords <= 0) return '';
  const words = text.split(/\s+/);
  return words.length <= maxWords ? text : `${words.slice(0, maxWords).join(' ')} …`;
}

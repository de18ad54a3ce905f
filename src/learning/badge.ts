import type { BotConfig } from '../config/bot-config.js';
import type { ChatDeps } from '../conversations/chat-deps.js';
import type { Badge, Lang } from '../protocol/widget-api.js';
import { resolutionStats } from './resolution-rate.js';

/**
 * The in-training badge from the measured resolution rate: it comes off at the goal over at least
 * `minSample` conversations; below that sample it says it is still measuring.
 */
export async function badgeFor(deps: Pick<ChatDeps, 'db' | 'now'>, bot: BotConfig, lang: Lang = bot.defaultLanguage): Promise<Badge> {
  const { goal, minSample, windowDays } = bot.resolution;
  const stats = await resolutionStats(deps.db, bot.id, deps.now(), windowDays);
  const measured = stats.sample >= minSample;
  const rate = measured ? stats.rate : null;
  const inTraining = !(measured && stats.rate !== null && stats.rate >= goal);
  return { inTraining, rate, sample: stats.sample, minSample, goal, text: badgeText(inTraining, rate, stats.sample, minSample, lang) };
}

function badgeText(inTraining: boolean, rate: number | null, sample: number, minSample: number, lang: Lang): string {
  const pct = rate === null ? '' : `${Math.round(rate * 100)}%`;
  if (lang === 'nb') {
    if (!inTraining) return `Løser ${pct} av spørsmålene (${sample} samtaler)`;
    if (rate === null) return `I opplæring · måler fortsatt (${sample} av ${minSample} samtaler)`;
    return `I opplæring · løser ${pct} av spørsmålene (${sample} samtaler)`;
  }
  if (!inTraining) return `Solves ${pct} of questions (${sample} conversations)`;
  if (rate === null) return `In training · still measuring (${sample} of ${minSample} conversations)`;
  return `In training · solves ${pct} of questions (${sample} conversations)`;
}

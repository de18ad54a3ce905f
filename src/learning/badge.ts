import type { Kysely } from 'kysely';
import type { BotConfig } from '../config/bot-config.js';
import type { Badge, Lang } from '../protocol/widget-api.js';
import type { Database } from '../storage/schema.js';
import { resolutionStats, type ResolutionStats } from './resolution-rate.js';

/** How far below the goal the rate must fall before a graduated bot wears the badge again. */
export const HYSTERESIS = 0.05;

/**
 * Badge rule (PRODUCT.md): in training until the rate reaches the goal over at least `minSample`
 * conversations; once graduated, back in training only below goal − 0.05, so the badge does not
 * flicker around the goal. Below the sample it says honestly that it is still measuring.
 */
export function badgeState(stats: Pick<ResolutionStats, 'rate' | 'sample'>, bot: Pick<BotConfig, 'resolution'>, graduated: boolean): { inTraining: boolean; measured: boolean } {
  const { goal, minSample } = bot.resolution;
  const measured = stats.sample >= minSample && stats.rate !== null;
  if (!measured) return { inTraining: !graduated, measured };
  const rate = stats.rate!;
  return { inTraining: graduated ? rate < goal - HYSTERESIS : rate < goal, measured };
}

/** The badge for a bot now, from stored events; remembers graduation for the hysteresis. */
export async function badgeFor(deps: { db: Kysely<Database>; now: () => Date }, bot: BotConfig, lang: Lang = bot.defaultLanguage): Promise<Badge> {
  const { goal, minSample, windowDays } = bot.resolution;
  const stats = await resolutionStats(deps.db, bot.id, deps.now(), windowDays);
  const row = await deps.db.selectFrom('bots').select('graduated').where('id', '=', bot.id).executeTakeFirst();
  const graduated = row?.graduated === 1;
  const { inTraining, measured } = badgeState(stats, bot, graduated);
  if (graduated === inTraining) await deps.db.updateTable('bots').set({ graduated: inTraining ? 0 : 1 }).where('id', '=', bot.id).execute();
  const rate = measured ? stats.rate : null;
  return { inTraining, rate, sample: stats.sample, minSample, goal, text: badgeText(inTraining, rate, stats.sample, minSample, lang) };
}

/** The badge line in nb or en. */
export function badgeText(inTraining: boolean, rate: number | null, sample: number, minSample: number, lang: Lang): string {
  const pct = rate === null ? '' : lang === 'nb' ? `${Math.round(rate * 100)} %` : `${Math.round(rate * 100)}%`;
  if (lang === 'nb') {
    if (!inTraining) return rate === null ? 'Ferdig opplært' : `Løser ${pct} av spørsmålene (${sample} samtaler)`;
    if (rate === null) return `I opplæring · måler fortsatt (${sample} av ${minSample} samtaler)`;
    return `I opplæring · løser ${pct} av spørsmålene (${sample} samtaler)`;
  }
  if (!inTraining) return rate === null ? 'Fully trained' : `Solves ${pct} of questions (${sample} conversations)`;
  if (rate === null) return `In training · still measuring (${sample} of ${minSample} conversations)`;
  return `In training · solves ${pct} of questions (${sample} conversations)`;
}

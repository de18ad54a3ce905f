import { norwegianHolidays, type OpeningHours } from '../handoff/opening-hours.js';

const at = (open: string, close: string) => [{ open, close }];

/**
 * The demo company's chat hours as its own contact page states them (knowledge/pages/kontakt):
 * weekdays 08–22, weekends 10–18, and shorter hours on public holidays rather than closed.
 * Holidays are dated, so they are listed for the years around `now`.
 */
export function demoOpeningHours(now: Date): OpeningHours {
  const exceptions: OpeningHours['exceptions'] = [];
  // Christmas and New Year's Day open later; the other public holidays 10–16.
  const late = new Set(['01-01', '12-25', '12-26']);
  for (let year = now.getUTCFullYear() - 1; year <= now.getUTCFullYear() + 2; year++) {
    exceptions.push(
      ...[...norwegianHolidays(year)].map((date) => ({ date, hours: late.has(date.slice(5)) ? at('12:00', '16:00') : at('10:00', '16:00') })),
      { date: `${year}-12-24`, hours: at('09:00', '13:00') },
      { date: `${year}-12-31`, hours: at('09:00', '14:00') },
    );
  }
  const weekday = at('08:00', '22:00');
  const weekend = at('10:00', '18:00');
  return { timezone: 'Europe/Oslo', holidays: 'none', weekly: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: weekend, sun: weekend }, exceptions };
}

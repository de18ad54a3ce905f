import { addDays, easterSunday, type OpeningHours } from '../handoff/opening-hours.js';

const at = (open: string, close: string) => [{ open, close }];

/**
 * The demo company's chat hours as its own contact page states them (knowledge/pages/kontakt):
 * weekdays 08–22, weekends 10–18, and shorter hours on public holidays rather than closed.
 * Holidays are dated, so they are listed for the years around `now`.
 */
export function demoOpeningHours(now: Date): OpeningHours {
  const exceptions: OpeningHours['exceptions'] = [];
  for (let year = now.getUTCFullYear() - 1; year <= now.getUTCFullYear() + 2; year++) {
    const easter = easterSunday(year);
    const holidays = [`${year}-05-01`, `${year}-05-17`, ...[-3, -2, 0, 1, 39, 49, 50].map((n) => addDays(easter, n))];
    exceptions.push(
      { date: `${year}-01-01`, hours: at('12:00', '16:00') },
      ...holidays.map((date) => ({ date, hours: at('10:00', '16:00') })),
      { date: `${year}-12-24`, hours: at('09:00', '13:00') },
      { date: `${year}-12-25`, hours: at('12:00', '16:00') },
      { date: `${year}-12-26`, hours: at('12:00', '16:00') },
      { date: `${year}-12-31`, hours: at('09:00', '14:00') },
    );
  }
  const weekday = at('08:00', '22:00');
  const weekend = at('10:00', '18:00');
  return { timezone: 'Europe/Oslo', holidays: 'none', weekly: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: weekend, sun: weekend }, exceptions };
}

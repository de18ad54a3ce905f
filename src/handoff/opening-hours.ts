import { z } from 'zod';
import type { Lang } from '../protocol/widget-api.js';

/** True for a timezone name this runtime knows (IANA, e.g. Europe/Oslo). */
export function isTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time as HH:MM');
const interval = z
  .strictObject({ open: time, close: time })
  .refine((i) => i.open < i.close, { message: 'open must be before close' });
const day = z.array(interval).default([]);
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const officeHours = [{ open: '08:00', close: '16:00' }];

// "2026-24-12" (day and month swapped) must not silently skip Christmas Eve.
function isCalendarDate(s: string): boolean {
  const date = new Date(`${s}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === s;
}

/** A bot's opening hours: weekly schedule, public holidays and dated exceptions, in an IANA timezone. */
export const openingHoursSchema = z.strictObject({
  timezone: z.string().default('Europe/Oslo').refine(isTimezone, 'an IANA timezone such as Europe/Oslo'),
  weekly: z
    .strictObject({ mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day })
    .default({ mon: officeHours, tue: officeHours, wed: officeHours, thu: officeHours, fri: officeHours, sat: [], sun: [] }),
  /** 'NO': closed on Norwegian public holidays (computed per year, Easter included). */
  holidays: z.enum(['NO', 'none']).default('NO'),
  /** Dated overrides, e.g. Christmas Eve 09:00–13:00, or `hours: []` for closed. They beat holidays and the weekly schedule. */
  exceptions: z
    .array(z.strictObject({ date: z.string().refine(isCalendarDate, 'a date as YYYY-MM-DD'), hours: z.array(interval), note: z.string().optional() }))
    .default([]),
});
export type OpeningHours = z.infer<typeof openingHoursSchema>;
type Interval = { open: string; close: string };

interface LocalParts {
  date: string;
  weekday: number;
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
/** An instant's local date (YYYY-MM-DD), weekday and minutes since midnight in an IANA timezone. */
export function localParts(at: Date, timeZone: string): LocalParts {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(p.weekday!);
  return { date: `${p.year}-${p.month}-${p.day}`, weekday, minutes: Number(p.hour) * 60 + Number(p.minute) };
}

/** The UTC instant of a wall-clock time on a local date; twice-checked offset so DST switches land right. */
function localToUtc(date: string, hhmm: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = hhmm.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let guess = wall;
  for (let i = 0; i < 2; i++) {
    const p = localParts(new Date(guess), timeZone);
    const [py, pm, pd] = p.date.split('-').map(Number) as [number, number, number];
    const seen = Date.UTC(py, pm - 1, pd, Math.floor(p.minutes / 60), p.minutes % 60);
    guess += wall - seen;
  }
  return new Date(guess);
}

/** A YYYY-MM-DD date n calendar days later (earlier when negative). */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Easter Sunday (Gregorian, anonymous algorithm) as YYYY-MM-DD. */
export function easterSunday(year: number): string {
  const a = year % 19, b = Math.floor(year / 100), c = year % 100;
  const d = Math.floor(b / 4), e = b % 4, f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30, i = Math.floor(c / 4), k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31), dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
}

/** Norwegian public holidays ("helligdager" and 1 and 17 May) of a year. */
export function norwegianHolidays(year: number): Set<string> {
  const easter = easterSunday(year);
  return new Set([
    `${year}-01-01`, `${year}-05-01`, `${year}-05-17`, `${year}-12-25`, `${year}-12-26`,
    ...[-3, -2, 0, 1, 39, 49, 50].map((n) => addDays(easter, n)),
  ]);
}

function intervalsOn(hours: OpeningHours, date: string, weekday: number): Interval[] {
  const exception = hours.exceptions.find((e) => e.date === date);
  if (exception) return exception.hours;
  if (hours.holidays === 'NO' && norwegianHolidays(Number(date.slice(0, 4))).has(date)) return [];
  return hours.weekly[WEEKDAYS[weekday]!];
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

/** Is the bot's customer service open at this instant? */
export function isOpen(hours: OpeningHours, now: Date): boolean {
  const p = localParts(now, hours.timezone);
  return intervalsOn(hours, p.date, p.weekday).some((i) => toMinutes(i.open) <= p.minutes && p.minutes < toMinutes(i.close));
}

/** The first instant at or after `now` when it is open; null if it never opens within a year. */
export function nextOpening(hours: OpeningHours, now: Date): Date | null {
  if (isOpen(hours, now)) return now;
  const today = localParts(now, hours.timezone);
  for (let n = 0; n <= 370; n++) {
    const date = addDays(today.date, n);
    const weekday = (today.weekday + n) % 7;
    const opens = intervalsOn(hours, date, weekday)
      .map((i) => localToUtc(date, i.open, hours.timezone))
      .filter((t) => t.getTime() > now.getTime())
      .sort((a, b) => a.getTime() - b.getTime());
    if (opens[0]) return opens[0];
  }
  return null;
}

const DAY_NAMES = {
  nb: ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};
const MONTHS = {
  nb: ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/**
 * The concrete promise shown outside opening hours ("An advisor will reply by Tuesday 09:00"),
 * written in the customer's timezone when known (a visitor abroad reads their own clock time),
 * else the bot's. `at` is null only when the schedule never opens (a configuration
 * mistake); the text then promises an e-mail reply without a time rather than saying "soon".
 * `shownAt` is when the customer reads it (default `now`, the request): a promise made at 20:00
 * for 08:00 says "tomorrow" then and "today" when the widget is reopened after midnight; once
 * the time has passed unanswered, it says so (with the date) and apologises, never "closed now".
 */
export function replyPromise(hours: OpeningHours, now: Date, lang: Lang, customerTimezone?: string, shownAt = now): { at: Date | null; text: string } {
  const at = nextOpening(hours, now);
  if (!at) {
    return {
      at: null,
      text: lang === 'nb' ? 'Vi har stengt nå. Legg igjen e-postadressen din, så svarer en rådgiver deg på e-post.' : "We're closed now. Leave your e-mail address and an advisor will reply by e-mail.",
    };
  }
  const timezone = customerTimezone && isTimezone(customerTimezone) ? customerTimezone : hours.timezone;
  const when = describeWhen(at, shownAt, timezone, lang);
  if (at.getTime() <= shownAt.getTime() && shownAt.getTime() > now.getTime()) {
    return {
      at,
      text:
        lang === 'nb'
          ? `Vi lovet svar innen ${when}, og beklager at du fortsatt venter. Du står i køen, og en rådgiver svarer deg her eller på e-post.`
          : `We promised a reply by ${when}, and we're sorry you are still waiting. You are in the queue, and an advisor will reply here or by e-mail.`,
    };
  }
  return {
    at,
    text: lang === 'nb' ? `Vi har stengt nå. En rådgiver svarer innen ${when}.` : `We're closed now. An advisor will reply by ${when}.`,
  };
}

function describeWhen(at: Date, now: Date, timeZone: string, lang: Lang): string {
  const a = localParts(at, timeZone);
  const n = localParts(now, timeZone);
  const hhmm = `${String(Math.floor(a.minutes / 60)).padStart(2, '0')}:${String(a.minutes % 60).padStart(2, '0')}`;
  const clock = lang === 'nb' ? `kl. ${hhmm}` : hhmm;
  const days = Math.round((Date.parse(a.date) - Date.parse(n.date)) / 86_400_000);
  if (days === 0) return lang === 'nb' ? `i dag ${clock}` : `today ${clock}`;
  if (days === 1) return lang === 'nb' ? `i morgen ${clock}` : `tomorrow ${clock}`;
  const dayName = DAY_NAMES[lang][a.weekday]!;
  // A past day gets its date: "fredag" alone would read as the coming one.
  if (days >= 0 && days <= 6) return `${dayName} ${clock}`;
  const [, month, dayOfMonth] = a.date.split('-').map(Number) as [number, number, number];
  return lang === 'nb' ? `${dayName} ${dayOfMonth}. ${MONTHS.nb[month - 1]} ${clock}` : `${dayName} ${dayOfMonth} ${MONTHS.en[month - 1]} ${clock}`;
}

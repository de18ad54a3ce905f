import { describe, expect, it } from 'vitest';
import { easterSunday, isOpen, nextOpening, norwegianHolidays, openingHoursSchema, replyPromise } from '../../src/handoff/opening-hours.js';

const hours = openingHoursSchema.parse({
  weekly: { mon: [{ open: '08:00', close: '16:00' }], tue: [{ open: '08:00', close: '16:00' }], wed: [{ open: '08:00', close: '16:00' }], thu: [{ open: '08:00', close: '16:00' }], fri: [{ open: '08:00', close: '16:00' }], sat: [{ open: '10:00', close: '14:00' }] },
  exceptions: [{ date: '2026-12-24', hours: [{ open: '09:00', close: '12:00' }], note: 'Julaften' }],
});

describe('opening hours', () => {
  it('computes Easter and the Norwegian public holidays', () => {
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    const h = norwegianHolidays(2027);
    for (const d of ['2027-03-25', '2027-03-26', '2027-03-28', '2027-03-29', '2027-05-06', '2027-05-16', '2027-05-17', '2027-12-25']) expect(h.has(d)).toBe(true);
    expect(h.has('2027-03-24')).toBe(false);
  });

  it('knows when it is open, in Oslo time', () => {
    expect(isOpen(hours, new Date('2026-11-24T07:30:00Z'))).toBe(true); // Tue 08:30 Oslo
    expect(isOpen(hours, new Date('2026-11-24T06:30:00Z'))).toBe(false); // Tue 07:30
    expect(isOpen(hours, new Date('2026-11-24T15:00:00Z'))).toBe(false); // Tue 16:00 (close is exclusive)
  });

  it('says so with the date when the promised time has passed unanswered, never "closed now"', () => {
    const thursdayEvening = new Date('2026-11-26T19:00:00Z');
    const hours = openingHoursSchema.parse({});
    const shown = (at: string) => replyPromise(hours, thursdayEvening, 'nb', undefined, new Date(at)).text;
    expect(shown('2026-11-26T22:00:00Z')).toBe('Vi har stengt nå. En rådgiver svarer innen i morgen kl. 08:00.');
    expect(shown('2026-11-27T10:00:00Z')).toMatch(/^Vi lovet svar innen i dag kl\. 08:00, og beklager/);
    expect(shown('2026-12-01T10:00:00Z')).toMatch(/^Vi lovet svar innen fredag 27\. november kl\. 08:00/);
    expect(replyPromise(hours, thursdayEvening, 'en', undefined, new Date('2026-11-28T10:00:00Z')).text).toMatch(/^We promised a reply by Friday 27 November 08:00, and we're sorry/);
  });

  it('promises Monday 08:00 on a Friday evening, in both languages', () => {
    const friday = new Date('2026-11-27T18:00:00Z');
    const sundayClosed = openingHoursSchema.parse({});
    expect(nextOpening(sundayClosed, friday)!.toISOString()).toBe('2026-11-30T07:00:00.000Z');
    expect(replyPromise(sundayClosed, friday, 'en').text).toBe("We're closed now. An advisor will reply by Monday 08:00.");
    expect(replyPromise(sundayClosed, friday, 'nb').text).toBe('Vi har stengt nå. En rådgiver svarer innen mandag kl. 08:00.');
    expect(replyPromise(sundayClosed, new Date('2026-11-29T12:00:00Z'), 'en').text).toMatch(/by tomorrow 08:00/);
    expect(replyPromise(sundayClosed, new Date('2026-11-24T05:00:00Z'), 'nb').text).toMatch(/innen i dag kl\. 08:00/);
  });

  it('skips Easter week 2027 and 17 May', () => {
    const wednesdayBeforeEaster = new Date('2027-03-24T16:00:00Z');
    expect(nextOpening(hours, wednesdayBeforeEaster)!.toISOString()).toBe('2027-03-27T09:00:00.000Z'); // Saturday 10:00
    const sundayClosed = openingHoursSchema.parse({});
    expect(nextOpening(sundayClosed, wednesdayBeforeEaster)!.toISOString()).toBe('2027-03-30T06:00:00.000Z'); // Tuesday 08:00 CEST
    expect(nextOpening(sundayClosed, new Date('2027-05-16T20:00:00Z'))!.toISOString()).toBe('2027-05-18T06:00:00.000Z');
  });

  it('uses exceptions before holidays and the weekly schedule', () => {
    expect(isOpen(hours, new Date('2026-12-24T09:00:00Z'))).toBe(true); // 10:00 on Christmas Eve (a Thursday)
    expect(isOpen(hours, new Date('2026-12-24T12:00:00Z'))).toBe(false); // 13:00
    const after = replyPromise(hours, new Date('2026-12-24T12:00:00Z'), 'en');
    expect(after.at!.toISOString()).toBe('2026-12-28T07:00:00.000Z'); // 25, 26 Dec holidays; Sunday closed
    expect(after.text).toMatch(/Monday 08:00/);
  });

  it('lands right across daylight saving switches', () => {
    const sundayClosed = openingHoursSchema.parse({});
    // Clocks go forward on 29 March 2026: Monday 08:00 is 06:00 UTC, not 07:00.
    expect(nextOpening(sundayClosed, new Date('2026-03-28T12:00:00Z'))!.toISOString()).toBe('2026-03-30T06:00:00.000Z');
    // …and back on 25 October 2026.
    expect(nextOpening(sundayClosed, new Date('2026-10-24T12:00:00Z'))!.toISOString()).toBe('2026-10-26T07:00:00.000Z');
  });

  it('works in another timezone and writes dates beyond a week', () => {
    const ny = openingHoursSchema.parse({ timezone: 'America/New_York', holidays: 'none' });
    expect(nextOpening(ny, new Date('2026-11-28T12:00:00Z'))!.toISOString()).toBe('2026-11-30T13:00:00.000Z');
    const summerBreak = openingHoursSchema.parse({ exceptions: Array.from({ length: 10 }, (_, i) => ({ date: `2026-07-${String(i + 1).padStart(2, '0')}`, hours: [] })) });
    expect(replyPromise(summerBreak, new Date('2026-06-30T18:00:00Z'), 'nb').text).toBe('Vi har stengt nå. En rådgiver svarer innen mandag 13. juli kl. 08:00.');
    expect(replyPromise(summerBreak, new Date('2026-06-30T18:00:00Z'), 'en').text).toMatch(/by Monday 13 July 08:00/);
  });

  it('never says "soon": a schedule that never opens promises an e-mail reply', () => {
    const never = openingHoursSchema.parse({ weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } });
    const p = replyPromise(never, new Date('2026-11-24T10:00:00Z'), 'en');
    expect(p.at).toBeNull();
    expect(p.text).not.toMatch(/soon/i);
  });

  it('rejects bad schedules naming the field', () => {
    const bad = openingHoursSchema.safeParse({ timezone: 'Mars/Olympus', weekly: { mon: [{ open: '17:00', close: '08:00' }] } });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('timezone');
    expect(paths).toContain('weekly.mon.0');
  });
});

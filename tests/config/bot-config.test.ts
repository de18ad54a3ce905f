import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowedOriginsOf, demoBot, loadConfig, parseConfig, selectBot } from '../../src/config/bot-config.js';
import { demoOpeningHours } from '../../src/config/demo-hours.js';
import { isOpen } from '../../src/handoff/opening-hours.js';
import { packageRoot } from '../../src/config/package-root.js';

describe('bot config', () => {
  it('defaults to the bundled demo bot when the data dir has no config.json', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'laerling-cfg-'));
    const config = await loadConfig(dir);
    expect(config.bots).toHaveLength(1);
    expect(config.bots[0]).toMatchObject({ id: 'demo', name: 'Fjordmobil', defaultLanguage: 'nb' });
    expect(config.bots[0]!.knowledgeDir).toMatch(/knowledge$/);
  });

  it("gives the demo bot the chat hours its own contact page states, holidays included", () => {
    const hours = demoOpeningHours(new Date('2026-11-27T12:00:00Z'));
    const open = (oslo: string) => isOpen(hours, new Date(oslo));
    expect(open('2026-11-24T20:30:00+01:00')).toBe(true); // Tuesday evening: chat is open till 22
    expect(open('2026-11-24T22:30:00+01:00')).toBe(false);
    expect(open('2026-11-28T17:00:00+01:00')).toBe(true); // Saturday, 10–18
    expect(open('2026-12-24T14:00:00+01:00')).toBe(false); // Christmas Eve, 09–13
    expect(open('2026-12-24T12:00:00+01:00')).toBe(true);
    expect(open('2027-03-25T15:00:00+01:00')).toBe(true); // Maundy Thursday 2027, 10–16
    expect(open('2027-05-17T17:00:00+02:00')).toBe(false); // 17 May, 10–16
    expect(demoBot().openingHours.weekly.mon).toEqual([{ open: '08:00', close: '22:00' }]);
  });

  it('resolves knowledgeDir relative to the config file and fills defaults', () => {
    const config = parseConfig(JSON.stringify({ bots: [{ id: 'shop', name: 'Shop', knowledgeDir: 'kb' }] }), '/srv/laerling/config.json');
    expect(config.bots[0]).toMatchObject({ knowledgeDir: '/srv/laerling/kb', sources: [], defaultLanguage: 'nb' });
  });

  it('names the bad field', () => {
    expect(() => parseConfig(JSON.stringify({ bots: [{ id: 'Bad Id', name: 'x' }] }), 'c.json')).toThrow(/bots\[0\]\.id/);
    expect(() => parseConfig(JSON.stringify({ bots: [{ id: 'a', name: 'x', answerThreshold: 2 }] }), 'c.json')).toThrow(/bots\[0\]\.answerThreshold/);
    expect(() => parseConfig('{ nope', 'c.json')).toThrow(/not valid JSON/);
  });

  it('validates the conversation settings and names the bad field', () => {
    const ok = parseConfig(JSON.stringify({ bots: [{ id: 'a', name: 'A', siteUrl: 'https://a.example/shop' }] }), '/x/config.json').bots[0]!;
    expect(ok.openingHours).toMatchObject({ timezone: 'Europe/Oslo', holidays: 'NO' });
    expect(ok.openingHours.weekly.mon).toEqual([{ open: '08:00', close: '16:00' }]);
    expect(ok.resolution).toEqual({ goal: 0.9, minSample: 100, windowDays: 30 });
    expect(ok.languages).toEqual(['nb', 'en']);
    expect(ok.theme.color).toBe('#0b5cad');
    expect(allowedOriginsOf(ok)).toEqual(['https://a.example']);
    const bad = (bot: Record<string, unknown>) => () => parseConfig(JSON.stringify({ bots: [{ id: 'a', name: 'A', ...bot }] }), '/x/config.json');
    expect(bad({ openingHours: { weekly: { mon: [{ open: '8', close: '16:00' }] } } })).toThrow(/bots\[0\]\.openingHours\.weekly\.mon\[0\]\.open: a time as HH:MM/);
    expect(bad({ openingHours: { timezone: 'Europe/Atlantis' } })).toThrow(/openingHours\.timezone: an IANA timezone/);
    expect(bad({ theme: { color: 'blue' } })).toThrow(/theme\.color: a #rrggbb colour/);
    expect(bad({ resolution: { goal: 2 } })).toThrow(/resolution\.goal/);
    expect(bad({ allowedOrigins: ['javascript:alert(1)'] })).toThrow(/allowedOrigins\[0\]/);
    // Day and month swapped, or a day that does not exist: not a date that quietly never comes.
    for (const date of ['2026-24-12', '2026-13-40', '2026-02-30']) {
      expect(bad({ openingHours: { exceptions: [{ date, hours: [] }] } }), date).toThrow(/openingHours\.exceptions\[0\]\.date: a date as YYYY-MM-DD/);
    }
    expect(bad({ openingHours: { exceptions: [{ date: '2028-02-29', hours: [] }] } })).not.toThrow();
    expect(bad({ defaultLanguage: 'en', languages: ['nb'] })).toThrow(/bots\[0\]\.defaultLanguage: "en" is not one of the bot's languages \(nb\)/);
  });

  it('gives each source its own re-crawl schedule, weekly unless set', () => {
    const parse = (source: Record<string, unknown>) => parseConfig(JSON.stringify({ bots: [{ id: 'a', name: 'A', sources: [source] }] }), 'c.json').bots[0]!.sources[0];
    expect(parse({ url: 'https://a.example/' })).toMatchObject({ recrawlDays: 7 });
    expect(parse({ url: 'https://a.example/', recrawlDays: 1 })).toMatchObject({ recrawlDays: 1 });
    expect(() => parse({ url: 'https://a.example/', recrawlDays: 0 })).toThrow(/bots\[0\]\.sources\[0\]\.recrawlDays/);
    expect(() => parse({ url: 'https://a.example/', recrawlDays: 366 })).toThrow(/sources\[0\]\.recrawlDays/);
    expect(() => parse({ url: 'https://a.example/', recrawlDays: 1.5 })).toThrow(/sources\[0\]\.recrawlDays/);
  });

  it('refuses duplicate bot ids', () => {
    const raw = JSON.stringify({ bots: [{ id: 'a', name: 'A' }, { id: 'a', name: 'B' }] });
    expect(() => parseConfig(raw, 'c.json')).toThrow(/bots\[1\]\.id: duplicate/);
  });

  it('refuses two bots with one widget key, naming both', () => {
    const raw = JSON.stringify({ bots: [{ id: 'a', name: 'A', widgetKey: 'same' }, { id: 'b', name: 'B', widgetKey: 'same' }] });
    expect(() => parseConfig(raw, 'c.json')).toThrow(/bots\[1\]\.widgetKey: duplicate of bots\[0\]/);
    // An unset widgetKey is the bot's id, so it can collide with another bot's explicit key.
    const byId = JSON.stringify({ bots: [{ id: 'shop', name: 'A' }, { id: 'b', name: 'B', widgetKey: 'shop' }] });
    expect(() => parseConfig(byId, 'c.json')).toThrow(/bots\[1\]\.widgetKey: duplicate of bots\[0\]/);
  });

  it('names unknown fields instead of dropping them (a typo must not silently keep the default)', () => {
    const bad = (bot: Record<string, unknown>) => () => parseConfig(JSON.stringify({ bots: [{ id: 'a', name: 'A', ...bot }] }), 'c.json');
    expect(bad({ retentionDay: 7 })).toThrow(/bots\[0\]\.retentionDay: unknown field/);
    expect(bad({ resolution: { goal: 0.9, minSamples: 10 } })).toThrow(/bots\[0\]\.resolution\.minSamples: unknown field/);
    expect(bad({ openingHours: { weekly: { mon: [{ open: '08:00', close: '16:00', note: 'x' }] } } })).toThrow(/openingHours\.weekly\.mon\[0\]\.note: unknown field/);
    expect(bad({ openingHours: { holiday: 'none' } })).toThrow(/openingHours\.holiday: unknown field/);
    expect(bad({ theme: { colour: '#000000' } })).toThrow(/theme\.colour: unknown field/);
    expect(bad({ sources: [{ url: 'https://a.example/', maxPage: 5 }] })).toThrow(/sources\[0\]\.maxPage: unknown field/);
    expect(bad({ sensitiveTopics: [{ name: 'x', keywords: ['y'], keyword: 'z' }] })).toThrow(/sensitiveTopics\[0\]\.keyword: unknown field/);
    expect(bad({ greeting: { nb: 'Hei', en: 'Hi', nn: 'Hei' } })).toThrow(/greeting\.nn: unknown field/);
    expect(() => parseConfig(JSON.stringify({ bots: [{ id: 'a', name: 'A' }], bot: [] }), 'c.json')).toThrow(/c\.json: bot: unknown field/);
  });

  it('accepts the configuration example in the README as it stands', async () => {
    const readme = await readFile(join(packageRoot(), 'README.md'), 'utf8');
    const example = /Bots live in `DATA_DIR\/config\.json`[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    expect(parseConfig(example!, '/x/config.json').bots[0]).toMatchObject({ id: 'fjordmobil', widgetKey: 'fjordmobil-web', retentionDays: 90 });
  });

  it('explains a data dir that is a file instead of throwing ENOTDIR', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'laerling-cfg-')), 'plain-file');
    await writeFile(file, 'x');
    await expect(loadConfig(file)).rejects.toMatchObject({ code: 'INVALID_CONFIG', message: `${file}: not a directory` });
  });

  it('selects a bot by id and explains a missing one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'laerling-cfg-'));
    await writeFile(join(dir, 'config.json'), JSON.stringify({ bots: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }] }));
    const config = await loadConfig(dir);
    expect(selectBot(config).id).toBe('a');
    expect(selectBot(config, 'b').name).toBe('B');
    expect(() => selectBot(config, 'c')).toThrow(/have: a, b/);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { botWorking } from '../../widget/src/bot-working.js';
import { citesByNumber, linkedSources } from '../../widget/src/message-view.js';
import { safeHttpUrl, splitLinks } from '../../widget/src/safe-url.js';
import { createSseParser } from '../../widget/src/sse-parser.js';
import { pickLang } from '../../widget/src/strings.js';
import { typingIndicator, typingSender } from '../../widget/src/typing.js';

describe('SSE parser', () => {
  it('parses events split at any byte, with ids, comments and CRLF', () => {
    const text = ': ping\r\n\r\nevent: message\r\nid: 7\r\ndata: {"a":1}\r\n\r\nevent: typing\ndata: x\ndata: y\n\n';
    for (let cut = 0; cut <= text.length; cut++) {
      const parse = createSseParser();
      const events = [...parse(text.slice(0, cut)), ...parse(text.slice(cut))];
      expect(events).toEqual([
        { event: 'message', id: '7', data: '{"a":1}' },
        { event: 'typing', data: 'x\ny' },
      ]);
    }
  });
  it('forgets the id after each event and defaults the event name', () => {
    const parse = createSseParser();
    expect(parse('id: 1\ndata: a\n\ndata: b\n\n')).toEqual([{ event: 'message', id: '1', data: 'a' }, { event: 'message', data: 'b' }]);
  });
});

describe('answer sources', () => {
  it('links pages but leaves out a Q&A item without a page, keeping the number the answer cites', () => {
    const page = { url: 'https://fjordmobil.example/mobil/puk', title: 'PUK' };
    expect(linkedSources({ sources: [{ url: 'https://fjordmobil.example/svar/vipps', title: 'Kan jeg betale med Vipps?', noPage: true }, page] })).toEqual([{ ...page, n: 2 }]);
    expect(linkedSources({})).toEqual([]);
  });
  it('numbers them only for an answer that cites by number', () => {
    expect(citesByNumber('Bestill PUK på Min side [1].')).toBe(true);
    expect(citesByNumber('Se begge sidene [1, 3].')).toBe(true);
    expect(citesByNumber('Bestill PUK på Min side.')).toBe(false);
    expect(citesByNumber('Tast [PIN] og trykk OK.')).toBe(false);
  });
});

describe('safe links', () => {
  it('allows http(s) only', () => {
    expect(safeHttpUrl('https://fjordmobil.example/esim')).toBe('https://fjordmobil.example/esim');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl(' JavaScript:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,<script>')).toBeNull();
    expect(safeHttpUrl('/faq', 'https://x.example/a')).toBe('https://x.example/faq');
  });
  it('linkifies only http(s) URLs in text', () => {
    expect(splitLinks('se https://x.example/a. eller javascript:alert(1)')).toEqual([
      { text: 'se ' },
      { text: 'https://x.example/a', href: 'https://x.example/a' },
      { text: '. eller javascript:alert(1)' },
    ]);
  });
  it('finds a URL wherever its scheme starts, and ends it at a bracket', () => {
    const hrefs = (text: string): Array<string | undefined> => splitLinks(text).filter((p) => p.href).map((p) => p.href);
    expect(hrefs('siden.https://a.example/x -https://b.example/ blåhttps://c.example')).toEqual(['https://a.example/x', 'https://b.example/', 'https://c.example/']);
    expect(hrefs('se https://a.example/esim[1] og (https://b.example/y)')).toEqual(['https://a.example/esim', 'https://b.example/y']);
  });
});

describe('widget language', () => {
  it('follows the page when the bot speaks it', () => {
    expect(pickLang('nb-NO', ['nb', 'en'], 'en')).toBe('nb');
    expect(pickLang('nn', ['nb', 'en'], 'en')).toBe('nb');
    expect(pickLang('en-GB', ['nb', 'en'], 'nb')).toBe('en');
    expect(pickLang('de', ['nb', 'en'], 'nb')).toBe('nb');
    expect(pickLang('en', ['nb'], 'nb')).toBe('nb');
  });
});

describe('the bot at work', () => {
  afterEach(() => vi.useRealTimers());

  it('shows from the question until its answer, or until a person takes over', () => {
    const shown: boolean[] = [];
    const working = botWorking((on) => shown.push(on));
    working.asked('a');
    working.asked('b');
    working.answered('a');
    expect(shown.at(-1)).toBe(true);
    working.answered('b');
    expect(shown.at(-1)).toBe(false);
    working.asked('c');
    working.answered();
    expect(shown.at(-1)).toBe(false);
  });

  it('gives up when no answer comes', () => {
    vi.useFakeTimers();
    let on = false;
    const working = botWorking((x) => (on = x), 60_000);
    working.asked('a');
    vi.advanceTimersByTime(59_000);
    expect(on).toBe(true);
    vi.advanceTimersByTime(1000);
    expect(on).toBe(false);
  });
});

describe('typing signals', () => {
  afterEach(() => vi.useRealTimers());

  it('sends typing at most every 3 s and "stopped" once the keys rest', () => {
    vi.useFakeTimers();
    const sent: boolean[] = [];
    const press = typingSender((on) => sent.push(on));
    press(true);
    vi.advanceTimersByTime(1000);
    press(true);
    vi.advanceTimersByTime(2500);
    press(true);
    expect(sent).toEqual([true, true]);
    vi.advanceTimersByTime(4000);
    expect(sent).toEqual([true, true, false]);
  });

  it('hides the indicator when the other side goes silent without saying it stopped', () => {
    vi.useFakeTimers();
    const el = { textContent: '' } as HTMLElement;
    const show = typingIndicator(el, 'typing…');
    show(true);
    vi.advanceTimersByTime(7000);
    show(true);
    vi.advanceTimersByTime(7000);
    expect(el.textContent).toBe('typing…');
    vi.advanceTimersByTime(2000);
    expect(el.textContent).toBe('');
  });
});

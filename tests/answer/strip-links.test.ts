import { describe, expect, it } from 'vitest';
import { createAnswerSanitizer, sanitizeAnswer, type CitablePassage } from '../../src/answer/strip-links.js';
import { splitLinks } from '../../widget/src/safe-url.js';

const ESIM = 'https://www.mobil.example/esim';
const PORTING = 'https://www.mobil.example/porting';
const PASSAGES: CitablePassage[] = [
  { n: 1, url: ESIM, title: 'eSIM' },
  { n: 2, url: PORTING, title: 'Flytte nummer' },
  { n: 3, url: ESIM, title: 'eSIM' },
];

const clean = (raw: string): string => sanitizeAnswer(raw, PASSAGES).text;

describe('sanitizeAnswer: links', () => {
  it('keeps a Markdown link to a source as "text (url)" and reduces any other to its text', () => {
    expect(clean(`Se [eSIM-siden](${ESIM}) [1].`)).toBe(`Se eSIM-siden (${ESIM}) [1].`);
    expect(clean('Se [denne siden](https://evil.example/x) [1].')).toBe('Se denne siden [1].');
    expect(clean(`Se [${ESIM}](${ESIM}).`)).toBe(`Se ${ESIM}.`);
    expect(clean('[http://evil.example](http://evil.example) ok')).toBe(' ok');
  });

  it('keeps bare source URLs, with their punctuation outside, and removes others', () => {
    expect(clean(`Les ${ESIM}. Eller http://evil.example/a?b=1, takk`)).toBe(`Les ${ESIM}. Eller , takk`);
    expect(clean('Gå til www.mobil.example/porting/ nå')).toBe('Gå til www.mobil.example/porting/ nå');
    expect(clean(`Se ${ESIM}#bestilling og www.evil.example`)).toBe(`Se ${ESIM}#bestilling og `);
    expect(clean(`Autolenke <${PORTING}> og <https://evil.example>`)).toBe(`Autolenke ${PORTING} og `);
  });

  it('removes foreign URLs that start right after a word, a dot, a slash or a dash', () => {
    const raw = 'Bekreft BankID på siden.https://evil.example/login eller -https://evil2.example/x og /https://evil3.example [1]';
    expect(clean(raw)).toBe('Bekreft BankID på siden. eller - og / [1]');
    expect(clean(`blåhttps://evil.example og Les:${ESIM} [1]`)).toBe(`blå og Les:${ESIM} [1]`);
  });

  it('removes URLs spelled out only once markup and citations are dropped', () => {
    for (const raw of ['http**s**://evil.example/x [1]', 'http`s`://evil.example [1]', 'https:/[9]/evil.example [1]', 'htt[x](https://evil.example)ps://evil.example [1]']) {
      expect(linkTargets(clean(raw))).toEqual([]);
    }
  });

  it('leaves e-mail addresses, words and ordinary brackets alone', () => {
    const text = 'Skriv til kundeservice@mobil.example, hverdager 8–16. [Merk] at WhatsApp * ikke brukes.';
    expect(clean(text)).toBe(text);
  });

  it('makes a linked passage page a source even without a citation', () => {
    const result = sanitizeAnswer(`Se ${PORTING}`, PASSAGES);
    expect(result.sources).toEqual([{ url: PORTING, title: 'Flytte nummer' }]);
    expect(result.citations).toBe(0);
  });
});

describe('sanitizeAnswer: citations and formatting', () => {
  it('renumbers citations to the order pages are first cited and merges repeats', () => {
    const result = sanitizeAnswer('Porting [2]. eSIM [3][1]. Begge [1, 2]; ukjent [9].', PASSAGES);
    expect(result.text).toBe('Porting [1]. eSIM [2]. Begge [2, 1]; ukjent .');
    expect(result.sources).toEqual([{ url: PORTING, title: 'Flytte nummer' }, { url: ESIM, title: 'eSIM' }]);
    expect(result.citations).toBe(5);
  });

  it('counts no citation when only unknown passages are cited', () => {
    expect(sanitizeAnswer('Svar [0] [4]', PASSAGES)).toEqual({ text: 'Svar  ', sources: [], citations: 0 });
  });

  it('returns plain text: no bold, code ticks or heading marks', () => {
    expect(clean('## Svar\n**Viktig:** bruk `*#06#` [1]')).toBe('Svar\nViktig: bruk *#06# [1]');
  });
});

describe('sanitizeAnswer: HTML', () => {
  it('drops tags and keeps their text', () => {
    expect(clean('<img src=x onerror="alert(1)">Du bestiller eSIM i <a href="">appen</a> [1].')).toBe('Du bestiller eSIM i appen [1].');
    expect(clean('<b>Viktig:</b> <em>ta med</em> legitimasjon [1]')).toBe('Viktig: ta med legitimasjon [1]');
    expect(clean('<A HREF="https://evil.example/x" title=\'a>b\'>lenke</A> [1]')).toBe('lenke [1]');
  });

  it('drops scripts, styles and comments with their content', () => {
    expect(clean('<script>alert("hei")</script>Svar<style>p { color: red }</style> [1]<!-- skjult -->')).toBe('Svar [1]');
    expect(clean('Svar [1] <script src=x>alert(1)')).toBe('Svar [1] ');
  });

  it('turns line-breaking tags into line breaks', () => {
    expect(clean('<p>Steg 1 [1]</p><ul><li>Åpne appen</li></ul>Ferdig<br>!')).toBe('\nSteg 1 [1]\n\n\nÅpne appen\n\nFerdig\n!');
  });

  it('leaves prose with angle brackets alone', () => {
    for (const text of ['Gå til <Min side> og velg <Abonnement>.', '1 < 2 og 3 > 2 <3', 'a <b c', 'x <!ikke']) expect(clean(text)).toBe(text);
  });
});

describe('createAnswerSanitizer: streaming', () => {
  const samples = [
    `Se [eSIM-siden](${ESIM}) eller http://evil.example/x. Les ${ESIM}. [2][1]`,
    '**NB:** [klikk](https://evil.example) <https://evil.example> www.mobil.example/esim [3]',
    'hei http htt www w [ [1 [x](y ## ok',
    '<p>Svar <img src="x" onerror=alert(1)><b>her</b> [1]</p><script>alert(1)</script><!-- x --> <Min side> 1 < 2 <scr',
  ];

  it.each(samples)('gives the same text fed a character at a time as all at once: %s', (raw) => {
    const sanitizer = createAnswerSanitizer(PASSAGES);
    let streamed = '';
    for (const c of raw) streamed += sanitizer.push(c);
    streamed += sanitizer.end();
    expect(streamed).toBe(clean(raw));
  });

  it('never releases part of a link that may still turn out to be foreign', () => {
    const sanitizer = createAnswerSanitizer(PASSAGES);
    const shown = ['Besøk ', 'http', '://ev', 'il.example', '/login', ' i dag'].map((t) => sanitizer.push(t));
    expect(shown.join('')).toBe('Besøk  i dag');
    expect(shown.slice(1, 5).join('')).toBe('');
  });

  it('releases ordinary text at once', () => {
    const sanitizer = createAnswerSanitizer(PASSAGES);
    expect(sanitizer.push('Du')).toBe('Du');
    expect(sanitizer.push(' kan')).toBe(' kan');
  });
});

// What the widget would make clickable in a text, as host + path.
function linkTargets(text: string): string[] {
  return splitLinks(text).flatMap((part) => (part.href ? [pageOf(part.href)] : []));
}

function pageOf(href: string): string {
  const url = new URL(href);
  return `${url.host}${url.pathname.replace(/\/+$/, '')}${url.search}`;
}

// A small deterministic generator, so a failure names a reproducible input.
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('sanitizeAnswer: no foreign link survives (property)', () => {
  const pieces = [
    'https://evil.example/login', 'http://evil.example', 'HTTPS://EVIL.example/a?b=1', 'www.evil.example', ESIM, PORTING,
    'http', 'https', 's://', '://', ':', '/', '//', 'h', 'ttp', 'evil.example', 'www.', 'w',
    '.', '-', '@', '_', 'å', 'siden', '<b>', '</b>', '<a href="https://evil.example">', '<!-- x -->', '<script>', '</script>', ' ', '\n', ',', '!', '?', '(', ')', '[', ']', '<', '>', '"', "'", '`', '*', '**', '#', '## ',
    '[1]', '[2]', '[9]', '[1, 3]', '[lenke](https://evil.example/x)', `[eSIM](${ESIM})`, '<https://evil.example>', `<${PORTING}>`,
    '](', '{', '}', '\\', '%2F', '&', '=',
  ];
  const allowed = new Set([ESIM, PORTING].map(pageOf));
  const next = random(20_240_611);
  const pick = (): string => pieces[Math.floor(next() * pieces.length)] ?? '';
  const inputs = Array.from({ length: 1_500 }, () => Array.from({ length: 2 + Math.floor(next() * 12) }, pick).join(''));

  it('leaves the widget nothing to link but sources, whole or streamed in any pieces', () => {
    for (const raw of inputs) {
      const whole = clean(raw);
      const sanitizer = createAnswerSanitizer(PASSAGES);
      let streamed = '';
      for (let at = 0; at < raw.length; ) {
        const size = 1 + Math.floor(next() * 6);
        streamed += sanitizer.push(raw.slice(at, at + size));
        at += size;
      }
      streamed += sanitizer.end();
      for (const text of [whole, streamed]) {
        const foreign = linkTargets(text).filter((target) => !allowed.has(target));
        expect(foreign, `${JSON.stringify(raw)} → ${JSON.stringify(text)}`).toEqual([]);
      }
    }
  });
});

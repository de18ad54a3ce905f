import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../src/ingest/extract-page.js';
import type { ExtractedPage, FetchedPage } from '../../src/ingest/types.js';

const URL_ = 'https://fjordmobil.example/mobil/esim';

function fetched(html: string, extra: Partial<FetchedPage> = {}): FetchedPage {
  return { url: URL_, html, status: 200, fetchedAt: '2026-10-02T10:00:00.000Z', ...extra };
}

function extract(html: string, extra: Partial<FetchedPage> = {}): ExtractedPage {
  const page = extractPage(fetched(html, extra));
  if (!page) throw new Error('expected a page');
  return page;
}

const allText = (page: ExtractedPage): string =>
  page.sections.map((s) => `${s.headingPath.join(' > ')}\n${s.text}`).join('\n');

const FULL_PAGE = `<!doctype html>
<html lang="nb-NO">
<head>
  <meta charset="utf-8">
  <title>Aktivere eSIM | Fjordmobil</title>
  <meta property="article:modified_time" content="2026-09-30T12:00:00+02:00">
  <link rel="canonical" href="/mobil/esim/">
  <script>window.dataLayer = [{ event: 'pageview' }];</script>
  <style>.hero { color: red }</style>
</head>
<body>
  <div id="cookie-banner" class="cookie-consent"><p>Vi bruker informasjonskapsler for å gi deg en bedre opplevelse.</p><button>Godta alle</button></div>
  <header class="site-header"><a href="/">Fjordmobil</a><nav><a href="/mobil">Mobil</a><a href="/bredband">Bredbånd</a><a href="/kontakt">Kontakt oss</a></nav></header>
  <nav class="breadcrumb"><a href="/">Hjem</a> / <a href="/mobil">Mobil</a></nav>
  <main>
    <h1>Aktivere eSIM</h1>
    <p>Med eSIM trenger du ikke et fysisk SIM-kort. Du aktiverer den med en QR-kode fra <a href="https://fjordmobil.example/min-side">Min side</a>.</p>
    <h2>Slik gjør du det</h2>
    <ol><li>Logg inn i appen.</li><li>Velg <strong>Bestill eSIM</strong>.</li><li>Skann QR-koden.</li></ol>
    <h3>På iPhone</h3>
    <p>Gå til Innstillinger og velg Mobilnett.</p>
    <div hidden>Skjult testtekst som ikke skal med.</div>
    <p style="display: none">Usynlig avsnitt.</p>
    <span aria-hidden="true">Dekorativ tekst</span>
    <h2>Priser</h2>
    <table><tr><th>Tjeneste</th><th>Pris</th></tr><tr><td>eSIM</td><td>0 kr</td></tr><tr><td>Ekstra eSIM</td><td>99 kr</td></tr></table>
    <form><label>Søk<input name="q"></label><button>Søk</button></form>
    <noscript>Slå på JavaScript</noscript>
    <svg><text>ikon</text></svg>
    <iframe src="https://video.example/embed"></iframe>
  </main>
  <aside><h2>Relaterte artikler</h2><p>Les også om roaming i utlandet og datapakker.</p></aside>
  <footer><p>© Fjordmobil AS · Org.nr 999 999 999</p><a href="/personvern">Personvern</a></footer>
  <script src="/app.js"></script>
</body>
</html>`;

describe('extractPage', () => {
  it('keeps the main content and drops chrome, banners, scripts and hidden elements', () => {
    const text = allText(extract(FULL_PAGE));
    expect(text).toContain('Med eSIM trenger du ikke et fysisk SIM-kort');
    for (const junk of ['informasjonskapsler', 'Godta alle', 'Bredbånd', 'Hjem', 'Relaterte artikler', 'Org.nr', 'dataLayer', 'color: red', 'Skjult testtekst', 'Usynlig avsnitt', 'Dekorativ', 'Slå på JavaScript', 'ikon', 'Søk']) {
      expect(text).not.toContain(junk);
    }
  });

  it('keeps link text but not link URLs', () => {
    const text = allText(extract(FULL_PAGE));
    expect(text).toContain('QR-kode fra Min side.');
    expect(text).not.toContain('min-side');
  });

  it('puts list items and table rows on their own lines', () => {
    const page = extract(FULL_PAGE);
    const steps = page.sections.find((s) => s.headingPath.at(-1) === 'Slik gjør du det');
    expect(steps?.text).toBe('Logg inn i appen.\nVelg Bestill eSIM.\nSkann QR-koden.');
    const prices = page.sections.find((s) => s.headingPath.at(-1) === 'Priser');
    expect(prices?.text).toBe('Tjeneste | Pris\neSIM | 0 kr\nEkstra eSIM | 99 kr');
  });

  it('records the heading path of every section', () => {
    const page = extract(FULL_PAGE);
    expect(page.sections.map((s) => s.headingPath)).toEqual([
      ['Aktivere eSIM'],
      ['Aktivere eSIM', 'Slik gjør du det'],
      ['Aktivere eSIM', 'Slik gjør du det', 'På iPhone'],
      ['Aktivere eSIM', 'Priser'],
    ]);
  });

  it('reads title without site suffix, lang, same-origin canonical and modification time', () => {
    const page = extract(FULL_PAGE);
    expect(page.title).toBe('Aktivere eSIM');
    expect(page.lang).toBe('nb');
    expect(page.url).toBe('https://fjordmobil.example/mobil/esim/');
    expect(page.lastModified).toBe('2026-09-30T10:00:00.000Z');
    expect(page.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('prefers og:title and strips an en-dash suffix', () => {
    const html = '<html><head><meta property="og:title" content="Bytte abonnement – Fjordmobil"><title>x | y</title></head><body><main><p>Du kan bytte abonnement når du vil, gratis.</p></main></body></html>';
    expect(extract(html).title).toBe('Bytte abonnement');
  });

  it('falls back to the first h1 when there is no title', () => {
    const html = '<body><main><h1>PUK-kode</h1><p>Finn PUK-koden i Min side under SIM-kort.</p></main></body>';
    expect(extract(html).title).toBe('PUK-kode');
  });

  it('ignores a cross-origin canonical and uses the fetched URL', () => {
    const html = '<head><link rel="canonical" href="https://evil.example/steal"></head><main><p>Innhold med nok ord til å telle.</p></main>';
    expect(extract(html).url).toBe(URL_);
  });

  it('takes the modification time from <time datetime> or the HTTP header', () => {
    const withTime = '<main><p>Oppdatert <time datetime="2026-05-01">1. mai</time> med nye priser for roaming.</p></main>';
    expect(extract(withTime).lastModified).toBe('2026-05-01T00:00:00.000Z');
    const plain = '<main><p>Ingen dato i selve siden her.</p></main>';
    expect(extract(plain, { lastModified: 'Wed, 21 Oct 2025 07:28:00 GMT' }).lastModified).toBe('2025-10-21T07:28:00.000Z');
    expect(extract(plain).lastModified).toBeUndefined();
  });

  it('detects the language from the text when there is no lang attribute', () => {
    const en = '<main><h1>Porting your number</h1><p>You can keep your number when you switch to us. It takes two working days.</p></main>';
    const nn = '<main><h1>Flytte nummeret</h1><p>Du kan ta med deg nummeret ditt. Det tek berre to dagar, og du treng ikkje seie opp sjølv.</p></main>';
    expect(extract(en).lang).toBe('en');
    expect(extract(nn).lang).toBe('nn');
    expect(extract('<html lang="en"><main><p>Ta med nummeret ditt til oss.</p></main></html>').lang).toBe('en');
  });

  it('finds the densest block on a page without main or article', () => {
    const html = `<html><body>
      <div id="top"><div class="menu"><a href="/a">Mobil</a> <a href="/b">Bredbånd</a> <a href="/c">TV og strømming</a> <a href="/d">Kundeservice og kontakt</a></div></div>
      <div id="wrapper">
        <div class="sidebar"><ul><li><a href="/x">Les mer om abonnementer og priser her</a></li><li><a href="/y">Se alle våre tilbud på nye telefoner</a></li></ul></div>
        <div class="content">
          <h1>Sperret SIM-kort</h1>
          <p>Har du tastet feil PIN-kode tre ganger, blir SIM-kortet sperret, og du må bruke PUK-koden.</p>
          <p>PUK-koden finner du i Min side, under Mine produkter og SIM-kort, eller på plastkortet SIM-en kom i.</p>
          <p>Har du tastet feil PUK-kode ti ganger, er SIM-kortet ødelagt, og du må bestille et nytt kort.</p>
        </div>
      </div>
      <div class="bottom">Fjordmobil AS, Postboks 1, 0101 Oslo</div>
    </body></html>`;
    const page = extract(html);
    const text = allText(page);
    expect(text).toContain('PUK-koden finner du i Min side');
    expect(text).toContain('du må bestille et nytt kort');
    expect(page.sections[0]?.headingPath).toEqual(['Sperret SIM-kort']);
    for (const junk of ['TV og strømming', 'Les mer om abonnementer', 'Postboks']) expect(text).not.toContain(junk);
  });

  it('keeps accordion answers that are hidden until their button opens them', () => {
    const html = `<main><h1>Vanlige spørsmål</h1>
      <h2><button aria-expanded="false" aria-controls="svar-1">Hva koster eSIM?</button></h2>
      <div id="svar-1" hidden><p>eSIM er gratis for alle abonnementer.</p></div>
      <p aria-hidden="true">Pynt</p><button>Lukk alle</button><span aria-controls=""></span><p hidden>Skjult</p></main>`;
    const page = extract(html);
    expect(page.sections).toEqual([{ headingPath: ['Vanlige spørsmål', 'Hva koster eSIM?'], text: 'eSIM er gratis for alle abonnementer.' }]);
  });

  it('takes the common parent of several articles when there is no main', () => {
    const html = `<body><div class="menu"><a href="/a">Mobil</a> <a href="/b">Bredbånd og TV</a></div>
      <div class="faq-list">
        <article><h2>Kan jeg beholde nummeret?</h2><p>Ja, du kan ta med nummeret ditt fra alle norske operatører, og det er gratis.</p></article>
        <article><h2>Hvor lang tid tar det?</h2><p>Vanligvis to virkedager, men du kan velge en senere dato hvis du har bindingstid.</p></article>
        <article><h2>Må jeg si opp det gamle abonnementet?</h2><p>Nei, vi sier opp det gamle abonnementet for deg når nummeret er flyttet.</p></article>
      </div></body>`;
    const page = extract(html);
    expect(page.sections.map((s) => s.headingPath)).toEqual([['Kan jeg beholde nummeret?'], ['Hvor lang tid tar det?'], ['Må jeg si opp det gamle abonnementet?']]);
    expect(allText(page)).not.toContain('Bredbånd og TV');
  });

  it('survives broken, unclosed HTML', () => {
    const html = '<html><head><title>Dekning</title><body><main><h1>Dekning<p>Vi har 4G i hele landet<p>5G i byene<ul><li>Oslo<li>Bergen</main';
    const page = extract(html);
    expect(allText(page)).toContain('Vi har 4G i hele landet');
    expect(allText(page)).toContain('Oslo\nBergen');
    expect(page.sections[0]?.headingPath).toEqual(['Dekning']);
  });

  it('returns undefined when there is no meaningful text', () => {
    expect(extractPage(fetched(''))).toBeUndefined();
    expect(extractPage(fetched('<html><body><nav><a href="/">Hjem</a></nav><main><script>app()</script></main></body></html>'))).toBeUndefined();
    expect(extractPage(fetched('<div id="app"></div><noscript>Du må slå på JavaScript for å bruke denne siden.</noscript>'))).toBeUndefined();
  });

  it('gives identical text the same content hash and changed text a different one', () => {
    const a = extract('<main><p>Åpningstider: hverdager 08–20.</p></main>');
    const b = extract('<main>\n  <p>Åpningstider:   hverdager 08–20.</p>\n</main>', { url: 'https://fjordmobil.example/kontakt' });
    const c = extract('<main><p>Åpningstider: hverdager 08–21.</p></main>');
    expect(a.contentHash).toBe(b.contentHash);
    expect(a.contentHash).not.toBe(c.contentHash);
  });

  it('keeps a cookie section with a heading on a privacy page', () => {
    const html = '<main><h1>Personvern</h1><p>Vi tar personvern på alvor og lagrer minst mulig.</p><section id="cookies"><h2>Informasjonskapsler</h2><p>Vi bruker informasjonskapsler for statistikk.</p></section></main>';
    expect(allText(extract(html))).toContain('Vi bruker informasjonskapsler for statistikk.');
  });

  it('extracts a StackFAQ page without its header, nav and footer', () => {
    const html = readFileSync(new URL('../../../shared/benchmarks/stackfaq/site/faq/q001.html', import.meta.url), 'utf8');
    const page = extract(html, { url: 'http://127.0.0.1:8900/faq/q001.html' });
    const text = allText(page);
    expect(page.title).toBe('How do I delete my Facebook account?');
    expect(page.lang).toBe('en');
    expect(page.sections.map((s) => s.headingPath.at(-1))).toEqual(['Answer 1', 'Answer 2', 'Answer 3', 'Answer 4']);
    expect(text).toContain('Your account will be deactivated for two weeks');
    expect(text).toContain('It may take 15 days to completely delete your Facebook account.');
    for (const junk of ['All questions', 'Contact us', 'Stack Exchange', 'CC BY-SA']) expect(text).not.toContain(junk);
  });
});

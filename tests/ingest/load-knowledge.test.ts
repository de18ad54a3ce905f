import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/config/package-root.js';
import { chunkPage } from '../../src/ingest/chunk-page.js';
import { loadKnowledge } from '../../src/ingest/load-knowledge.js';

const BASE = 'https://fjordmobil.example/';
let root: string;
let dir: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'laerling-knowledge-'));
  dir = join(root, 'knowledge');
  await mkdir(dir);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function write(path: string, text: string): Promise<void> {
  await mkdir(dirname(join(dir, path)), { recursive: true });
  await writeFile(join(dir, path), text);
}

const ESIM_MD = `---
title: Aktivere eSIM
url: /mobil/esim
updated: 2026-10-01
---

# eSIM på mobilen

Med **eSIM** trenger du ikke et fysisk kort. Les mer i [Min side](https://fjordmobil.example/min-side).

## Slik gjør du det

1. Logg inn i appen.
2. Velg *Bestill eSIM*
   og bekreft med BankID.
3. Skann QR-koden.

## Priser

| Tjeneste | Pris |
|----------|-----:|
| eSIM     | 0 kr |
| Ekstra eSIM | 99 kr |

## Innstillinger

Skriv inn APN-navnet nøyaktig:

\`\`\`
internet.fjordmobil
\`\`\`

> Tips: bruk \`wifi\` under aktiveringen.
`;

describe('loadKnowledge: Markdown pages', () => {
  it('reads front matter and turns headings into sections of plain text', async () => {
    await write('pages/mobil/esim.md', ESIM_MD);
    const { pages, errors } = await loadKnowledge(dir, { baseUrl: BASE });
    expect(errors).toEqual([]);
    expect(pages).toHaveLength(1);
    const page = pages[0]!;
    expect(page).toMatchObject({ url: 'https://fjordmobil.example/mobil/esim', title: 'Aktivere eSIM', lang: 'nb', lastModified: '2026-10-01T00:00:00.000Z' });
    expect(page.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(page.sections).toEqual([
      { headingPath: ['eSIM på mobilen'], text: 'Med eSIM trenger du ikke et fysisk kort. Les mer i Min side.' },
      { headingPath: ['eSIM på mobilen', 'Slik gjør du det'], text: 'Logg inn i appen.\nVelg Bestill eSIM og bekreft med BankID.\nSkann QR-koden.' },
      { headingPath: ['eSIM på mobilen', 'Priser'], text: 'Tjeneste | Pris\neSIM | 0 kr\nEkstra eSIM | 99 kr' },
      { headingPath: ['eSIM på mobilen', 'Innstillinger'], text: 'Skriv inn APN-navnet nøyaktig:\ninternet.fjordmobil\nTips: bruk wifi under aktiveringen.' },
    ]);
  });

  it('leaves out and reports a page without front matter, or without its title or url', async () => {
    await write('pages/kontakt/apningstider.md', '# Åpningstider\n\nKundeservice har åpent hverdager 08–20.\n');
    await write('pages/junk.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe]).toString('latin1'));
    await write('pages/no-url.md', '---\ntitle: Åpningstider\n---\n# Åpningstider\n\nHverdager 08–20.\n');
    await write('pages/no-title.md', '---\nurl: /kontakt\n---\n# Kontakt\n\nRing oss.\n');
    await write('pages/ok.md', '---\ntitle: Dekning\nurl: /dekning\n---\nVi har 5G i alle byer.\n');
    const { pages, errors } = await loadKnowledge(dir, { baseUrl: BASE });
    expect(pages.map((p) => p.url)).toEqual(['https://fjordmobil.example/dekning']);
    expect(errors).toEqual([
      { file: 'knowledge/pages/junk.md', message: expect.stringMatching(/^no front matter: .*title.*url/) },
      { file: 'knowledge/pages/kontakt/apningstider.md', message: expect.stringMatching(/^no front matter: /) },
      { file: 'knowledge/pages/no-title.md', message: 'front matter.title: Required' },
      { file: 'knowledge/pages/no-url.md', message: 'front matter.url: Required' },
    ]);
  });

  it('takes lang from front matter, else detects it', async () => {
    await write('en.md', '---\ntitle: Roaming\nurl: /roaming\n---\n# Roaming\n\nYou can use your phone abroad in the EU at no extra cost.\n');
    await write('nn.md', '---\ntitle: Utlandet\nurl: /utlandet\nlang: nn\n---\nDu kan bruke mobilen i utlandet.\n');
    const { pages } = await loadKnowledge(dir, { baseUrl: BASE });
    expect(pages.map((p) => p.lang)).toEqual(['en', 'nn']);
  });

  it('produces pages that chunk like crawled pages', async () => {
    await write('pages/mobil/esim.md', ESIM_MD);
    const { pages } = await loadKnowledge(dir, { baseUrl: BASE });
    const chunks = chunkPage(pages[0]!);
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks[0]).toMatchObject({ url: 'https://fjordmobil.example/mobil/esim', title: 'Aktivere eSIM', kind: 'page' });
    expect(chunks.map((c) => c.text).join('\n')).toContain('Ekstra eSIM | 99 kr');
  });
});

describe('loadKnowledge: Q&A files', () => {
  it('turns each YAML item into one qa chunk with the answer as written', async () => {
    await write(
      'qa/faq.yaml',
      `items:
  - id: puk
    question: Hvor finner jeg PUK-koden?
    alternatives: [glemt puk, sim-kortet er sperret]
    answer: |
      Du finner PUK-koden i Min side under **SIM-kort**.
    url: /mobil/sim/puk
  - question: Kan jeg betale med Vipps?
    answer: Ja, du kan betale fakturaen med Vipps.
`,
    );
    const { qa, errors } = await loadKnowledge(dir, { baseUrl: BASE });
    expect(errors).toEqual([]);
    expect(qa).toHaveLength(2);
    expect(qa[0]).toMatchObject({
      kind: 'qa',
      url: 'https://fjordmobil.example/mobil/sim/puk',
      title: 'Hvor finner jeg PUK-koden?',
      headingPath: [],
      lang: 'nb',
      answer: 'Du finner PUK-koden i Min side under **SIM-kort**.',
      questions: ['Hvor finner jeg PUK-koden?', 'glemt puk', 'sim-kortet er sperret'],
    });
    expect(qa[0]?.text).toContain('sim-kortet er sperret');
    expect(qa[0]?.text).toContain('Du finner PUK-koden');
    expect(qa[1]?.url).toBe('https://fjordmobil.example/svar/kan-jeg-betale-med-vipps');
    expect(new Set(qa.map((c) => c.id)).size).toBe(2);
  });

  it('reads a JSON list and detects English items', async () => {
    await write(
      'qa/english.json',
      JSON.stringify([
        { id: 'opening-hours', question: 'When is customer service open?', answer: 'Weekdays 08–20 and Saturdays 10–16.' },
        { question: 'Får jeg ærlig svar på åpningstidene?', answer: 'Ja.', lang: 'nb' },
      ]),
    );
    const { qa } = await loadKnowledge(dir, { baseUrl: BASE });
    expect(qa.map((c) => [c.url, c.lang])).toEqual([
      ['https://fjordmobil.example/svar/opening-hours', 'en'],
      ['https://fjordmobil.example/svar/far-jeg-aerlig-svar-pa-apningstidene', 'nb'],
    ]);
  });
});

describe('loadKnowledge: bad files', () => {
  it('reports invalid items with file and field, and keeps the good ones and other files', async () => {
    await write(
      'qa/faq.yaml',
      `items:
  - question: Hva koster eSIM?
    answer: Det er gratis.
  - question: Hvordan porterer jeg nummeret?
  - question: [ikke, tekst]
    answer: Noe
  - question: Hvor er butikken?
    answer: Vi har ingen butikker.
    lang: sv
`,
    );
    await write('qa/broken.yaml', 'items:\n  - question: "unclosed\n    answer: x\n');
    await write('qa/wrong-shape.json', '{"questions": []}');
    await write('pages/bad-front-matter.md', '---\ntitle: 42\nurl: ftp://fjordmobil.example/x\n---\nTekst.\n');
    await write('pages/ok.md', '---\ntitle: Dekning\nurl: /dekning\n---\n# Dekning\n\nVi har 5G i alle byer.\n');
    const { pages, qa, errors } = await loadKnowledge(dir, { baseUrl: BASE });

    expect(pages.map((p) => p.title)).toEqual(['Dekning']);
    expect(qa.map((c) => c.title)).toEqual(['Hva koster eSIM?']);
    const messages = errors.map((e) => `${e.file}: ${e.message}`);
    expect(messages).toContain('knowledge/qa/faq.yaml: items[1].answer: Required');
    expect(messages).toContain('knowledge/qa/faq.yaml: items[2].question: Expected text');
    expect(messages).toContain('knowledge/qa/faq.yaml: items[3].lang: Expected nb, nn or en');
    // One line that says where, without the excerpt (or the colon before it) the YAML parser adds.
    expect(errors.find((e) => e.file === 'knowledge/qa/broken.yaml')?.message).toMatch(/at line \d+, column \d+$/);
    expect(messages).toContain('knowledge/qa/wrong-shape.json: expected a list of Q&A items or an object with "items: [...]"');
    expect(messages.find((m) => m.startsWith('knowledge/pages/bad-front-matter.md: '))).toMatch(/front matter\.title: /);
  });

  it('reports and leaves out an item whose unquoted value YAML cut at " #", keeping quoted ones and own-line comments', async () => {
    await write(
      'qa/hash.yaml',
      `# Kodene under
- question: Hvordan skjuler jeg nummeret?
  answer: Tast #31# foran nummeret.
- question: Hvordan viderekobler jeg?
  answer: "Tast **21* og nummeret #."
  # Sjekket mars 2026
- question: Hva koster det?
  alternatives:
    - Pris
    - Koster det noe #spørsmål
  answer: Gratis.
`,
    );
    const { qa, errors } = await loadKnowledge(dir, { baseUrl: BASE });
    expect(qa.map((c) => c.answer)).toEqual(['Tast **21* og nummeret #.']);
    expect(errors).toEqual([
      { file: 'knowledge/qa/hash.yaml', message: '[0].answer: the text after " #" was read as a YAML comment and dropped; put the value in quotes' },
      { file: 'knowledge/qa/hash.yaml', message: '[2].alternatives: the text after " #" was read as a YAML comment and dropped; put the value in quotes' },
    ]);
  });

  it('reports a Markdown url that is not http(s), and duplicate urls and questions', async () => {
    await write('a.md', '---\ntitle: A\nurl: javascript:alert(1)\n---\nTekst her.\n');
    await write('b.md', '---\ntitle: B\nurl: /samme\n---\nFørste.\n');
    await write('c.md', '---\ntitle: C\nurl: /samme\n---\nAndre.\n');
    await write('qa/one.yaml', '- question: Hva er PUK?\n  answer: En kode.\n');
    await write('qa/two.yaml', '- question: Hva er PUK?\n  answer: En annen kode.\n');
    const { pages, qa, errors } = await loadKnowledge(dir, { baseUrl: BASE });
    expect(pages.map((p) => p.url)).toEqual(['https://fjordmobil.example/samme']);
    expect(qa).toHaveLength(1);
    expect(errors.map((e) => e.file)).toEqual(['knowledge/a.md', 'knowledge/c.md', 'knowledge/qa/two.yaml']);
  });

  it('skips README.md and hidden files, and reports an empty page', async () => {
    await write('README.md', '# How to edit this folder\n\nWrite Markdown here.\n');
    await write('.draft.md', '# Utkast\n\nIkke ferdig.\n');
    await write('empty.md', '---\ntitle: Tom\nurl: /tom\n---\n\n');
    const { pages, errors } = await loadKnowledge(dir, { baseUrl: BASE });
    expect(pages).toEqual([]);
    expect(errors).toEqual([{ file: 'knowledge/empty.md', message: 'no text' }]);
  });

  it('indexes every file of the bundled demo knowledge/ folder', async () => {
    const bundled = await loadKnowledge(join(packageRoot(), 'knowledge'), { baseUrl: BASE });
    expect(bundled.errors).toEqual([]);
    const files = await readdir(join(packageRoot(), 'knowledge', 'pages'), { recursive: true });
    expect(bundled.pages).toHaveLength(files.filter((f) => f.endsWith('.md')).length);
    expect(bundled.qa.length).toBeGreaterThan(0);
  });

  it('fails clearly when the folder does not exist', async () => {
    await expect(loadKnowledge(join(root, 'missing'), { baseUrl: BASE })).rejects.toMatchObject({ code: 'INVALID_CONFIG' });
  });
});

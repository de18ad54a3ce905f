import { describe, expect, it } from 'vitest';
import { chunkPage } from '../../src/ingest/chunk-page.js';
import type { ExtractedPage, Section } from '../../src/ingest/types.js';

const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/** n distinct, numbered sentences of ten words each. */
function sentences(n: number, topic = 'roaming'): string {
  return Array.from({ length: n }, (_, i) => `Setning ${i + 1} om ${topic} forklarer hvordan tjenesten virker i praksis.`).join(' ');
}

function page(sections: Section[], overrides: Partial<ExtractedPage> = {}): ExtractedPage {
  return {
    url: 'https://fjordmobil.example/mobil/utland',
    title: 'Mobil i utlandet',
    lang: 'nb',
    sections,
    contentHash: 'x',
    ...overrides,
  };
}

describe('chunkPage', () => {
  it('gives every chunk the page url, title, lang, kind and its heading path', () => {
    const chunks = chunkPage(page([{ headingPath: ['Mobil i utlandet', 'I EU'], text: sentences(12) }]));
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toMatchObject({
      url: 'https://fjordmobil.example/mobil/utland',
      title: 'Mobil i utlandet',
      headingPath: ['Mobil i utlandet', 'I EU'],
      lang: 'nb',
      kind: 'page',
    });
  });

  it('splits a long section at sentence boundaries within maxWords, with overlap', () => {
    const text = sentences(100); // 1000 words
    const chunks = chunkPage(page([{ headingPath: ['Mobil i utlandet'], text }]));
    expect(chunks.length).toBeGreaterThanOrEqual(3);
    for (const chunk of chunks) {
      expect(words(chunk.text)).toBeLessThanOrEqual(350);
      expect(chunk.text).toMatch(/^Setning \d+ om roaming/);
      expect(chunk.text).toMatch(/i praksis\.$/);
      expect(chunk.headingPath).toEqual(['Mobil i utlandet']);
    }
    for (let i = 1; i < chunks.length; i++) {
      const lastOfPrevious = /Setning (\d+)[^.]*\.$/.exec(chunks[i - 1]?.text ?? '')?.[1];
      const firstOfThis = Number(/^Setning (\d+)/.exec(chunks[i]?.text ?? '')?.[1]);
      // The next chunk starts a few sentences before the previous one ended: overlap, no gap.
      expect(firstOfThis).toBeLessThanOrEqual(Number(lastOfPrevious));
      expect(Number(lastOfPrevious) - firstOfThis + 1).toBeLessThanOrEqual(4);
    }
    const covered = new Set(chunks.flatMap((c) => [...c.text.matchAll(/Setning (\d+)/g)].map((m) => m[1])));
    expect(covered.size).toBe(100);
  });

  it('honours custom sizes', () => {
    const chunks = chunkPage(page([{ headingPath: [], text: sentences(30) }]), { maxWords: 100, overlapWords: 0, minWords: 20 });
    expect(chunks).toHaveLength(3);
    expect(chunks.map((c) => words(c.text))).toEqual([100, 100, 100]);
  });

  it('never cuts a sentence, even one longer than the overlap', () => {
    const long = `${'Dette er en veldig lang setning '.repeat(10).trim()}.`; // 60 words
    const text = Array.from({ length: 12 }, () => long).join(' ');
    for (const chunk of chunkPage(page([{ headingPath: [], text }]))) {
      expect(chunk.text.split(/(?<=\.) /).every((s) => s === long)).toBe(true);
    }
  });

  it('does not take an abbreviation for the end of a sentence', () => {
    const text = 'Du kan bruke f.eks. Apple Watch med eSIM. Klokken må ha mobilnett.';
    const chunks = chunkPage(page([{ headingPath: [], text }]), { maxWords: 8, overlapWords: 0, minWords: 1 });
    expect(chunks.map((c) => c.text)).toEqual(['Du kan bruke f.eks. Apple Watch med eSIM.', 'Klokken må ha mobilnett.']);
  });

  it('merges small sibling sections and keeps their headings in the text', () => {
    const faq: Section[] = [
      { headingPath: ['Mobil i utlandet', 'Koster det noe i EU?'], text: 'Nei, i EU og EØS ringer du som hjemme.' },
      { headingPath: ['Mobil i utlandet', 'Hva med Sveits?'], text: 'Sveits er utenfor EU, så det koster 9 kr per minutt.' },
      { headingPath: ['Mobil i utlandet', 'Kan jeg sperre roaming?'], text: 'Ja, i appen under Innstillinger.' },
    ];
    const chunks = chunkPage(page(faq));
    expect(chunks).toHaveLength(1);
    expect(chunks[0]?.headingPath).toEqual(['Mobil i utlandet']);
    expect(chunks[0]?.text).toBe(
      'Koster det noe i EU?\nNei, i EU og EØS ringer du som hjemme.\nHva med Sveits?\nSveits er utenfor EU, så det koster 9 kr per minutt.\nKan jeg sperre roaming?\nJa, i appen under Innstillinger.',
    );
    // ... and says which lines are those headings, so answers do not quote them.
    expect(chunks[0]?.subheadings).toEqual(['Koster det noe i EU?', 'Hva med Sveits?', 'Kan jeg sperre roaming?']);
  });

  it('keeps sections that are big enough on their own apart', () => {
    const chunks = chunkPage(
      page([
        { headingPath: ['Mobil i utlandet', 'I EU'], text: sentences(15, 'EU') },
        { headingPath: ['Mobil i utlandet', 'Utenfor EU'], text: sentences(15, 'Sveits') },
      ]),
    );
    expect(chunks.map((c) => c.headingPath)).toEqual([
      ['Mobil i utlandet', 'I EU'],
      ['Mobil i utlandet', 'Utenfor EU'],
    ]);
  });

  it('does not merge beyond maxWords', () => {
    const sections = Array.from({ length: 6 }, (_, i) => ({ headingPath: ['Side', `Del ${i}`], text: sentences(9) }));
    const chunks = chunkPage(page(sections), { minWords: 1000, maxWords: 200 });
    expect(chunks.length).toBe(3);
    for (const chunk of chunks) expect(words(chunk.text)).toBeLessThanOrEqual(200);
  });

  it('gives stable, unique ids that depend on url and position', () => {
    const long = page([{ headingPath: [], text: sentences(100) }]);
    const first = chunkPage(long).map((c) => c.id);
    expect(chunkPage(long).map((c) => c.id)).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
    const moved = chunkPage({ ...long, url: 'https://fjordmobil.example/annen' }).map((c) => c.id);
    expect(moved.some((id) => first.includes(id))).toBe(false);
    for (const id of first) expect(id).toMatch(/^[0-9a-f]{16}$/);
  });

  it('returns no chunks for a page without sections', () => {
    expect(chunkPage(page([]))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { hasFallbackQaUrl, qaChunks } from '../../src/ingest/knowledge-qa.js';
import { chunkSchema } from '../../src/retrieval/index-schemas.js';

const BASE = 'https://fjordmobil.example/';

describe('Q&A items without a page', () => {
  it('keep the svar/<id> URL as their name, marked noPage; items with a url are pages', () => {
    const { chunks } = qaChunks(
      [
        { id: 'vipps', question: 'Kan jeg betale med Vipps?', answer: 'Ja.' },
        { question: 'Hva koster eSIM?', answer: '59 kr.', url: '/mobil/esim' },
      ],
      BASE,
    );
    expect(chunks.map((c) => [c.url, c.noPage])).toEqual([
      ['https://fjordmobil.example/svar/vipps', true],
      ['https://fjordmobil.example/mobil/esim', undefined],
    ]);
  });

  it('are recognised in an index saved before noPage existed', () => {
    const [withoutPage, withPage] = qaChunks(
      [
        { id: 'vipps', question: 'Kan jeg betale med Vipps?', answer: 'Ja.' },
        { id: 'esim', question: 'Hva koster eSIM?', answer: '59 kr.', url: '/svar/esim-pris' },
      ],
      BASE,
    ).chunks.map(({ noPage: _old, ...saved }) => saved);
    expect(hasFallbackQaUrl(withoutPage!)).toBe(true);
    expect(hasFallbackQaUrl(withPage!)).toBe(false);
    expect(chunkSchema.parse(withoutPage).noPage).toBe(true);
    expect(chunkSchema.parse(withPage).noPage).toBeUndefined();
    expect(chunkSchema.parse({ ...withPage, kind: 'page', url: 'https://fjordmobil.example/svar/esim' }).noPage).toBeUndefined();
  });
});

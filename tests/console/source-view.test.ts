import { describe, expect, it } from 'vitest';
import { describeSource } from '../../console/src/source-view.js';

describe('console sources', () => {
  it('links a page, and names a Q&A item without a page instead of linking its made-up URL', () => {
    expect(describeSource({ url: 'https://fjordmobil.example/mobil/puk', title: 'PUK' })).toEqual({ text: 'PUK', href: 'https://fjordmobil.example/mobil/puk' });
    expect(describeSource({ url: 'https://fjordmobil.example/svar/vipps', title: 'Kan jeg betale med Vipps?', noPage: true })).toEqual({ text: 'Q&A item: Kan jeg betale med Vipps?' });
  });
});

import { describe, expect, it } from 'vitest';
import { resolvePageUrl } from '../../src/knowledge/resolve-page-url.js';

const pages = ['http://127.0.0.1:8900/faq/q001.html', 'http://127.0.0.1:8900/faq/q002.html', 'https://a.example/hjelp/', 'https://b.example/hjelp'];

describe('resolvePageUrl', () => {
  it('accepts an exact URL', () => expect(resolvePageUrl(pages[0]!, pages)).toBe(pages[0]));
  it('matches a bare path to the one page with that path', () => expect(resolvePageUrl('/faq/q002.html', pages)).toBe(pages[1]));
  it('refuses a path that matches several pages', () => expect(resolvePageUrl('/hjelp', pages)).toBeUndefined());
  it('refuses unknown pages', () => expect(resolvePageUrl('/faq/q999.html', pages)).toBeUndefined());
});

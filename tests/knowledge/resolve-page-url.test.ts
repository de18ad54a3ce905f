import { describe, expect, it } from 'vitest';
import { resolvePageUrl, resolveSitePageUrl } from '../../src/knowledge/resolve-page-url.js';

const pages = ['http://127.0.0.1:8900/faq/q001.html', 'http://127.0.0.1:8900/faq/q002.html', 'https://a.example/hjelp/', 'https://b.example/hjelp'];

describe('resolvePageUrl', () => {
  it('accepts an exact URL', () => expect(resolvePageUrl(pages[0]!, pages)).toBe(pages[0]));
  it('matches a bare path to the one page with that path', () => expect(resolvePageUrl('/faq/q002.html', pages)).toBe(pages[1]));
  it('refuses a path that matches several pages', () => expect(resolvePageUrl('/hjelp', pages)).toBeUndefined());
  it('refuses unknown pages', () => expect(resolvePageUrl('/faq/q999.html', pages)).toBeUndefined());
});

describe('resolveSitePageUrl', () => {
  const site = { pageUrls: ['https://www.shop.example/hjelp/frakt', 'https://hjelp.shop.example/retur'], siteUrl: 'https://www.shop.example/', origins: ['https://www.shop.example', 'https://hjelp.shop.example'] };
  it('prefers the indexed page a path names', () => expect(resolveSitePageUrl('/retur', site)).toBe('https://hjelp.shop.example/retur'));
  it('resolves any other path against the site URL', () => expect(resolveSitePageUrl('/betaling/vipps#app', site)).toBe('https://www.shop.example/betaling/vipps'));
  it('accepts a full URL on one of the sites', () => expect(resolveSitePageUrl('https://hjelp.shop.example/nytt', site)).toBe('https://hjelp.shop.example/nytt'));
  it('refuses another site and other schemes', () => {
    for (const input of ['https://evil.example/betaling', '//evil.example/x', 'mailto:kundeservice@shop.example', 'javascript:alert(1)']) {
      expect(resolveSitePageUrl(input, site)).toBeUndefined();
    }
  });
});

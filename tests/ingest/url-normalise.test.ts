import { describe, expect, it } from 'vitest';
import { cleanUrl, normaliseUrl } from '../../src/ingest/url-normalise.js';
import { createPathFilter } from '../../src/ingest/path-filter.js';

describe('normaliseUrl', () => {
  it('lowercases scheme and host, drops default ports and fragments', () => {
    expect(normaliseUrl('HTTPS://Shop.EXAMPLE:443/Faq#answer')).toBe('https://shop.example/Faq');
    expect(normaliseUrl('http://shop.example:80/')).toBe('http://shop.example/');
    expect(normaliseUrl('http://shop.example:8080/')).toBe('http://shop.example:8080/');
  });

  it('treats /a/ and /a as one page but keeps the root', () => {
    expect(normaliseUrl('https://shop.example/a/')).toBe(normaliseUrl('https://shop.example/a'));
    expect(normaliseUrl('https://shop.example')).toBe('https://shop.example/');
  });

  it('drops tracking parameters and sorts the rest without re-encoding them', () => {
    expect(normaliseUrl('https://shop.example/p?utm_source=x&b=2&gclid=1&a=1&fbclid=z&UTM_Medium=m&ref=home')).toBe(
      'https://shop.example/p?a=1&b=2',
    );
    expect(normaliseUrl('https://shop.example/p?mc_cid=1&mc_eid=2&msclkid=3&_ga=4')).toBe('https://shop.example/p');
    expect(normaliseUrl('https://shop.example/s?q=a%20b&page=2')).toBe('https://shop.example/s?page=2&q=a%20b');
  });

  it('resolves relative URLs against a base', () => {
    expect(normaliseUrl('../b/?x=1#top', 'https://shop.example/a/c/d')).toBe('https://shop.example/a/b?x=1');
  });

  it('rejects what is not an http(s) URL', () => {
    expect(normaliseUrl('mailto:hei@shop.example')).toBeUndefined();
    expect(normaliseUrl('javascript:alert(1)')).toBeUndefined();
    expect(normaliseUrl('ftp://shop.example/file')).toBeUndefined();
    expect(normaliseUrl('not a url')).toBeUndefined();
  });

  it('removes credentials from the URL', () => {
    expect(normaliseUrl('https://user:pw@shop.example/')).toBe('https://shop.example/');
  });
});

describe('createPathFilter', () => {
  it('matches include patterns as prefixes with * wildcards', () => {
    const passes = createPathFilter({ include: ['/faq/', '/help/*/print'] });
    expect(passes('https://shop.example/faq/esim')).toBe(true);
    expect(passes('https://shop.example/help/roaming/print?x=1')).toBe(true);
    expect(passes('https://shop.example/about')).toBe(false);
  });

  it('excludes win over includes, and $ anchors the end', () => {
    const passes = createPathFilter({ include: ['/'], exclude: ['/faq/archive', '*.pdf$'] });
    expect(passes('https://shop.example/faq/archive/2019')).toBe(false);
    expect(passes('https://shop.example/files/price.pdf')).toBe(false);
    expect(passes('https://shop.example/files/price.pdf.html')).toBe(true);
  });

  it('matches patterns with a scheme against the whole URL', () => {
    const passes = createPathFilter({ exclude: ['https://shop.example/old'] });
    expect(passes('https://shop.example/old/page')).toBe(false);
    expect(passes('https://shop.example/new')).toBe(true);
  });
});

describe('cleanUrl', () => {
  it('cleans like normaliseUrl but keeps the trailing slash we must request', () => {
    expect(cleanUrl('HTTPS://Shop.example:443/faq/?utm_source=x&b=1&a=2#top')).toBe('https://shop.example/faq/?a=2&b=1');
    expect(normaliseUrl('https://shop.example/faq/')).toBe('https://shop.example/faq');
  });
});

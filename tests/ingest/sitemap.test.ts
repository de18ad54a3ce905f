import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseSitemap, sitemapText, walkSitemaps } from '../../src/ingest/sitemap.js';

const urlset = (...locs: string[]): string =>
  `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${locs
    .map((l) => `<url><loc> ${l} </loc><lastmod>2025-01-01</lastmod></url>`)
    .join('')}</urlset>`;
const index = (...locs: string[]): string =>
  `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${locs
    .map((l) => `<sitemap><loc>${l}</loc></sitemap>`)
    .join('')}</sitemapindex>`;

describe('parseSitemap', () => {
  it('reads page locations from a urlset', () => {
    expect(parseSitemap(urlset('https://shop.example/a', 'https://shop.example/b?x=1&amp;y=2'))).toEqual({
      pages: ['https://shop.example/a', 'https://shop.example/b?x=1&y=2'],
      sitemaps: [],
    });
  });

  it('reads child sitemaps from a sitemap index', () => {
    expect(parseSitemap(index('https://shop.example/s1.xml'))).toEqual({ pages: [], sitemaps: ['https://shop.example/s1.xml'] });
  });

  it('ignores <loc> elsewhere, such as image extensions', () => {
    const xml = `<urlset xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"><url><loc>https://shop.example/a</loc>
      <image:image><image:loc>https://shop.example/a.png</image:loc></image:image></url></urlset>`;
    expect(parseSitemap(xml).pages).toEqual(['https://shop.example/a']);
  });

  it('reads gzipped sitemaps', () => {
    const body = gzipSync(Buffer.from(urlset('https://shop.example/z')));
    expect(parseSitemap(sitemapText(body, 1_000_000)).pages).toEqual(['https://shop.example/z']);
  });
});

describe('walkSitemaps', () => {
  const files: Record<string, string> = {
    'https://shop.example/sitemap.xml': index('https://shop.example/s1.xml', 'https://other.example/s2.xml', 'https://shop.example/s3.xml'),
    'https://shop.example/s1.xml': urlset('https://shop.example/a', 'https://shop.example/b'),
    'https://shop.example/s3.xml': index('https://shop.example/sitemap.xml', 'https://shop.example/s4.xml'),
    'https://shop.example/s4.xml': urlset('https://shop.example/d'),
    'https://other.example/s2.xml': urlset('https://other.example/c'),
  };

  it('follows indexes, skips sitemaps it may not read and never reads one twice', async () => {
    const read: string[] = [];
    const pages = await walkSitemaps(['https://shop.example/sitemap.xml'], {
      mayRead: (url) => url.startsWith('https://shop.example/'),
      fetchSitemap: async (url) => {
        read.push(url);
        return files[url];
      },
    });
    expect(pages).toEqual(['https://shop.example/a', 'https://shop.example/b', 'https://shop.example/d']);
    expect(read).toEqual(['https://shop.example/sitemap.xml', 'https://shop.example/s1.xml', 'https://shop.example/s3.xml', 'https://shop.example/s4.xml']);
  });

  it('stops at the depth limit', async () => {
    const pages = await walkSitemaps(['https://shop.example/sitemap.xml'], {
      mayRead: () => true,
      fetchSitemap: async (url) => files[url],
      maxDepth: 2,
    });
    expect(pages).not.toContain('https://shop.example/d');
  });
});

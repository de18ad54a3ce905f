import { describe, expect, it } from 'vitest';
import { pagesOfRemovedSource, pagesOfRemovedSources } from '../../src/knowledge/source-pages.js';

const dropped = (drop: (url: string) => boolean, urls: string[]) => urls.filter(drop);

describe('the crawled pages of a removed source', () => {
  const site = ['https://x.example/', 'https://x.example/om', 'https://x.example/hjelp', 'https://x.example/hjelp/retur', 'https://x.example/bedrift/priser'];

  it('are all its site\'s pages when no source is left there, also those outside its path', () => {
    const drop = pagesOfRemovedSource({ url: 'https://x.example/hjelp/' }, [{ url: 'https://y.example/' }]);
    expect(dropped(drop, [...site, 'https://y.example/hjelp/retur'])).toEqual(site);
  });

  it('leave alone what a remaining source on the same site covers', () => {
    // The whole site stays a source: the help section is still crawled from it.
    expect(dropped(pagesOfRemovedSource({ url: 'https://x.example/hjelp/' }, [{ url: 'https://x.example/' }]), site)).toEqual([]);
    // The help section stays: the rest of the site goes.
    expect(dropped(pagesOfRemovedSource({ url: 'https://x.example/' }, [{ url: 'https://x.example/hjelp/' }]), site)).toEqual([
      'https://x.example/',
      'https://x.example/om',
      'https://x.example/bedrift/priser',
    ]);
    // Two sections: only the removed one's pages go.
    expect(dropped(pagesOfRemovedSource({ url: 'https://x.example/bedrift/' }, [{ url: 'https://x.example/hjelp/' }]), site)).toEqual(['https://x.example/bedrift/priser']);
  });

  it("count a remaining source's exclude rules: a page it would not crawl goes", () => {
    const drop = pagesOfRemovedSource({ url: 'https://x.example/hjelp/' }, [{ url: 'https://x.example/', exclude: ['/hjelp/retur'] }]);
    expect(dropped(drop, site)).toEqual(['https://x.example/hjelp/retur']);
  });

  it('are those of every source missing since a crawl started', () => {
    const drop = pagesOfRemovedSources([{ url: 'https://x.example/' }, { url: 'https://y.example/' }], [{ url: 'https://y.example/' }]);
    expect(dropped(drop, [...site, 'https://y.example/a'])).toEqual(site);
    expect(dropped(pagesOfRemovedSources([{ url: 'https://x.example/' }], [{ url: 'https://x.example/' }]), site)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { LaerlingError } from '../../src/errors.js';
import {
  crawlDelayMs,
  createRobotsCache,
  getRobotsPolicy,
  isAllowedByRobots,
  parseRobots,
  type RobotsDeps,
} from '../../src/ingest/robots.js';

const allowed = (txt: string, path: string, token = 'laerling'): boolean => isAllowedByRobots(parseRobots(txt), token, path);

describe('robots.txt groups', () => {
  const txt = [
    'User-agent: *',
    'Disallow: /private/',
    '',
    'User-agent: Laerling/2.0',
    'User-agent: otherbot',
    'Disallow: /drafts/',
    '',
    'User-agent: laerling',
    'Disallow: /tmp/ # merged with the group above',
    'Sitemap: https://shop.example/sitemap-a.xml',
  ].join('\n');

  it('uses our group (matched case-insensitively by product token) instead of *', () => {
    expect(allowed(txt, '/drafts/1')).toBe(false);
    expect(allowed(txt, '/private/x')).toBe(true);
  });

  it('reads the Crawl-delay of the group that applies to us (seconds, decimals allowed)', () => {
    const delays = 'User-agent: *\nCrawl-delay: 10\n\nUser-agent: laerling\nCrawl-delay: 0.5\nDisallow: /x\n\nUser-agent: junk\nCrawl-delay: soon\n';
    expect(crawlDelayMs(parseRobots(delays), 'laerling')).toBe(500);
    expect(crawlDelayMs(parseRobots(delays), 'otherbot')).toBe(10_000);
    expect(crawlDelayMs(parseRobots(delays), 'junk')).toBe(0);
    expect(crawlDelayMs(parseRobots(txt), 'laerling')).toBe(0);
  });

  it('merges every group that names us', () => {
    expect(allowed(txt, '/tmp/a')).toBe(false);
  });

  it('falls back to * for other crawlers', () => {
    expect(allowed(txt, '/private/x', 'somebot')).toBe(false);
    expect(allowed(txt, '/drafts/1', 'somebot')).toBe(true);
  });

  it('collects Sitemap lines wherever they are', () => {
    expect(parseRobots(txt).sitemaps).toEqual(['https://shop.example/sitemap-a.xml']);
  });

  it('allows everything when no group applies or a disallow is empty', () => {
    expect(allowed('User-agent: otherbot\nDisallow: /', '/x')).toBe(true);
    expect(allowed('User-agent: *\nDisallow:', '/x')).toBe(true);
    expect(allowed('', '/x')).toBe(true);
  });

  it('always allows /robots.txt itself', () => {
    expect(allowed('User-agent: *\nDisallow: /', '/robots.txt')).toBe(true);
  });
});

describe('robots.txt rule matching', () => {
  it('picks the longest matching rule', () => {
    const txt = 'User-agent: *\nDisallow: /faq/\nAllow: /faq/public/\nDisallow: /faq/public/secret';
    expect(allowed(txt, '/faq/x')).toBe(false);
    expect(allowed(txt, '/faq/public/x')).toBe(true);
    expect(allowed(txt, '/faq/public/secret.html')).toBe(false);
  });

  it('lets allow win a tie', () => {
    expect(allowed('User-agent: *\nDisallow: /page\nAllow: /page', '/page')).toBe(true);
  });

  it('supports * wildcards and $ end anchors', () => {
    const txt = 'User-agent: *\nDisallow: /*.pdf$\nDisallow: /search*q=\nAllow: /$\nDisallow: /';
    expect(allowed(txt, '/docs/price.pdf')).toBe(false);
    expect(allowed(txt, '/docs/price.pdf?x=1')).toBe(false); // falls through to Disallow: /
    expect(allowed(txt, '/')).toBe(true);
    expect(allowed(txt, '/about')).toBe(false);
    expect(allowed('User-agent: *\nDisallow: /*.pdf$', '/docs/price.pdf.html')).toBe(true);
    expect(allowed('User-agent: *\nDisallow: /search*q=', '/search?lang=nb&q=esim')).toBe(false);
  });

  it('compares percent-encoded and UTF-8 paths in one spelling', () => {
    expect(allowed('User-agent: *\nDisallow: /blåbær', '/bl%C3%A5b%C3%A6r/1')).toBe(false);
    expect(allowed('User-agent: *\nDisallow: /%7Euser', '/~user/x')).toBe(false);
  });

  it('ignores rules before any user-agent line, comments and unknown keys', () => {
    const txt = 'Disallow: /\n# User-agent: laerling\nCrawl-delay: 5\nUser-agent: *\nDisallow: /x';
    expect(allowed(txt, '/a')).toBe(true);
    expect(allowed(txt, '/x')).toBe(false);
  });
});

describe('getRobotsPolicy', () => {
  const setup = (answer: () => Promise<{ status: number; body: string }>) => {
    let clock = new Date('2025-01-01T00:00:00Z');
    const calls: string[] = [];
    const deps: RobotsDeps = {
      cache: createRobotsCache(),
      now: () => clock,
      fetchText: (url) => {
        calls.push(url);
        return answer();
      },
    };
    return { deps, calls, advance: (ms: number) => (clock = new Date(clock.getTime() + ms)) };
  };
  const origin = 'https://shop.example';

  it('fetches /robots.txt of the origin and parses it', async () => {
    const { deps, calls } = setup(async () => ({ status: 200, body: 'User-agent: *\nDisallow: /x' }));
    const policy = await getRobotsPolicy(origin, deps);
    expect(calls).toEqual(['https://shop.example/robots.txt']);
    expect(isAllowedByRobots(policy, 'laerling', '/x')).toBe(false);
  });

  it('allows everything on 4xx', async () => {
    for (const status of [401, 403, 404, 410]) {
      const { deps } = setup(async () => ({ status, body: 'User-agent: *\nDisallow: /' }));
      expect(isAllowedByRobots(await getRobotsPolicy(origin, deps), 'laerling', '/a')).toBe(true);
    }
  });

  it('disallows everything on 5xx or when unreachable', async () => {
    for (const answer of [async () => ({ status: 503, body: '' }), async () => Promise.reject(new Error('ECONNREFUSED'))]) {
      const { deps } = setup(answer);
      expect(isAllowedByRobots(await getRobotsPolicy(origin, deps), 'laerling', '/a')).toBe(false);
    }
  });

  it('passes SSRF refusals on instead of treating them as robots answers', async () => {
    const { deps } = setup(async () => Promise.reject(new LaerlingError('PRIVATE_NETWORK')));
    await expect(getRobotsPolicy(origin, deps)).rejects.toMatchObject({ code: 'PRIVATE_NETWORK' });
    expect(deps.cache.size).toBe(0);
  });

  it('reuses the cached policy for up to 24 hours, then fetches again', async () => {
    const { deps, calls, advance } = setup(async () => ({ status: 200, body: '' }));
    await getRobotsPolicy(origin, deps);
    advance(23 * 3600_000);
    await getRobotsPolicy(origin, deps);
    expect(calls).toHaveLength(1);
    advance(3600_000);
    await getRobotsPolicy(origin, deps);
    expect(calls).toHaveLength(2);
  });

  it('asks once when many pages of one origin need robots.txt at the same time', async () => {
    const { deps, calls } = setup(async () => ({ status: 200, body: '' }));
    await Promise.all([getRobotsPolicy(origin, deps), getRobotsPolicy(origin, deps), getRobotsPolicy(origin, deps)]);
    expect(calls).toHaveLength(1);
  });
});

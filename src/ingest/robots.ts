/**
 * robots.txt per RFC 9309: parse groups, pick ours (product token, else `*`), match the
 * longest allow/disallow rule with `*` and `$`, and cache each origin's answer for at most
 * 24 hours. Fetching is passed in, so the rules are testable without a network.
 */

import { LaerlingError } from '../errors.js';
import { compilePattern } from './path-filter.js';

export interface RobotsRule {
  allow: boolean;
  pattern: string;
}

export interface RobotsGroup {
  /** Lower-case product tokens, or "*". */
  agents: string[];
  rules: RobotsRule[];
  /** Crawl-delay in seconds: not in RFC 9309, but widely used to ask for slower crawling. */
  crawlDelaySeconds?: number;
}

/** What one origin's robots.txt says, or a blanket policy when it could not be read. */
export interface RobotsPolicy {
  groups: RobotsGroup[];
  sitemaps: string[];
  /** Set when robots.txt was unreachable (5xx, network error): nothing may be crawled. */
  disallowAll?: boolean;
}

/** Cached policies per origin; pass the same object to a later crawl to reuse it. */
export type RobotsCache = Map<string, { fetchedAt: number; policy: Promise<RobotsPolicy> }>;

/** A fresh, empty robots.txt cache. */
export function createRobotsCache(): RobotsCache {
  return new Map();
}

export const ROBOTS_MAX_AGE_MS = 24 * 60 * 60 * 1000;
// RFC 9309 asks parsers to read at least 500 KiB; anything past that is ignored.
const MAX_PARSED_CHARS = 500 * 1024;

/** Parse robots.txt text into groups and sitemap URLs. */
export function parseRobots(text: string): RobotsPolicy {
  const groups: RobotsGroup[] = [];
  const sitemaps: string[] = [];
  let current: RobotsGroup | undefined;
  let lastWasAgent = false;
  for (const rawLine of text.slice(0, MAX_PARSED_CHARS).split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*$/, '').trim();
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'user-agent') {
      // Consecutive user-agent lines share one group; one after rules starts a new group.
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [] };
        groups.push(current);
      }
      current.agents.push(agentToken(value));
      lastWasAgent = true;
    } else if (key === 'allow' || key === 'disallow') {
      lastWasAgent = false;
      // An empty disallow means "nothing is disallowed"; rules outside a group are ignored.
      if (current && value !== '') current.rules.push({ allow: key === 'allow', pattern: value });
    } else if (key === 'sitemap') {
      if (value !== '') sitemaps.push(value);
    } else if (key === 'crawl-delay') {
      lastWasAgent = false;
      const seconds = Number(value);
      if (current && value !== '' && Number.isFinite(seconds) && seconds >= 0) current.crawlDelaySeconds = seconds;
    } else {
      lastWasAgent = false;
    }
  }
  return { groups, sitemaps };
}

function agentToken(value: string): string {
  return (value.split(/[/\s]/)[0] ?? '').toLowerCase();
}

/** The groups that apply to a product token: all groups naming it, else all `*` groups. */
function groupsFor(policy: RobotsPolicy, productToken: string): RobotsGroup[] {
  const token = productToken.toLowerCase();
  const own = policy.groups.filter((g) => g.agents.includes(token));
  return own.length > 0 ? own : policy.groups.filter((g) => g.agents.includes('*'));
}

/** The rules that apply to a product token. */
export function rulesFor(policy: RobotsPolicy, productToken: string): RobotsRule[] {
  return groupsFor(policy, productToken).flatMap((g) => g.rules);
}

/** The Crawl-delay that applies to a product token, in milliseconds (0 when none is asked). */
export function crawlDelayMs(policy: RobotsPolicy, productToken: string): number {
  return Math.max(0, ...groupsFor(policy, productToken).map((g) => (g.crawlDelaySeconds ?? 0) * 1000));
}

/** Whether a path (with query) may be crawled by the given product token. */
export function isAllowedByRobots(policy: RobotsPolicy, productToken: string, path: string): boolean {
  if (path === '/robots.txt') return true;
  if (policy.disallowAll) return false;
  const target = normaliseForMatch(path);
  let best: { length: number; allow: boolean } | undefined;
  for (const rule of rulesFor(policy, productToken)) {
    const pattern = normaliseForMatch(rule.pattern);
    if (!compilePattern(pattern).test(target)) continue;
    const longer = !best || pattern.length > best.length;
    // Equally specific allow and disallow: RFC 9309 says allow wins.
    const tieToAllow = best !== undefined && pattern.length === best.length && rule.allow;
    if (longer || tieToAllow) best = { length: pattern.length, allow: rule.allow };
  }
  return best?.allow ?? true;
}

/** Compare paths in one spelling: unreserved escapes decoded, other escapes upper-case, non-ASCII encoded. */
function normaliseForMatch(path: string): string {
  const decoded = path.replace(/%([0-9a-f]{2})/gi, (escape, hex: string) => {
    const char = String.fromCharCode(parseInt(hex, 16));
    return /[A-Za-z0-9\-._~]/.test(char) ? char : escape.toUpperCase();
  });
  return decoded.replace(/[^\x21-\x7e]/gu, (char) => encodeURIComponent(char));
}

export interface RobotsDeps {
  /** GET a URL; resolve with status and text, or reject when it could not be fetched. */
  fetchText: (url: string) => Promise<{ status: number; body: string }>;
  now: () => Date;
  cache: RobotsCache;
  maxAgeMs?: number;
}

/** The robots.txt policy of an origin, from the cache when it is younger than 24 hours. */
export function getRobotsPolicy(origin: string, deps: RobotsDeps): Promise<RobotsPolicy> {
  const now = deps.now().getTime();
  const cached = deps.cache.get(origin);
  const maxAge = Math.min(deps.maxAgeMs ?? ROBOTS_MAX_AGE_MS, ROBOTS_MAX_AGE_MS);
  if (cached && now - cached.fetchedAt < maxAge && now >= cached.fetchedAt) return cached.policy;
  const policy = fetchPolicy(origin, deps);
  deps.cache.set(origin, { fetchedAt: now, policy });
  // A refusal by the SSRF guard is about the URL, not robots.txt: don't remember it.
  policy.catch(() => deps.cache.delete(origin));
  return policy;
}

async function fetchPolicy(origin: string, deps: RobotsDeps): Promise<RobotsPolicy> {
  let response: { status: number; body: string };
  try {
    response = await deps.fetchText(`${origin}/robots.txt`);
  } catch (error) {
    if (error instanceof LaerlingError && (error.code === 'PRIVATE_NETWORK' || error.code === 'URL_NOT_ALLOWED')) throw error;
    // RFC 9309 2.3.1.2: after too many redirects robots.txt counts as unavailable (allow all).
    if (error instanceof LaerlingError && error.code === 'TOO_MANY_REDIRECTS') return { groups: [], sitemaps: [] };
    return { groups: [], sitemaps: [], disallowAll: true };
  }
  if (response.status >= 200 && response.status < 300) return parseRobots(response.body);
  if (response.status >= 400 && response.status < 500) return { groups: [], sitemaps: [] };
  return { groups: [], sitemaps: [], disallowAll: true };
}

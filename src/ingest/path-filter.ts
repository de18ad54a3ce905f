/**
 * Include/exclude patterns for crawling. A pattern is matched as a prefix of the path (with
 * query), `*` matches any run of characters, and a trailing `$` anchors the end. A pattern
 * containing "://" is matched against the whole URL instead.
 */

import { pathAndQuery } from './url-normalise.js';

export interface PathFilter {
  include?: readonly string[];
  exclude?: readonly string[];
}

/** Compile one glob-ish pattern into an anchored regular expression. */
export function compilePattern(pattern: string): RegExp {
  const anchored = pattern.endsWith('$');
  const body = anchored ? pattern.slice(0, -1) : pattern;
  const source = body
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}${anchored ? '$' : ''}`);
}

/** Build a predicate saying whether a normalised URL passes the include/exclude patterns. */
export function createPathFilter(filter: PathFilter): (url: string) => boolean {
  const compile = (patterns: readonly string[] = []): { full: boolean; re: RegExp }[] =>
    patterns.map((p) => ({ full: p.includes('://'), re: compilePattern(p) }));
  const include = compile(filter.include);
  const exclude = compile(filter.exclude);
  return (url) => {
    const path = pathAndQuery(url);
    const matches = (p: { full: boolean; re: RegExp }): boolean => p.re.test(p.full ? url : path);
    if (include.length > 0 && !include.some(matches)) return false;
    return !exclude.some(matches);
  };
}

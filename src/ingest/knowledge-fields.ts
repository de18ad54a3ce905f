/**
 * zod field schemas for knowledge/ files with messages for content owners, not programmers
 * ("Required" rather than "expected string, received undefined").
 */

import { z } from 'zod';

/** An error-message function: "Required" for a missing field, else "Expected <what>". */
export const expected = (what: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? 'Required' : `Expected ${what}`;

/** Non-empty, trimmed text. */
export const textField = z.string({ error: expected('text') }).trim().min(1, 'Must not be empty');

/** One of the languages we detect. */
export const langField = z.enum(['nb', 'nn', 'en'], { error: 'Expected nb, nn or en' });

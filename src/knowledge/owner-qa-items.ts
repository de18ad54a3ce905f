import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { LaerlingError } from '../errors.js';
import { slugify } from '../ingest/knowledge-url.js';
import type { BotKnowledge } from './bot-knowledge.js';
import { ownerQaSchema, type OwnerQa } from './owner-qa-store.js';
import { resolveSitePageUrl } from './resolve-page-url.js';

/** What an owner writes for a Q&A item in the console; `url` may be a path on the bot's site. */
export const qaInputSchema = ownerQaSchema
  .pick({ question: true, alternatives: true, answer: true, lang: true })
  .extend({ url: z.string().trim().min(1).max(2000).optional() });
export type QaInput = z.infer<typeof qaInputSchema>;

/** Add a Q&A item and index it at once; its id (and so the URL naming an item without a page) never changes. */
export function createQa(knowledge: BotKnowledge, input: QaInput, by: string, at: Date, suggestionId?: number): Promise<OwnerQa> {
  const id = `${slugify(input.question).slice(0, 60) || 'svar'}-${randomBytes(3).toString('hex')}`;
  const url = input.url === undefined ? undefined : pageOnSite(knowledge, input.url);
  const item = ownerQaSchema.parse({ ...input, url, id, createdBy: by, createdAt: at.toISOString(), updatedAt: at.toISOString(), ...(suggestionId ? { suggestionId } : {}) });
  return knowledge.changeOwnerQa((items) => ({ items: [...items, item], result: item }));
}

/** Replace a Q&A item's content (without `url` it has no page any more); NOT_FOUND if it is gone. */
export function updateQa(knowledge: BotKnowledge, id: string, input: QaInput, at: Date): Promise<OwnerQa> {
  return knowledge.changeOwnerQa((items) => {
    const old = items.find((i) => i.id === id);
    if (!old) throw new LaerlingError('NOT_FOUND', `No Q&A item ${id}`);
    const { url: _url, lang: _lang, ...kept } = old;
    // An unchanged URL is kept as it is: one saved before URLs were checked must not block an edit.
    const url = input.url === undefined || input.url === old.url ? input.url : pageOnSite(knowledge, input.url);
    const item = ownerQaSchema.parse({ ...kept, ...input, url, updatedAt: at.toISOString() });
    return { items: items.map((i) => (i.id === id ? item : i)), result: item };
  });
}

// The item's page as a full URL: an indexed page, or any page on one of the bot's sites. The
// made-up URL of a page-less Q&A item (copied from the Pages list, say) is no page to link to.
function pageOnSite(knowledge: BotKnowledge, input: string): string {
  const { chunks } = knowledge.index;
  const pageUrls = new Set(chunks.filter((c) => !c.noPage).map((c) => c.url));
  const madeUp = new Set(chunks.filter((c) => c.noPage).map((c) => c.url));
  const { siteUrl, sources } = knowledge.bot;
  const origins = new Set([siteUrl, ...sources.map((s) => s.url), ...pageUrls].map((u) => new URL(u).origin));
  const url = resolveSitePageUrl(input, { pageUrls, siteUrl, origins });
  if (!url || madeUp.has(url)) throw new LaerlingError('INVALID_INPUT', `url: "${input}" is not a page of ${new URL(siteUrl).host} (give a full http(s) URL on the site, or a path like /betaling)`);
  return url;
}

/** Delete a Q&A item; it stops answering at once. */
export function deleteQa(knowledge: BotKnowledge, id: string): Promise<void> {
  return knowledge.changeOwnerQa((items) => {
    if (!items.some((i) => i.id === id)) throw new LaerlingError('NOT_FOUND', `No Q&A item ${id}`);
    return { items: items.filter((i) => i.id !== id), result: undefined };
  });
}

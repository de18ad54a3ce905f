import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { LaerlingError } from '../errors.js';
import { slugify } from '../ingest/knowledge-url.js';
import type { BotKnowledge } from './bot-knowledge.js';
import { ownerQaSchema, type OwnerQa } from './owner-qa-store.js';

/** What an owner writes for a Q&A item in the console. */
export const qaInputSchema = ownerQaSchema.pick({ question: true, alternatives: true, answer: true, url: true, lang: true });
export type QaInput = z.infer<typeof qaInputSchema>;

/** Add a Q&A item and index it at once; its id (and so its answer URL) never changes. */
export function createQa(knowledge: BotKnowledge, input: QaInput, by: string, at: Date, suggestionId?: number): Promise<OwnerQa> {
  const id = `${slugify(input.question).slice(0, 60) || 'svar'}-${randomBytes(3).toString('hex')}`;
  const item = ownerQaSchema.parse({ ...input, id, createdBy: by, createdAt: at.toISOString(), updatedAt: at.toISOString(), ...(suggestionId ? { suggestionId } : {}) });
  return knowledge.changeOwnerQa((items) => ({ items: [...items, item], result: item }));
}

/** Replace a Q&A item's content; NOT_FOUND if it is gone. */
export function updateQa(knowledge: BotKnowledge, id: string, input: QaInput, at: Date): Promise<OwnerQa> {
  return knowledge.changeOwnerQa((items) => {
    const old = items.find((i) => i.id === id);
    if (!old) throw new LaerlingError('NOT_FOUND', `No Q&A item ${id}`);
    const { url: _url, lang: _lang, ...kept } = old;
    const item = ownerQaSchema.parse({ ...kept, ...input, updatedAt: at.toISOString() });
    return { items: items.map((i) => (i.id === id ? item : i)), result: item };
  });
}

/** Delete a Q&A item; it stops answering at once. */
export function deleteQa(knowledge: BotKnowledge, id: string): Promise<void> {
  return knowledge.changeOwnerQa((items) => {
    if (!items.some((i) => i.id === id)) throw new LaerlingError('NOT_FOUND', `No Q&A item ${id}`);
    return { items: items.filter((i) => i.id !== id), result: undefined };
  });
}

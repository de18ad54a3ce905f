import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { LaerlingError } from '../errors.js';

/** A saved index's file as text; unreadable → INDEX_CORRUPT. */
export async function readIndexText(dir: string, file: string): Promise<string> {
  try {
    return await readFile(join(dir, file), 'utf8');
  } catch (err) {
    throw new LaerlingError('INDEX_CORRUPT', `Index file ${file} in ${dir} is unreadable: ${(err as Error).message}`);
  }
}

/** A saved index's JSON file checked against its schema; unreadable or malformed → INDEX_CORRUPT. */
export async function readIndexJson<T>(dir: string, file: string, schema: z.ZodType<T>): Promise<T> {
  const text = await readIndexText(dir, file);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new LaerlingError('INDEX_CORRUPT', `Index file ${file} in ${dir} is not valid JSON`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new LaerlingError('INDEX_CORRUPT', `Index file ${file} in ${dir} has an unexpected shape`);
  return parsed.data;
}

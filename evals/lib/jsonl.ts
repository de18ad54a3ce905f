import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { formatZodError } from '../../src/config/format-zod-error.js';

/** Read a JSON-lines file, validating each line; errors name the file and line. */
export async function readJsonl<T>(file: string, schema: z.ZodType<T>): Promise<T[]> {
  const lines = (await readFile(file, 'utf8')).split('\n');
  const out: T[] = [];
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const parsed = schema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${file}:${i + 1}: ${formatZodError(parsed.error)}`);
    out.push(parsed.data);
  });
  return out;
}

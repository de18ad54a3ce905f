import type { Context } from 'hono';
import { z } from 'zod';
import { formatZodError } from '../config/format-zod-error.js';
import { HttpError } from './http-error.js';

/** Parse and validate a JSON body: malformed JSON is a 400, a body that breaks the schema a 422 naming the field. */
export async function readBody<S extends z.core.$ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  let json: unknown;
  try {
    const text = await c.req.text();
    json = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw new HttpError(400, 'BAD_JSON', 'The request body is not valid JSON');
  }
  const parsed = z.safeParse(schema, json);
  if (!parsed.success) throw new HttpError(422, 'INVALID_INPUT', formatZodError(parsed.error));
  return parsed.data;
}

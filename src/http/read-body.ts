import type { Context } from 'hono';
import { z } from 'zod';
import { formatZodError } from '../config/format-zod-error.js';
import { HttpError } from './http-error.js';

/**
 * Parse and validate a JSON body: a body that is not sent as application/json is a 415, malformed
 * JSON a 400, a body that breaks the schema a 422 naming the field. An empty body reads as `{}`
 * whatever its type. The media type is checked because an HTML form can post text/plain across
 * sites without a CORS preflight: read as JSON anyway, `{"email":…}` typed into a hidden form
 * would sign a visitor in to someone else's console account. Only scripts allowed by CORS can
 * send application/json.
 */
export async function readBody<S extends z.core.$ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  let json: unknown;
  const text = await c.req.text().catch(() => {
    throw new HttpError(400, 'BAD_JSON', 'The request body could not be read');
  });
  if (text.trim() === '') json = {};
  else {
    if (!isJsonType(c.req.header('content-type'))) {
      throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the request body as JSON with Content-Type: application/json');
    }
    try {
      json = JSON.parse(text);
    } catch {
      throw new HttpError(400, 'BAD_JSON', 'The request body is not valid JSON');
    }
  }
  const parsed = z.safeParse(schema, json);
  if (!parsed.success) throw new HttpError(422, 'INVALID_INPUT', formatZodError(parsed.error));
  return parsed.data;
}

function isJsonType(header: string | undefined): boolean {
  return header?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

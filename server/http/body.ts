import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import {
  badRequest,
  payloadTooLarge,
  unsupportedMediaType,
  validationFailed,
} from '../../shared/api-errors.ts';

/**
 * Caps the request body at `maxBytes`, whether the client declares a Content-Length or streams it chunked
 * (hono's bodyLimit counts the bytes of a chunked body as they arrive and stops reading at the cap).
 * The app applies `MAX_BODY_BYTES` to every route; routes with small bodies add a tighter limit.
 */
export const limitBody = (maxBytes: number): MiddlewareHandler =>
  bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw payloadTooLarge(maxBytes);
    },
  });

/** `application/json`, optionally with parameters (`; charset=utf-8`). */
export function isJsonContentType(header: string | undefined): boolean {
  const mediaType = header?.split(';')[0]?.trim().toLowerCase();
  return mediaType === 'application/json';
}

/**
 * Reads and validates a JSON body: 415 when it is not JSON, 400 when it is empty or malformed (with the
 * parser's reason), 422 with per-field issues when it does not match `schema`. Nothing has been written when
 * any of these is thrown, because handlers parse before they touch storage.
 */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  if (!isJsonContentType(c.req.header('content-type'))) throw unsupportedMediaType();
  const text = await c.req.text();
  if (text.trim() === '') throw badRequest('The request body is empty; expected a JSON document.');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const reason = err instanceof SyntaxError ? err.message : 'unparseable';
    throw badRequest(`The request body is not valid JSON (${reason}).`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationFailed(parsed.error);
  return parsed.data;
}

import { z } from 'zod';
import { idSchema } from '../../entities/common.ts';
import { notificationTypeSchema } from '../../entities/support.ts';

/**
 * The JSON inside every web push Arco sends (docs/api.md "Push message"), decrypted by the browser and handed
 * to the service worker's `push` event. The service worker shows `title`/`body`, uses `tag` to replace an
 * earlier notification about the same thing, and opens `path` on a tap.
 *
 * Invariants:
 * - The encoded message stays under `PUSH_MESSAGE_MAX_BYTES` (push services accept 4096 bytes of ciphertext;
 *   aes128gcm adds 86 bytes of header and tag plus a padding delimiter), so `pushMessage()` shortens the body
 *   and then the title until it fits — never the path, the tag or the id.
 * - `path` is an in-app path (`/…`, not `//…`); the service worker still opens it only under a declared deep link.
 * - `notificationId` is the inbox item (the `notifications` document) the push is about, so a tap can mark it read.
 */

export const PUSH_MESSAGE_MAX_BYTES = 3_800;

export const inAppPathSchema = z
  .string()
  .regex(/^\/[^/\\]/, 'must be an in-app path')
  .max(500);

export const pushMessageSchema = z.strictObject({
  notificationId: idSchema,
  type: notificationTypeSchema,
  title: z.string().min(1).max(200),
  body: z.string().max(1000),
  path: inAppPathSchema,
  /** Collapses repeats: one notification per tag stays on screen (also the push `Topic`, see server/push/). */
  tag: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/),
  /** The recipient's unread inbox count once this item is in (the service worker's app badge). */
  unread: z.number().int().min(0).optional(),
});
export type PushMessage = z.infer<typeof pushMessageSchema>;

/** UTF-8 size of a string (shared/ has no TextEncoder type); a lone surrogate counts as U+FFFD (3 bytes). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** Drops whole code points from the end until the text's UTF-8 size is at most `bytes`, marking the cut. */
function cutToBytes(text: string, bytes: number): string {
  if (utf8Length(text) <= bytes) return text;
  const points = Array.from(text);
  while (points.length > 0 && utf8Length(`${points.join('')}…`) > bytes) points.pop();
  return `${points.join('')}…`;
}

/** The message, serialised, shortened to fit `PUSH_MESSAGE_MAX_BYTES`. */
export function encodePushMessage(message: PushMessage): string {
  const parsed = pushMessageSchema.parse(message);
  const fixed = utf8Length(JSON.stringify({ ...parsed, title: '', body: '' }));
  // JSON escaping can only grow a text: budget with the escaped form, halving again until it fits.
  let room = PUSH_MESSAGE_MAX_BYTES - fixed;
  for (;;) {
    const body = cutToBytes(parsed.body, Math.max(0, Math.floor(room * 0.75)));
    const title = cutToBytes(parsed.title, Math.max(1, room - utf8Length(body)));
    const encoded = JSON.stringify({ ...parsed, title, body });
    if (utf8Length(encoded) <= PUSH_MESSAGE_MAX_BYTES) return encoded;
    room = Math.floor(room / 2);
  }
}

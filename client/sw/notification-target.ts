import { NOTIFICATION_PATH_PREFIXES } from './deep-links.ts';

/**
 * Where a notification click may take the user: a push payload's `url` must be an in-app route — same origin
 * and under one of the features' deep links (deep-links.ts) — else the app opens `/`.
 *
 * Pure (no DOM, no worker globals) so the service worker and unit tests share it. The payload comes from the
 * network, so nothing about it is trusted: a foreign origin, `javascript:`, protocol-relative `//host`, a
 * backslash trick or an API path all collapse to `/`.
 */

export const FALLBACK_PATH = '/';

export function notificationTargetPath(rawUrl: unknown, origin: string): string {
  if (typeof rawUrl !== 'string' || rawUrl.trim() === '' || rawUrl.includes('\\')) return FALLBACK_PATH;
  let url: URL;
  try {
    url = new URL(rawUrl, origin);
  } catch {
    return FALLBACK_PATH;
  }
  if (url.origin !== new URL(origin).origin) return FALLBACK_PATH;
  const allowed = NOTIFICATION_PATH_PREFIXES.some(
    (prefix) => url.pathname === prefix || url.pathname.startsWith(`${prefix}/`),
  );
  return allowed ? `${url.pathname}${url.search}${url.hash}` : FALLBACK_PATH;
}

/** The fields the service worker reads from a push payload; anything missing gets a sensible default. */
export interface PushPayload {
  readonly title: string;
  readonly body: string;
  /** The in-app path to open (`path` in the payload; `url`, its older name, is still read). */
  readonly url: string;
  readonly tag: string | undefined;
  /** The recipient's unread count when the sender knows it (the app badge shows it), else undefined. */
  readonly unread: number | undefined;
  /** The inbox item the push is about (a tap marks it read), when the payload names one. */
  readonly notificationId: string | undefined;
}

/**
 * Parses a push message's JSON text. A payload that is not JSON still shows something (its text as the body)
 * rather than a silent push, which Chrome would answer with a generic "site updated in the background" notice.
 */
export function parsePushPayload(text: string | null, defaults: { title: string }): PushPayload {
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    return {
      title: defaults.title,
      body: (text ?? '').slice(0, 500),
      url: FALLBACK_PATH,
      tag: undefined,
      unread: undefined,
      notificationId: undefined,
    };
  }
  const record = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const str = (key: string, max: number) => {
    const v = record[key];
    return typeof v === 'string' && v.trim() !== '' ? v.slice(0, max) : undefined;
  };
  const unread = record.unread;
  return {
    title: str('title', 200) ?? defaults.title,
    body: str('body', 500) ?? '',
    url: str('path', 2000) ?? str('url', 2000) ?? FALLBACK_PATH,
    tag: str('tag', 200),
    unread: typeof unread === 'number' && Number.isInteger(unread) && unread >= 0 ? unread : undefined,
    notificationId: str('notificationId', 64),
  };
}

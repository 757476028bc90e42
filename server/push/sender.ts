import type { Agent } from 'node:https';
import webpush from 'web-push';
import { encodePushMessage, type PushMessage } from '../../shared/domain/notifications/push-message.ts';
import type { VapidKeys } from './vapid.ts';

/**
 * Sends one web push (RFC 8030) with an aes128gcm-encrypted payload (RFC 8291) signed with VAPID (RFC 8292),
 * through `web-push` (it encrypts, signs and POSTs; we decide timing, retries and what an answer means).
 *
 * Invariants:
 * - The payload is `encodePushMessage` (< 4 KB once encrypted); `TTL`, `Urgency` and `Topic` (the message's tag,
 *   so the push service keeps only the newest message of a subject for an offline device) always go with it.
 * - 201/202 (any 2xx) = sent. 404/410 = the subscription is gone: answered `gone` after that one attempt (the
 *   caller deletes it at once). 429 and 5xx are retried up to `retries` times with exponential backoff
 *   (`Retry-After`, when the service sends one, is honoured up to `maxDelayMs`); network errors and timeouts too.
 *   Anything else (400, 401, 403, 413…) is `failed` without a retry: sending the same request again cannot help.
 * - Dependencies are injected: `post` (web-push's sendNotification by default), `sleep`, and the HTTPS `agent`
 *   (tests trust a self-signed stand-in through it; never a global TLS setting).
 */

export interface PushTarget {
  readonly endpoint: string;
  readonly p256dh: string;
  readonly auth: string;
}

export type PushOutcome =
  | { readonly result: 'sent'; readonly attempts: number }
  | { readonly result: 'gone'; readonly attempts: number; readonly status: number }
  | { readonly result: 'failed'; readonly attempts: number; readonly status: number | null };

export interface PushSendOptions {
  readonly ttlSeconds: number;
  readonly urgency: 'very-low' | 'low' | 'normal' | 'high';
}

export interface PushSender {
  send(target: PushTarget, message: PushMessage, options: PushSendOptions): Promise<PushOutcome>;
}

type Post = typeof webpush.sendNotification;

export interface PushSenderDeps {
  readonly vapid: VapidKeys;
  readonly agent?: Agent;
  readonly post?: Post;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Retries after the first attempt, for 429/5xx/network errors. */
  readonly retries?: number;
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  /** Socket timeout of one attempt. */
  readonly timeoutMs?: number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function statusOf(error: unknown): number | null {
  if (typeof error === 'object' && error !== null && 'statusCode' in error) {
    const status = (error as { statusCode: unknown }).statusCode;
    return typeof status === 'number' ? status : null;
  }
  return null;
}

function retryAfterMs(error: unknown): number | null {
  if (typeof error !== 'object' || error === null || !('headers' in error)) return null;
  const headers = (error as { headers: unknown }).headers;
  if (typeof headers !== 'object' || headers === null) return null;
  const value = (headers as Record<string, unknown>)['retry-after'];
  const seconds = typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : null;
}

export function createPushSender(deps: PushSenderDeps): PushSender {
  const post = deps.post ?? webpush.sendNotification.bind(webpush);
  const sleep = deps.sleep ?? defaultSleep;
  const retries = deps.retries ?? 3;
  const base = deps.baseDelayMs ?? 500;
  const max = deps.maxDelayMs ?? 30_000;
  const vapidDetails = {
    subject: deps.vapid.subject,
    publicKey: deps.vapid.publicKey,
    privateKey: deps.vapid.privateKey,
  };

  return {
    async send(target, message, options) {
      const payload = encodePushMessage(message);
      const subscription = { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } };
      for (let attempt = 1; ; attempt++) {
        let status: number | null;
        let error: unknown;
        try {
          await post(subscription, payload, {
            vapidDetails,
            TTL: options.ttlSeconds,
            urgency: options.urgency,
            topic: message.tag,
            timeout: deps.timeoutMs ?? 10_000,
            contentEncoding: 'aes128gcm',
            ...(deps.agent ? { agent: deps.agent } : {}),
          });
          return { result: 'sent', attempts: attempt };
        } catch (caught) {
          error = caught;
          status = statusOf(caught);
        }
        if (status === 404 || status === 410) return { result: 'gone', attempts: attempt, status };
        const transient = status === null || status === 429 || status >= 500;
        if (!transient || attempt > retries) return { result: 'failed', attempts: attempt, status };
        const backoff = Math.min(max, base * 2 ** (attempt - 1));
        await sleep(Math.min(max, Math.max(backoff, retryAfterMs(error) ?? 0)));
      }
    },
  };
}

/** How urgent and how long-lived a push of each kind is. */
export function pushOptionsFor(type: PushMessage['type']): PushSendOptions {
  switch (type) {
    case 'meeting_reminder':
      return { ttlSeconds: 60 * 60, urgency: 'high' };
    case 'sla_breach':
      return { ttlSeconds: 4 * 60 * 60, urgency: 'high' };
    case 'chat_reply':
    case 'chat_message':
      // A conversation: read now or never (a reply an hour later is old news; the chat screen has it anyway).
      return { ttlSeconds: 60 * 60, urgency: 'high' };
    case 'ticket_answered':
    case 'ticket_created':
    case 'meeting_request':
    case 'invoice_due':
    case 'customer_critical':
      return { ttlSeconds: 24 * 60 * 60, urgency: 'normal' };
    default:
      return { ttlSeconds: 24 * 60 * 60, urgency: 'low' };
  }
}

import { createECDH, randomBytes } from 'node:crypto';
import webpush from 'web-push';
import { describe, expect, it } from 'vitest';
import type { PushMessage } from '../../shared/domain/notifications/push-message.ts';
import { createPushSender } from './sender.ts';

const keys = webpush.generateVAPIDKeys();
const vapid = { ...keys, subject: 'mailto:admin@arco.example' };
const ecdh = createECDH('prime256v1');
ecdh.generateKeys();
const target = {
  endpoint: 'https://fcm.googleapis.com/fcm/send/abc',
  p256dh: ecdh.getPublicKey().toString('base64url'),
  auth: randomBytes(16).toString('base64url'),
};
const message: PushMessage = {
  notificationId: '0b8f5f6e-7a53-4d8e-9d3c-2a4f1b7e9c01',
  type: 'ticket_answered',
  title: 'Seu ticket #2847 foi respondido',
  body: 'Maria Santos: pronto.',
  path: '/inicio/tickets/x',
  tag: 'ticket-abc',
};
const OPTIONS = { ttlSeconds: 3600, urgency: 'normal' } as const;

/** A push service answering with the given statuses in turn, recording each request's options. */
function service(statuses: readonly (number | 'network')[], headers: Record<string, string> = {}) {
  const calls: Array<{ payload: string; options: Record<string, unknown> }> = [];
  const waits: number[] = [];
  let i = 0;
  const post = (async (_sub: unknown, payload: unknown, options: unknown) => {
    calls.push({ payload: String(payload), options: options as Record<string, unknown> });
    const status = statuses[Math.min(i++, statuses.length - 1)]!;
    if (status === 'network') throw new Error('socket hang up');
    if (status >= 300) throw new webpush.WebPushError('push failed', status, headers, '', target.endpoint);
    return { statusCode: status, body: '', headers: {} };
  }) as unknown as typeof webpush.sendNotification;
  const sender = createPushSender({
    vapid,
    post,
    sleep: async (ms) => void waits.push(ms),
    retries: 3,
    baseDelayMs: 100,
    maxDelayMs: 5_000,
  });
  return { sender, calls, waits };
}

describe('createPushSender', () => {
  it('sends once with TTL, urgency, topic, timeout and the encoded message', async () => {
    const { sender, calls } = service([201]);
    expect(await sender.send(target, message, OPTIONS)).toEqual({ result: 'sent', attempts: 1 });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.options).toMatchObject({
      TTL: 3600,
      urgency: 'normal',
      topic: 'ticket-abc',
      timeout: 10_000,
    });
    expect(JSON.parse(calls[0]!.payload)).toEqual(message);
  });

  it.each([404, 410])('answers gone after one attempt on %i', async (status) => {
    const { sender, calls, waits } = service([status]);
    expect(await sender.send(target, message, OPTIONS)).toEqual({ result: 'gone', attempts: 1, status });
    expect(calls).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('retries 429 and 5xx with exponential backoff, then succeeds', async () => {
    const { sender, calls, waits } = service([503, 429, 500, 201]);
    expect(await sender.send(target, message, OPTIONS)).toEqual({ result: 'sent', attempts: 4 });
    expect(calls).toHaveLength(4);
    expect(waits).toEqual([100, 200, 400]);
  });

  it('honours Retry-After within the cap', async () => {
    const { sender, waits } = service([429, 201], { 'retry-after': '2' });
    await sender.send(target, message, OPTIONS);
    expect(waits).toEqual([2000]);
  });

  it('gives up after the retries', async () => {
    const { sender, calls } = service(['network']);
    expect(await sender.send(target, message, OPTIONS)).toEqual({
      result: 'failed',
      attempts: 4,
      status: null,
    });
    expect(calls).toHaveLength(4);
  });

  it.each([400, 401, 403, 413])('does not retry %i', async (status) => {
    const { sender, calls } = service([status]);
    expect(await sender.send(target, message, OPTIONS)).toEqual({ result: 'failed', attempts: 1, status });
    expect(calls).toHaveLength(1);
  });
});

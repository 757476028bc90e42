import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api-errors.ts';
import { createFakeGateway, type FakeDelivery } from './fake-gateway.ts';
import { SIGNATURE_HEADER } from './signature.ts';

const NOW = new Date('2026-02-20T15:00:00.000Z');
const SECRET = 'f'.repeat(40);
const REFERENCE = '0190a8e4-0000-7000-8000-0000000000e1';

function setup(statuses: (number | Error)[]) {
  const tasks: { run: () => void; ms: number }[] = [];
  const deliveries: FakeDelivery[] = [];
  const gaveUp: unknown[] = [];
  let n = 0;
  const gateway = createFakeGateway({
    secret: SECRET,
    clock: () => NOW,
    newId: () => `id${++n}`,
    schedule: (run, ms) => void tasks.push({ run, ms }),
    settleAfterMs: 100,
    maxAttempts: 3,
    deliver: async (d) => {
      deliveries.push(d);
      const next = statuses.shift() ?? 200;
      if (next instanceof Error) throw next;
      return next;
    },
    onGiveUp: (_event, last) => void gaveUp.push(last),
  });
  const runNext = async () => {
    tasks.shift()!.run();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { gateway, tasks, deliveries, gaveUp, runNext };
}

const header = (d: FakeDelivery) => (name: string) => d.headers[name];

describe('fake gateway', () => {
  it('settles a charge with one signed charge.paid event its own verifier accepts', async () => {
    const { gateway, tasks, deliveries, runNext } = setup([200]);
    const charge = await gateway.createCharge({
      reference: REFERENCE,
      invoiceNumber: 'INV-1',
      description: 'x',
      amountCents: 450_000,
    });
    expect(charge).toEqual({ gatewayChargeId: 'fake_ch_id1', checkoutUrl: null });
    expect(tasks.map((t) => t.ms)).toEqual([100]);
    await runNext();
    expect(deliveries).toHaveLength(1);
    const event = gateway.verifyWebhook({ rawBody: deliveries[0]!.rawBody, header: header(deliveries[0]!) });
    expect(event).toEqual({
      eventId: 'fake_evt_id2',
      type: 'charge.paid',
      reference: REFERENCE,
      gatewayChargeId: 'fake_ch_id1',
      amountCents: 450_000,
      method: 'pix',
      occurredAt: NOW.toISOString(),
    });
    expect(tasks).toEqual([]);
  });

  it('retries a refused or failed delivery with the same event id, then gives up', async () => {
    const { gateway, tasks, deliveries, gaveUp, runNext } = setup([404, new Error('down'), 503]);
    await gateway.createCharge({
      reference: REFERENCE,
      invoiceNumber: 'INV-1',
      description: 'x',
      amountCents: 1,
    });
    await runNext();
    expect(tasks.map((t) => t.ms)).toEqual([100]); // backoff: settleAfterMs × attempt
    await runNext();
    expect(tasks.map((t) => t.ms)).toEqual([200]);
    await runNext();
    expect(tasks).toEqual([]);
    expect(gaveUp).toEqual([503]);
    const ids = deliveries.map((d) => JSON.parse(d.rawBody).eventId);
    expect(new Set(ids).size).toBe(1);
  });

  it('refuses a bad signature as 401 and a signed non-event as 422', () => {
    const { gateway } = setup([]);
    const d = gateway.signedDelivery({
      eventId: 'e',
      type: 'charge.paid',
      reference: REFERENCE,
      gatewayChargeId: 'c',
      amountCents: 1,
      method: 'pix',
      occurredAt: NOW.toISOString(),
    });
    const verify = (rawBody: string, h: Record<string, string>) => {
      try {
        gateway.verifyWebhook({ rawBody, header: (name) => h[name] });
        return 'accepted';
      } catch (e) {
        return e instanceof ApiError ? `${e.status} ${e.code}` : 'other';
      }
    };
    expect(verify(d.rawBody, d.headers)).toBe('accepted');
    expect(verify(d.rawBody.replace('"amountCents":1', '"amountCents":2'), d.headers)).toBe(
      '401 unauthorized',
    );
    expect(verify(d.rawBody, { [SIGNATURE_HEADER]: '' })).toBe('401 unauthorized');
    const notEvent = '{"type":"charge.paid","amountCents":"many"}';
    const signed = gateway.signedDelivery(JSON.parse(d.rawBody));
    expect(verify(notEvent, signed.headers)).toBe('401 unauthorized'); // signature covers the old body
  });
});

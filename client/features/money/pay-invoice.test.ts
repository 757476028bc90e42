import { describe, expect, it } from 'vitest';
import { payInvoice } from './pay-invoice.ts';

const INVOICE = '0190a8e4-0000-7000-8000-0000000000f1';
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('payInvoice', () => {
  it('posts the invoice id as JSON to /api/payments/checkout and returns the opened charge', async () => {
    const calls: { url: string; init: RequestInit | undefined }[] = [];
    const charge = {
      id: '0190a8e4-0000-7000-8000-0000000000e1',
      gateway: 'fake',
      invoiceId: INVOICE,
      amountCents: 450_000,
      status: 'pending',
      checkoutUrl: null,
    };
    const result = await payInvoice(
      {
        fetch: (async (url: string, init?: RequestInit) => {
          calls.push({ url, init });
          return json(201, { charge });
        }) as typeof fetch,
      },
      INVOICE,
    );
    expect(result).toEqual({ kind: 'started', charge });
    expect(calls).toEqual([
      {
        url: '/api/payments/checkout',
        init: expect.objectContaining({
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ invoiceId: INVOICE }),
        }),
      },
    ]);
  });

  it.each([
    ['the network fails', () => Promise.reject(new TypeError('Failed to fetch')), { kind: 'offline' }],
    [
      'the server refuses (error family)',
      async () => json(409, { error: { code: 'conflict', message: 'already paid' } }),
      { kind: 'refused', code: 'conflict', message: 'already paid' },
    ],
    [
      'an answer that is not ours',
      async () => new Response('<html>', { status: 502 }),
      { kind: 'refused', code: null, message: null },
    ],
    [
      'a 2xx with an unexpected body',
      async () => json(201, { charge: { id: 1 } }),
      { kind: 'refused', code: null, message: null },
    ],
  ])('%s', async (_, respond, expected) => {
    expect(await payInvoice({ fetch: respond as unknown as typeof fetch }, INVOICE)).toEqual(expected);
  });
});

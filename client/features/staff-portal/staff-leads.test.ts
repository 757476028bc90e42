import { describe, expect, it } from 'vitest';
import type { Lead } from '../../../shared/entities/portal.ts';
import { fixture } from '../../../sync/testing/fixtures.ts';
import { loadStaffLeads } from './staff-leads.ts';

const CUSTOMER = '01900000-0000-7000-8000-0000000000c1';
const lead = fixture('leads', '01900000-0000-7000-8000-0000000001a1', { customerId: CUSTOMER }) as Lead;

const answer =
  (status: number, body: unknown, seen: string[] = []): typeof fetch =>
  async (input) => {
    seen.push(String(input));
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };

describe('loadStaffLeads', () => {
  it("reads the customer's leads from the staff endpoint", async () => {
    const seen: string[] = [];
    const result = await loadStaffLeads({
      fetch: answer(200, { customerId: CUSTOMER, leads: [lead] }, seen),
      customerId: CUSTOMER,
    });
    expect(result).toEqual({ kind: 'ok', data: [lead] });
    expect(seen).toEqual([`/api/staff-portal/customers/${CUSTOMER}/leads`]);
  });

  it.each<[string, typeof fetch, string]>([
    [
      'the request never reaches the server',
      (async () => {
        throw new TypeError('Failed to fetch');
      }) as unknown as typeof fetch,
      'offline',
    ],
    [
      'the customer is not visible (404)',
      answer(404, { error: { code: 'not_found', message: 'x' } }),
      'not_found',
    ],
    ['the server fails (503)', answer(503, { error: { code: 'unavailable', message: 'x' } }), 'failed'],
    ['the body is not leads', answer(200, { customerId: CUSTOMER, leads: [{ id: 1 }] }), 'failed'],
    [
      "the answer is another customer's",
      answer(200, { customerId: '01900000-0000-7000-8000-0000000000c2', leads: [] }),
      'failed',
    ],
  ])('%s → %s', async (_, fetchFn, kind) => {
    expect((await loadStaffLeads({ fetch: fetchFn, customerId: CUSTOMER })).kind).toBe(kind);
  });
});

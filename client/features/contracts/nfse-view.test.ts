import { describe, expect, it } from 'vitest';
import type { NfseIssuance } from '../../../shared/nfse.ts';
import type { NfseAnswer } from './nfse-api.ts';
import { nfseCellView } from './nfse-view.ts';

const paid = { status: 'paid', nfeUrl: null, nfeNumber: null } as const;
const issuance = (over: Partial<NfseIssuance>): NfseAnswer => ({
  kind: 'ok',
  issuance: {
    status: 'processing',
    number: null,
    url: null,
    errors: null,
    updatedAt: '2026-03-10T12:00:00.000Z',
    ...over,
  },
});
const idle = (answer: NfseAnswer | null) => ({ answer, busy: false });

describe('nfseCellView', () => {
  it('offers the nota on the synced invoice, online or not, whatever the server said', () => {
    const synced = { status: 'paid', nfeUrl: 'https://n.example/1.pdf', nfeNumber: '1001' } as const;
    for (const online of [true, false])
      expect(nfseCellView(synced, online, idle(null))).toEqual({
        kind: 'download',
        url: 'https://n.example/1.pdf',
        number: '1001',
      });
  });

  it.each(['pending', 'overdue', 'cancelled'] as const)('has nothing to issue for a %s invoice', (status) => {
    expect(nfseCellView({ ...paid, status }, true, idle(null))).toEqual({ kind: 'not_paid' });
  });

  it('is disabled offline, and loading until the GET answers', () => {
    expect(nfseCellView(paid, false, idle({ kind: 'ok', issuance: null }))).toEqual({ kind: 'offline' });
    expect(nfseCellView(paid, true, idle(null))).toEqual({ kind: 'loading' });
  });

  it.each<[string, NfseAnswer, boolean, unknown]>([
    ['no issuance yet', { kind: 'ok', issuance: null }, false, { kind: 'issue', busy: false, problem: null }],
    ['sending', { kind: 'ok', issuance: null }, true, { kind: 'issue', busy: true, problem: null }],
    ['processing', issuance({}), false, { kind: 'processing', busy: false }],
    [
      'issued',
      issuance({ status: 'issued', number: '1001', url: 'https://n.example/1.pdf' }),
      false,
      { kind: 'download', url: 'https://n.example/1.pdf', number: '1001' },
    ],
    [
      'refused',
      issuance({ status: 'failed', errors: 'E160: CNPJ do tomador inválido' }),
      false,
      { kind: 'refused', errors: 'E160: CNPJ do tomador inválido', busy: false },
    ],
    [
      'refused, being sent again',
      issuance({ status: 'failed', errors: 'E160: CNPJ do tomador inválido' }),
      true,
      { kind: 'refused', errors: 'E160: CNPJ do tomador inválido', busy: true },
    ],
    ['cancelled', issuance({ status: 'cancelled' }), false, { kind: 'cancelled' }],
    ['no CNPJ (422)', { kind: 'no_cnpj' }, false, { kind: 'issue', busy: false, problem: 'no_cnpj' }],
    [
      'not configured (503)',
      { kind: 'not_configured' },
      false,
      { kind: 'issue', busy: false, problem: 'not_configured' },
    ],
    ['network lost', { kind: 'offline' }, false, { kind: 'issue', busy: false, problem: 'offline' }],
    ['server error', { kind: 'failed' }, false, { kind: 'issue', busy: false, problem: 'failed' }],
  ])('online, %s', (_, answer, busy, expected) => {
    expect(nfseCellView(paid, true, { answer, busy })).toEqual(expected);
  });
});

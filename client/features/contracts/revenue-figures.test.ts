import { expect, it } from 'vitest';
import { revenueFigures } from './revenue-figures.ts';

const contract = (monthlyValueCents: number, startDate = '2024-01-15', endDate = '2027-01-15') => ({
  status: 'active' as const,
  startDate,
  endDate,
  monthlyValueCents,
});
const paid = (amountCents: number) => ({ payments: [{ status: 'approved' as const, amountCents }] });

const SERVER = { mrrCents: 450_000, arrCents: 5_400_000, lifetimeValueCents: 5_850_000 };

it.each([
  [
    'synced: the server figures, whatever the local rule would say',
    [contract(450_000), contract(100_000)],
    false,
    { ...SERVER, provisional: false },
  ],
  [
    'a local contract change pending: the shared rule over local contracts and synced payments, provisional',
    [contract(450_000), contract(100_000)],
    true,
    { mrrCents: 550_000, arrCents: 6_600_000, lifetimeValueCents: 5_850_000, provisional: true },
  ],
  [
    'pending, a renewal that starts later adds nothing today',
    [contract(450_000), contract(450_000, '2027-01-16', '2030-01-15')],
    true,
    { ...SERVER, provisional: true },
  ],
])('%s', (_, contracts, pending, expected) => {
  const figures = revenueFigures(
    { ...SERVER, contracts },
    [paid(5_000_000), paid(850_000)],
    '2026-11-21',
    pending,
  );
  expect(figures).toEqual(expected);
});

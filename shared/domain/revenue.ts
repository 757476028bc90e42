import type { Contract } from '../entities/customer.ts';
import type { Payment } from '../entities/billing.ts';

/**
 * A customer's revenue figures (customers spec §2.2 "Revenue Overview"), derived — never typed in:
 * - MRR: the monthly value of the contracts that are active on `today` (one-time contracts count 0);
 * - ARR: 12 × MRR (the seed's TechCorp: R$ 4.500 MRR → R$ 54.000 ARR);
 * - lifetime value: everything actually collected (approved payments), the seed's "Total Collected".
 * The server stamps these on every accepted customer write; the device may show the same rule provisionally.
 */
export interface CustomerRevenue {
  readonly mrrCents: number;
  readonly arrCents: number;
  readonly lifetimeValueCents: number;
}

export function isContractActiveOn(
  contract: Pick<Contract, 'status' | 'startDate' | 'endDate'>,
  today: string,
) {
  return contract.status === 'active' && contract.startDate <= today && today <= contract.endDate;
}

export function deriveCustomerRevenue(
  contracts: readonly Pick<Contract, 'status' | 'startDate' | 'endDate' | 'monthlyValueCents'>[],
  payments: readonly Pick<Payment, 'status' | 'amountCents'>[],
  today: string,
): CustomerRevenue {
  const mrrCents = contracts
    .filter((c) => isContractActiveOn(c, today))
    .reduce((sum, c) => sum + c.monthlyValueCents, 0);
  const lifetimeValueCents = payments
    .filter((p) => p.status === 'approved')
    .reduce((sum, p) => sum + p.amountCents, 0);
  return { mrrCents, arrCents: mrrCents * 12, lifetimeValueCents };
}

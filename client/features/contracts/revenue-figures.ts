import type { Payment } from '../../../shared/entities/billing.ts';
import type { Contract, Customer } from '../../../shared/entities/customer.ts';
import { deriveCustomerRevenue, type CustomerRevenue } from '../../../shared/domain/revenue.ts';

/**
 * A customer's MRR, ARR and lifetime value as the device shows them (docs/domain.md, revenue): the server
 * derives them on every accepted write (server-owned fields of the customer document) and that is what is
 * shown — except while the device holds a customer change the server has not acknowledged (a contract added,
 * edited or renewed offline): then the same shared rule runs here over the local contracts and the synced
 * payments, and the figures are marked provisional until the server's arrive.
 */
export interface RevenueFigures extends CustomerRevenue {
  readonly provisional: boolean;
}

export function revenueFigures(
  customer: Pick<Customer, 'mrrCents' | 'arrCents' | 'lifetimeValueCents'> & {
    readonly contracts: readonly Pick<Contract, 'status' | 'startDate' | 'endDate' | 'monthlyValueCents'>[];
  },
  invoices: readonly { readonly payments: readonly Pick<Payment, 'status' | 'amountCents'>[] }[],
  today: string,
  pendingLocalChange: boolean,
): RevenueFigures {
  if (!pendingLocalChange) {
    const { mrrCents, arrCents, lifetimeValueCents } = customer;
    return { mrrCents, arrCents, lifetimeValueCents, provisional: false };
  }
  const derived = deriveCustomerRevenue(
    customer.contracts,
    invoices.flatMap((i) => i.payments),
    today,
  );
  return { ...derived, provisional: true };
}

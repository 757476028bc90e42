import { createContext, useContext } from 'react';
import type { Customer } from '../../../shared/entities/customer.ts';
import type { CustomerSummary } from './customer-summary.ts';
import type { Customer360Tab } from './tabs.ts';
import type { CustomerDocuments } from './use-customer-docs.ts';
import type { ShownHealth } from './use-customer-health.ts';

/**
 * What the Customer 360 page has read for its tabs: the customer, its documents, the health shown (server or
 * provisional) and the header's figures. The page provides it around the tab outlet; this feature's own tabs
 * read it with `useCustomer360()`. Tabs of other features get the customer as a prop (tabs.ts) and read their
 * own documents.
 */
export interface Customer360Data {
  readonly customer: Customer;
  readonly docs: CustomerDocuments;
  readonly health: ShownHealth;
  readonly summary: CustomerSummary;
  readonly now: Date;
  readonly timeZone: string;
  /** The tabs that exist (tabs.ts): links to a tab are shown only when it is listed. */
  readonly tabs: readonly Customer360Tab[];
}

export const Customer360Context = createContext<Customer360Data | null>(null);

export function useCustomer360(): Customer360Data {
  const data = useContext(Customer360Context);
  if (data === null) throw new Error('useCustomer360 outside the Customer 360 page');
  return data;
}

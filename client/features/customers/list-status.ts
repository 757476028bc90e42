/**
 * What the customer list's status line says (customers spec §2.1; issue 16, the offline launch at 10,000): how
 * many customers the table lists out of the whole portfolio.
 *
 * While the whole portfolio is still being read the table holds a first screenful (customer-list-page.tsx):
 * the line then gives that screenful out of the device's own count of customers (an index count, no document
 * read), so the total is right from the first rows on. A search or filter typed before the read finished says
 * it is still searching: its result is the whole portfolio's, never the screenful's, and it is counted only
 * once every customer is in.
 */
export type ListStatus =
  | { readonly kind: 'loading' }
  | { readonly kind: 'first'; readonly shown: number; readonly count: number }
  | { readonly kind: 'searching'; readonly count: number }
  | { readonly kind: 'listed'; readonly shown: number; readonly count: number };

export function listStatus(input: {
  /** Every customer has been read (and the list's permission rules are here). */
  readonly loaded: boolean;
  /** Rows the table shows: the filtered screenful while loading, the filtered list once loaded. */
  readonly shown: number;
  /** Customers of the whole list once loaded. */
  readonly total: number;
  /** The device's count of customers while loading (null until it answered). */
  readonly deviceCount: number | null;
  /** A search or filter is active. */
  readonly narrowed: boolean;
}): ListStatus {
  if (input.loaded) return { kind: 'listed', shown: input.shown, count: input.total };
  if (input.deviceCount === null) return { kind: 'loading' };
  if (input.narrowed) return { kind: 'searching', count: input.deviceCount };
  // A screenful is never more than the device holds; a customer that arrived between the two reads is not
  // counted twice.
  return { kind: 'first', shown: Math.min(input.shown, input.deviceCount), count: input.deviceCount };
}

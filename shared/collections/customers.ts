import { deriveCustomerRevenue } from '../domain/revenue.ts';
import { customerSchema } from '../entities/customer.ts';
import { allFields, defineCollection, readOnly, write } from './define.ts';
import { byId, firstTime } from './merge-rules.ts';
import { str } from './values.ts';

/**
 * A client company of the agency, with its contacts and contracts embedded (the Customer 360 header).
 * Only an admin reassigns a customer's CSM; a CSM creating a customer leaves it unassigned or takes it.
 * MRR/ARR and lifetime value are the server's: derived from the contracts active today (organization time
 * zone) and the approved payments (shared/domain/revenue.ts).
 */
export const customers = defineCollection({
  name: 'customers',
  schema: customerSchema,
  scope: 'customer',
  access: {
    admin: write(),
    csm: write({ update: allFields({ except: ['csmId'] }) }),
    client: readOnly,
  },
  serverOwned: { mrrCents: 0, arrCents: 0, lifetimeValueCents: 0 },
  userRefs: ['csmId'],
  // The customer list's first screenful is the first customers by name, read from this index on the device
  // (an index-ordered read stops after a screenful instead of reading 10,000 documents first).
  indexes: [['name']],
  embedded: {
    contacts: { table: 'customer_contacts', parentColumn: 'customer_id' },
    contracts: { table: 'contracts', parentColumn: 'customer_id' },
  },
  invariants: [
    ({ actor, before, after }) =>
      actor.role === 'csm' && before === null && after.csmId !== null && after.csmId !== actor.userId
        ? { reason: 'field_rules', field: 'csmId', message: 'Only an admin assigns another CSM.' }
        : null,
  ],
  serverDerived: [
    {
      input: 'customerRevenue',
      sets: ['mrrCents', 'arrCents', 'lifetimeValueCents'],
      derive: (doc, { collectedCents, today }) =>
        deriveCustomerRevenue(doc.contracts, [{ status: 'approved', amountCents: collectedCents }], today),
    },
  ],
  merge: {
    fields: {
      lastLoginAt: { kind: 'latestInstant' },
      churnedAt: firstTime,
      contacts: {
        kind: 'keyed',
        key: (e) => str(e.id),
        element: { lastContactedAt: { kind: 'latestInstant' }, leftCompanyAt: firstTime },
      },
      contracts: byId,
    },
  },
});

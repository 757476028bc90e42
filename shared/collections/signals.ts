import { signalSchema } from '../entities/csm.ts';
import { defineCollection, none, write } from './define.ts';
import { str } from './values.ts';

/** Lifecycle position of each signal status (SIGNAL_STATUSES); terminal outcomes rank equal. */
export const SIGNAL_STATUS_RANK: Record<string, number> = {
  open: 0,
  acknowledged: 1,
  resolved: 2,
  identified: 0,
  contacted: 1,
  negotiating: 2,
  won: 3,
  lost: 3,
  new: 0,
  dismissed: 1,
  actioned: 1,
};

/** Risk alerts, expansion opportunities and insights: staff only. */
export const signals = defineCollection({
  name: 'signals',
  schema: signalSchema,
  scope: 'customer',
  access: { staff: write(), client: none },
  merge: {
    // Further along the signal's lifecycle wins (open → acknowledged → resolved), with its resolution data.
    groups: [
      {
        fields: ['status', 'resolutionNotes', 'resolvedAt', 'resolvedBy'],
        rank: (g) => SIGNAL_STATUS_RANK[str(g.status)] ?? -1,
      },
    ],
  },
});

import { actionSchema } from '../entities/portal.ts';
import { CLOCK, defineCollection, limited, write } from './define.ts';
import { str } from './values.ts';

/** Lifecycle position of each action status: acting on a card beats leaving it pending. */
export const ACTION_STATUS_RANK: Record<string, number> = { pending: 0, completed: 1, dismissed: 1 };

/** Action cards the agency proposes; the client completes or dismisses them. */
export const actions = defineCollection({
  name: 'actions',
  schema: actionSchema,
  scope: 'customer',
  access: {
    staff: write(),
    client: limited({
      actions: ['read', 'update'],
      update: { ...CLOCK, status: 'set', completedAt: 'set', dismissedAt: 'set' },
    }),
  },
  merge: {
    // Acting on a card (completing or dismissing it) beats leaving it pending; its timestamps travel with it.
    groups: [
      {
        fields: ['status', 'completedAt', 'dismissedAt'],
        rank: (g) => ACTION_STATUS_RANK[str(g.status)] ?? 0,
      },
    ],
  },
});

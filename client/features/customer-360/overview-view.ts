import {
  HEALTH_DIMENSIONS,
  type HealthDimension,
  type HealthBreakdown,
} from '../../../shared/entities/csm.ts';
import type { Activity } from '../../../shared/entities/csm.ts';
import type { Contact } from '../../../shared/entities/customer.ts';

/**
 * What the overview lists, chosen by pure rules (table-tested in overview-view.test.ts): the key contacts, the
 * recent activity and the health breakdown's rows.
 */

const ROLE_ORDER: Record<Contact['role'], number> = {
  decision_maker: 0,
  champion: 1,
  technical: 2,
  billing: 3,
  user: 4,
};

/** Contacts still at the company, the primary first, then by role (decision makers first) and name. */
export function keyContacts(contacts: readonly Contact[], limit = 3): Contact[] {
  return contacts
    .filter((c) => c.leftCompanyAt === null)
    .sort(
      (a, b) =>
        Number(b.isPrimary) - Number(a.isPrimary) ||
        ROLE_ORDER[a.role] - ROLE_ORDER[b.role] ||
        contactName(a).localeCompare(contactName(b), 'pt-BR'),
    )
    .slice(0, limit);
}

export const contactName = (c: Pick<Contact, 'firstName' | 'lastName'>): string =>
  c.lastName ? `${c.firstName} ${c.lastName}` : c.firstName;

/** The primary contact still at the company (null when there is none). */
export const primaryContact = (contacts: readonly Contact[]): Contact | null =>
  contacts.find((c) => c.isPrimary && c.leftCompanyAt === null) ?? null;

/** The latest activities that already happened (scheduled ones are not "recent"), newest first. */
export function recentActivities(activities: readonly Activity[], now: Date, limit = 5): Activity[] {
  const nowIso = now.toISOString();
  return activities
    .filter((a) => a.occurredAt <= nowIso)
    .sort((a, b) => (a.occurredAt < b.occurredAt ? 1 : a.occurredAt > b.occurredAt ? -1 : 0))
    .slice(0, limit);
}

export interface DimensionRow {
  readonly dimension: HealthDimension;
  /** 0–100, null without data. */
  readonly score: number | null;
  /** Points vs a month before; null when the dimension has no trend to show (stable or no baseline). */
  readonly trendPoints: number | null;
}

/** The five dimensions in the spec's order, with their score and trend vs last month. */
export function dimensionRows(breakdown: HealthBreakdown): DimensionRow[] {
  return HEALTH_DIMENSIONS.map((dimension) => {
    const metric = breakdown[dimension];
    return {
      dimension,
      score: metric.score === null ? null : Math.round(metric.score),
      trendPoints: metric.trend === 'stable' || metric.score === null ? null : Math.round(metric.trendValue),
    };
  });
}

/** "+5" / "−3" / "0": a point change with its sign. */
export function signedPoints(value: number, number: (v: number) => string): string {
  if (value > 0) return `+${number(value)}`;
  if (value < 0) return `−${number(-value)}`;
  return number(0);
}

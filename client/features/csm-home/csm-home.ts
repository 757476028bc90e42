import type { Health, HealthStatus } from '../../../shared/entities/csm.ts';
import type { Customer } from '../../../shared/entities/customer.ts';
import { portfolioKpis } from '../../../shared/domain/csm/portfolio-kpis.ts';

/**
 * The CSM's home (issue 10 item 12) as pure functions over the device's documents: the signed-in CSM's
 * customers that need attention now (their `health` document says at risk or critical — the server's
 * status, which already applies the organization's thresholds) and their renewals in the next 90 days (the
 * shared `portfolioKpis` renewal rule, so this list and the admin dashboard count the same customers).
 *
 * Invariants:
 * - only customers whose `csmId` is the user (the portfolio is the assignment, nothing else);
 * - attention order: critical before at risk, then the lower risk score (the riskier, docs/domain.md §2)
 *   first, then the lower health score, then name — a total, stable order;
 * - renewals: churned customers never appear; soonest first (the shared rule's order).
 */

export const RENEWAL_WINDOW_DAYS = 90;

export interface AttentionItem {
  readonly customer: Customer;
  readonly health: Health;
  readonly status: Exclude<HealthStatus, 'healthy'>;
}

export interface RenewalItem {
  readonly customer: Customer;
  readonly renewalDate: string;
  readonly daysLeft: number;
  /** The customer's MRR as the list and the 360 show it (`mrrCents`, derived by the server from contracts). */
  readonly mrrCents: number;
}

export interface CsmHome {
  readonly customers: number;
  readonly mrrCents: number;
  readonly attention: readonly AttentionItem[];
  readonly critical: number;
  readonly renewals: readonly RenewalItem[];
  readonly renewalMrrCents: number;
}

const collator = new Intl.Collator('pt-BR', { sensitivity: 'base', numeric: true });
const SEVERITY: Readonly<Record<AttentionItem['status'], number>> = { critical: 0, at_risk: 1 };

export function csmHome(
  csmId: string,
  customers: readonly Customer[],
  health: readonly Health[],
  now: Date,
  timeZone: string,
): CsmHome {
  const mine = customers.filter((c) => c.csmId === csmId && c.status !== 'churned');
  const healthOf = new Map(health.map((h) => [h.customerId, h]));

  const attention: AttentionItem[] = [];
  for (const customer of mine) {
    const h = healthOf.get(customer.id);
    if (h && h.status !== 'healthy') attention.push({ customer, health: h, status: h.status });
  }
  attention.sort(
    (a, b) =>
      SEVERITY[a.status] - SEVERITY[b.status] ||
      a.health.riskScore - b.health.riskScore ||
      a.health.score - b.health.score ||
      collator.compare(a.customer.name, b.customer.name) ||
      (a.customer.id < b.customer.id ? -1 : 1),
  );

  const kpis = portfolioKpis({ customers: mine, health: [] }, now, timeZone, {
    renewalWindowDays: RENEWAL_WINDOW_DAYS,
  });
  const byId = new Map(mine.map((c) => [c.id, c]));
  const renewals = kpis.renewals.upcoming.flatMap((u) => {
    const customer = byId.get(u.customerId);
    return customer
      ? [{ customer, renewalDate: u.renewalDate, daysLeft: u.daysLeft, mrrCents: customer.mrrCents }]
      : [];
  });

  return {
    customers: mine.length,
    mrrCents: mine.reduce((s, c) => s + c.mrrCents, 0),
    attention,
    critical: attention.filter((a) => a.status === 'critical').length,
    renewals,
    renewalMrrCents: renewals.reduce((s, r) => s + r.mrrCents, 0),
  };
}

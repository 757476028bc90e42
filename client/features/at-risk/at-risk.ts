import {
  summarizeDaysToAction,
  type DaysToActionSummary,
} from '../../../shared/domain/csm/alert-lifecycle.ts';
import { recommend } from '../../../shared/domain/csm/recommendations.ts';
import type { Activity, Health, RiskFactor, Signal } from '../../../shared/entities/csm.ts';
import type { Customer } from '../../../shared/entities/customer.ts';
import type { DomainText } from '../../../shared/entities/domain-text.ts';

/**
 * The at-risk page's model (customers spec §2.4), pure: every customer whose health says warning or critical —
 * critical ones in the same list, not behind a banner — sorted by risk score (riskiest first), with its current
 * risk alert (the newest not yet closed, else the newest), the recommendation and the summary figures. Numbers
 * come from the shared rules over synced documents (risk from the server's `health`, days to action from
 * alert-lifecycle.ts), never typed in here.
 */

export type RiskLevel = Exclude<Health['riskLevel'], 'none'>;

export interface AtRiskRow {
  readonly customer: Customer;
  readonly health: Health;
  readonly level: RiskLevel;
  /** The customer's current risk alert, if one exists. */
  readonly alert: Signal | null;
  /** The alert's recommendation, else the shared template for the health's factors (a domain-text code). */
  readonly recommendation: DomainText;
}

const CLOSED: ReadonlySet<Signal['status']> = new Set(['resolved', 'dismissed']);

/** The alert a card acts on: the newest open one, else the newest (so a resolved alert still shows its state). */
export function currentAlert(alerts: readonly Signal[]): Signal | null {
  const risk = alerts.filter((s) => s.kind === 'risk_alert');
  const newest = (list: readonly Signal[]) =>
    [...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))[0] ?? null;
  return newest(risk.filter((s) => !CLOSED.has(s.status))) ?? newest(risk);
}

export function atRiskRows(
  customers: readonly Customer[],
  health: readonly Health[],
  signals: readonly Signal[],
): AtRiskRow[] {
  const healthOf = new Map(health.map((h) => [h.customerId, h]));
  const alertsOf = new Map<string, Signal[]>();
  for (const s of signals) alertsOf.set(s.customerId, [...(alertsOf.get(s.customerId) ?? []), s]);
  const rows: AtRiskRow[] = [];
  for (const customer of customers) {
    const h = healthOf.get(customer.id);
    if (!h || h.riskLevel === 'none' || customer.status === 'churned') continue;
    const alert = currentAlert(alertsOf.get(customer.id) ?? []);
    rows.push({
      customer,
      health: h,
      level: h.riskLevel,
      alert,
      recommendation:
        alert?.recommendation ??
        recommend({ riskLevel: h.riskLevel, riskFactors: h.riskFactors }).recommendation,
    });
  }
  // Riskiest first: the lowest risk score (100 + Σ points); ties by MRR (more at stake first), then name.
  return rows.sort(
    (a, b) =>
      a.health.riskScore - b.health.riskScore ||
      b.customer.mrrCents - a.customer.mrrCents ||
      a.customer.name.localeCompare(b.customer.name, 'pt-BR'),
  );
}

/** The risk types present in the rows (the filter's options), in order of how many customers have them. */
export function riskTypes(rows: readonly AtRiskRow[]): string[] {
  const counts = new Map<string, number>();
  for (const r of rows)
    for (const f of r.health.riskFactors) counts.set(f.type, (counts.get(f.type) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([type]) => type);
}

export const ALL_RISKS = 'all';

export function filterRows(rows: readonly AtRiskRow[], riskType: string): AtRiskRow[] {
  if (riskType === ALL_RISKS) return [...rows];
  return rows.filter((r) => r.health.riskFactors.some((f) => f.type === riskType));
}

export interface AtRiskSummary {
  readonly customers: number;
  readonly critical: number;
  readonly warning: number;
  /** Σ MRR of the listed customers (the wireframe's "Total MRR at risk"). */
  readonly mrrAtRiskCents: number;
  readonly daysToAction: DaysToActionSummary;
}

export function summarize(rows: readonly AtRiskRow[], activities: readonly Activity[]): AtRiskSummary {
  const alerts = rows.flatMap((r) => (r.alert ? [r.alert] : []));
  return {
    customers: rows.length,
    critical: rows.filter((r) => r.level === 'critical').length,
    warning: rows.filter((r) => r.level === 'warning').length,
    mrrAtRiskCents: rows.reduce((s, r) => s + r.customer.mrrCents, 0),
    daysToAction: summarizeDaysToAction(alerts, activities),
  };
}

/** The CSV export's records (header first): one line per listed customer, texts rendered by the caller. */
export function csvRecords(
  rows: readonly AtRiskRow[],
  render: {
    readonly header: readonly string[];
    readonly level: (level: RiskLevel) => string;
    readonly plan: (tier: Customer['tier']) => string;
    readonly money: (cents: number) => string;
    readonly csm: (id: string | null) => string;
    readonly status: (alert: Signal | null) => string;
    readonly factor: (f: RiskFactor) => string;
    readonly text: (text: DomainText) => string;
  },
): (string | number)[][] {
  return [
    [...render.header],
    ...rows.map((r) => [
      r.customer.name,
      render.level(r.level),
      r.health.riskScore,
      r.health.score,
      render.money(r.customer.mrrCents),
      render.plan(r.customer.tier),
      render.csm(r.customer.csmId),
      r.health.riskFactors.map((f) => `${render.factor(f)} (${f.impact})`).join('; '),
      render.text(r.recommendation),
      render.status(r.alert),
    ]),
  ];
}

import { z } from 'zod';
import {
  cents,
  idSchema,
  isoDate,
  isoDateTime,
  longText,
  nonNegativeCents,
  shortText,
  syncedFields,
} from './common.ts';
import { domainTextSchema, leafDomainTextSchema } from './domain-text.ts';

/** The five health dimensions (customers spec §1.3), in the seed's order. */
export const HEALTH_DIMENSIONS = ['productUsage', 'engagement', 'support', 'payment', 'growth'] as const;
export const healthDimensionSchema = z.enum(HEALTH_DIMENSIONS);
export type HealthDimension = z.infer<typeof healthDimensionSchema>;
export const healthStatusSchema = z.enum(['healthy', 'at_risk', 'critical']);
export type HealthStatus = z.infer<typeof healthStatusSchema>;

/**
 * One factor of a dimension (seed `HealthFactor`), with the raw input kept so a change can be explained.
 * Its display name comes from `key` and its description is a domain-text code (shared/entities/domain-text.ts):
 * each reader renders both in their own language.
 */
export const healthFactorSchema = z.strictObject({
  key: z.string().min(1).max(60),
  value: z.number().min(0).max(100),
  maxValue: z.literal(100),
  impact: z.enum(['positive', 'negative', 'neutral']),
  description: leafDomainTextSchema,
  raw: z.number().nullable(),
});
export type HealthFactor = z.infer<typeof healthFactorSchema>;

/** One dimension's result (seed `HealthMetric`). `score` is null when the dimension has no data. */
export const healthMetricSchema = z.strictObject({
  score: z.number().min(0).max(100).nullable(),
  /** Configured weight (0–100). */
  weight: z.number().min(0).max(100),
  /** Weight after renormalising over the dimensions that have data. */
  effectiveWeight: z.number().min(0).max(100),
  weightedScore: z.number().min(0).max(100),
  factors: z.array(healthFactorSchema),
  trend: z.enum(['up', 'down', 'stable']),
  trendValue: z.number(),
  /** Points added or removed by configured rules (`HealthRule`). */
  rulePoints: z.number(),
});
export type HealthMetric = z.infer<typeof healthMetricSchema>;

export const healthBreakdownSchema = z.strictObject(
  Object.fromEntries(HEALTH_DIMENSIONS.map((d) => [d, healthMetricSchema])) as Record<
    HealthDimension,
    typeof healthMetricSchema
  >,
);
export type HealthBreakdown = z.infer<typeof healthBreakdownSchema>;

export const riskFactorSchema = z.strictObject({
  type: z.string().min(1).max(60),
  /** What was found, with its numbers (a domain-text code, rendered in the reader's language). */
  description: leafDomainTextSchema,
  /** Negative points, as in the seed's at-risk wireframe (e.g. −30 for no login in 14 days). */
  impact: z.number().int().max(0),
  detectedAt: isoDateTime,
});
export type RiskFactor = z.infer<typeof riskFactorSchema>;

export const suggestedActionSchema = z.strictObject({
  type: z.enum(['call', 'email', 'meeting', 'task', 'discount', 'training']),
  title: leafDomainTextSchema,
  description: leafDomainTextSchema,
  priority: z.enum(['low', 'medium', 'high', 'urgent']),
  estimatedImpact: z.number().min(0).max(100),
});
export type SuggestedAction = z.infer<typeof suggestedActionSchema>;

export const contributingFactorSchema = z.strictObject({
  feature: z.string().max(60),
  label: leafDomainTextSchema,
  /** Contribution to the log-odds (positive raises churn probability). */
  contribution: z.number(),
});

/**
 * One per customer, computed by the server (authoritative) from the shared rules; staff-only.
 * The device may compute a provisional score offline with the same shared code, but never pushes this.
 */
export const healthSchema = z.strictObject({
  ...syncedFields,
  customerId: idSchema,
  score: z.number().int().min(0).max(100),
  status: healthStatusSchema,
  breakdown: healthBreakdownSchema,
  missingDimensions: z.array(healthDimensionSchema),
  /** Score minus the score 30 days before (null without history). */
  trend: z.number().int().nullable(),
  history: z.array(z.strictObject({ date: isoDate, score: z.number().int().min(0).max(100) })).max(400),
  riskScore: z.number().int().min(0).max(100),
  riskLevel: z.enum(['none', 'warning', 'critical']),
  riskFactors: z.array(riskFactorSchema),
  atRiskSince: isoDate.nullable(),
  churnProbability: z.number().min(0).max(100),
  predictedChurnDate: isoDate.nullable(),
  churnFactors: z.array(contributingFactorSchema),
  computedAt: isoDateTime,
});
export type Health = z.infer<typeof healthSchema>;

/**
 * Risk alerts, expansion opportunities and insights, each with its own lifecycle (customers spec §3, §4). A risk
 * alert moves open → acknowledged → in progress → resolved, or is dismissed with a reason; the other kinds keep
 * their own statuses, and `lifecyclePhase` (shared/domain/csm/signals.ts) maps every status onto those five
 * phases, so "days to action" and the lifecycle timestamps mean the same for every kind (docs/domain.md).
 */
export const signalKindSchema = z.enum(['risk_alert', 'expansion', 'insight']);
export const SIGNAL_STATUSES = {
  risk_alert: ['open', 'acknowledged', 'in_progress', 'resolved', 'dismissed'],
  expansion: ['identified', 'contacted', 'negotiating', 'won', 'lost'],
  insight: ['new', 'dismissed', 'actioned'],
} as const;
/** Why a signal was dismissed instead of acted upon (required exactly when its status is `dismissed`). */
export const DISMISS_REASONS = [
  'false_positive',
  'handled_elsewhere',
  'expected_behaviour',
  'customer_lost',
  'other',
] as const;
export const dismissReasonSchema = z.enum(DISMISS_REASONS);
export type DismissReason = z.infer<typeof dismissReasonSchema>;
export const signalStatusSchema = z.enum([
  'open',
  'acknowledged',
  'in_progress',
  'resolved',
  'identified',
  'contacted',
  'negotiating',
  'won',
  'lost',
  'new',
  'dismissed',
  'actioned',
]);
export type SignalStatus = z.infer<typeof signalStatusSchema>;

export const signalSchema = z
  .strictObject({
    ...syncedFields,
    customerId: idSchema,
    kind: signalKindSchema,
    /** For expansion: upsell | cross_sell | expansion; for insight: expansion | risk | advocacy | optimization. */
    subtype: z.string().max(40).nullable(),
    status: signalStatusSchema,
    /** Domain-text codes; a CSM's own words are the `text` code (shared/entities/domain-text.ts). */
    title: leafDomainTextSchema,
    description: domainTextSchema,
    source: z.enum(['ai_detected', 'manual', 'usage_trigger', 'rule']),
    riskScore: z.number().int().min(0).max(100).nullable(),
    riskFactors: z.array(riskFactorSchema),
    recommendation: domainTextSchema.nullable(),
    suggestedActions: z.array(suggestedActionSchema),
    estimatedValueCents: nonNegativeCents.nullable(),
    mrrAtRiskCents: cents.nullable(),
    /** 0–100: probability for opportunities, confidence for insights. */
    probability: z.number().min(0).max(100).nullable(),
    /** Notes on what was done (resolving a risk alert requires them) or on why it was dismissed. */
    resolutionNotes: longText.nullable(),
    /** When the signal reached a closed status (resolved, dismissed, won, lost, actioned); null while open. */
    resolvedAt: isoDateTime.nullable(),
    resolvedBy: idSchema.nullable(),
    createdAt: isoDateTime,
    /**
     * The first time the signal left its open phase — the first action on it, whatever the step ("days to
     * action" = this − createdAt). Kept when it is reopened. Defaults let older documents parse.
     */
    acknowledgedAt: isoDateTime.nullable().default(null),
    /** The first time work on it started (phase `in_progress`); kept when it is reopened. */
    startedAt: isoDateTime.nullable().default(null),
    dismissReason: dismissReasonSchema.nullable().default(null),
  })
  .refine((s) => (SIGNAL_STATUSES[s.kind] as readonly string[]).includes(s.status), {
    message: 'status is not valid for this kind of signal',
    path: ['status'],
  })
  .refine((s) => (s.status === 'dismissed') === (s.dismissReason !== null), {
    message: 'a dismissed signal has a reason, and only a dismissed one',
    path: ['dismissReason'],
  });
export type Signal = z.infer<typeof signalSchema>;

export const activityTypeSchema = z.enum([
  'call',
  'email',
  'meeting',
  'note',
  'support_ticket',
  'nps_response',
  'contract_signed',
  'payment_received',
  'health_change',
  'expansion_identified',
  'task',
]);

/** A CSM timeline entry (customers spec `CustomerActivity`). `metadata` holds type-specific numbers. */
export const activitySchema = z.strictObject({
  ...syncedFields,
  customerId: idSchema,
  type: activityTypeSchema,
  title: shortText,
  description: longText.nullable(),
  performedBy: idSchema.nullable(),
  performedByName: z.string().max(200).nullable(),
  occurredAt: isoDateTime,
  /** e.g. { npsScore: 9 }, { durationMinutes: 30 }, { replied: false }, { executive: true }. */
  metadata: z.record(z.string().max(60), z.union([z.string().max(500), z.number(), z.boolean(), z.null()])),
  /**
   * The alert (signal) this entry was done or planned for: an intervention (a call, e-mail, meeting… logged for
   * it) or a task (docs/domain.md "Alert lifecycle, tasks and playbooks").
   */
  signalId: idSchema.nullable().default(null),
  /**
   * Task fields (type `task` only; null on every other type — the collection's invariant and a SQL CHECK):
   * when it is due, when it was completed (a completed task stays completed), and who should do it.
   * `occurredAt` of a task is when it was planned. Defaults let older documents parse.
   */
  dueAt: isoDateTime.nullable().default(null),
  completedAt: isoDateTime.nullable().default(null),
  assignedTo: idSchema.nullable().default(null),
  /**
   * The support ticket an internal note belongs to (type `note` only; shared/collections/activities.ts). Clients
   * sync `tickets` and visibility is per row, so a note staff must keep from the client lives here, in the
   * staff-only timeline, never in the ticket (docs/architecture.md §4.2). Defaults to null so an app of protocol
   * version 2, which does not know the field, is still served (docs/sync-protocol.md "Versioning").
   */
  ticketId: idSchema.nullable().default(null),
});
export type Activity = z.infer<typeof activitySchema>;
/** The activity fields only a task carries. */
export const TASK_FIELDS = ['dueAt', 'completedAt', 'assignedTo'] as const;

import { z } from 'zod';
import {
  count,
  idSchema,
  isoDate,
  isoDateTime,
  longText,
  monthSchema,
  nonNegativeCents,
  percent,
  shortText,
  syncedFields,
} from './common.ts';

// ---------------------------------------------------------------------------- goals (dashboard §1C)
export const goalTypeSchema = z.enum(['traffic', 'leads', 'revenue', 'conversion_rate', 'custom']);
export const goalSchema = z.strictObject({
  ...syncedFields,
  customerId: idSchema,
  type: goalTypeSchema,
  title: shortText,
  /** `cents` for revenue goals, `percent` for conversion rate, else a plain count. */
  unit: z.enum(['count', 'cents', 'percent']),
  targetValue: z.number().positive().max(1e13),
  currentValue: z.number().min(0).max(1e13),
  period: z.enum(['daily', 'weekly', 'monthly', 'quarterly']),
  startDate: isoDate,
  endDate: isoDate,
  status: z.enum(['active', 'completed', 'failed']),
  /** Daily tracking (`goal_progress` in the seed). */
  progress: z.array(z.strictObject({ date: isoDate, value: z.number().min(0) })).max(400),
});
export type Goal = z.infer<typeof goalSchema>;

// ---------------------------------------------------------------------------- action cards (dashboard §1B)
export const actionSchema = z.strictObject({
  ...syncedFields,
  customerId: idSchema,
  title: shortText,
  description: longText.nullable(),
  type: z.enum(['urgent', 'insight', 'quick_win']),
  priority: z.number().int().min(1).max(10),
  status: z.enum(['pending', 'completed', 'dismissed']),
  estimatedImpact: z.enum(['low', 'medium', 'high']).nullable(),
  estimatedTime: z.string().max(50).nullable(),
  /** In-app route the card's button opens. */
  url: z.string().max(500).nullable(),
  completedAt: isoDateTime.nullable(),
  dismissedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
});
export type Action = z.infer<typeof actionSchema>;

// ---------------------------------------------------------------------------- metrics (dashboard schema §1)
export const dailyMetricSchema = z.strictObject({
  date: isoDate,
  sessions: count,
  pageviews: count,
  bounceRate: percent.nullable(),
  avgSessionSeconds: count.nullable(),
  conversions: count,
  revenueCents: nonNegativeCents,
  adSpendCents: nonNegativeCents,
  leads: count,
  /** Score ARCO of that day (0–100). */
  score: z.number().int().min(0).max(100).nullable(),
});
export type DailyMetric = z.infer<typeof dailyMetricSchema>;

/** One customer-month of daily metrics: a year of history is 12 small documents per customer. */
export const metricsSchema = z.strictObject({
  ...syncedFields,
  customerId: idSchema,
  month: monthSchema,
  days: z.array(dailyMetricSchema).max(31),
});
export type Metrics = z.infer<typeof metricsSchema>;

// ---------------------------------------------------------------------------- campaigns (dashboard §4)
export const abVariantSchema = z.strictObject({
  name: z.string().max(100),
  visitors: count,
  conversions: count,
});
export const abTestSchema = z.strictObject({
  id: idSchema,
  name: shortText,
  element: z.string().max(100),
  variantA: abVariantSchema,
  variantB: abVariantSchema,
  status: z.enum(['running', 'completed', 'paused']),
  startedAt: isoDateTime,
  endedAt: isoDateTime.nullable(),
});
export type AbTest = z.infer<typeof abTestSchema>;

export const campaignDaySchema = z.strictObject({
  date: isoDate,
  impressions: count,
  clicks: count,
  spendCents: nonNegativeCents,
  conversions: count,
  revenueCents: nonNegativeCents,
});
export type CampaignDay = z.infer<typeof campaignDaySchema>;

export const campaignSchema = z.strictObject({
  ...syncedFields,
  customerId: idSchema,
  name: shortText,
  platform: z.enum(['google_ads', 'meta_ads', 'linkedin', 'tiktok', 'email', 'other']),
  type: z.enum(['search', 'display', 'shopping', 'video', 'social', 'retargeting', 'other']),
  budgetCents: nonNegativeCents,
  dailyBudgetCents: nonNegativeCents.nullable(),
  status: z.enum(['active', 'paused', 'completed']),
  startDate: isoDate,
  endDate: isoDate.nullable(),
  externalId: z.string().max(255).nullable(),
  daily: z.array(campaignDaySchema).max(400),
  abTests: z.array(abTestSchema).max(50),
});
export type Campaign = z.infer<typeof campaignSchema>;

// ---------------------------------------------------------------------------- leads (dashboard §3)
export const LEAD_STAGES = ['new', 'qualified', 'negotiation', 'won', 'lost'] as const;
export const leadStageSchema = z.enum(LEAD_STAGES);
export const leadInteractionSchema = z.strictObject({
  id: idSchema,
  type: z.enum(['email', 'call', 'whatsapp', 'meeting', 'note']),
  direction: z.enum(['inbound', 'outbound']).nullable(),
  subject: z.string().max(255).nullable(),
  content: z.string().max(10_000).nullable(),
  durationMinutes: z.number().int().min(0).max(1440).nullable(),
  outcome: z.string().max(100).nullable(),
  nextAction: z.string().max(255).nullable(),
  performedBy: idSchema.nullable(),
  createdAt: isoDateTime,
});
export type LeadInteraction = z.infer<typeof leadInteractionSchema>;

export const leadSchema = z.strictObject({
  ...syncedFields,
  customerId: idSchema,
  name: shortText,
  company: z.string().max(200).nullable(),
  email: z.email().max(320).nullable(),
  phone: z.string().max(40).nullable(),
  stage: leadStageSchema,
  valueCents: nonNegativeCents,
  source: z.string().max(100).nullable(),
  campaignId: idSchema.nullable(),
  /** Inputs of the lead score (dashboard §3B). */
  budgetCents: nonNegativeCents.nullable(),
  timeline: z.enum(['immediate', 'within_1_month', 'within_3_months', 'within_6_months', 'unknown']),
  authority: z.enum(['decision_maker', 'influencer', 'user', 'unknown']),
  position: z.number(),
  interactions: z.array(leadInteractionSchema).max(1000),
  createdAt: isoDateTime,
});
export type Lead = z.infer<typeof leadSchema>;

// ---------------------------------------------------------------------------- content hub (dashboard §6)
export const contentSchema = z.strictObject({
  ...syncedFields,
  kind: z.enum(['article', 'video', 'case_study', 'event']),
  title: shortText,
  slug: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    .max(200),
  excerpt: z.string().max(500),
  body: z.string().max(200_000),
  category: z.string().max(100),
  industry: z.string().max(100).nullable(),
  readingMinutes: z.number().int().min(0).max(600).nullable(),
  difficulty: z.enum(['beginner', 'intermediate', 'advanced']).nullable(),
  publishedAt: isoDateTime,
  startsAt: isoDateTime.nullable(),
  endsAt: isoDateTime.nullable(),
  maxAttendees: count.nullable(),
  attendees: count,
  meetingLink: z.url().max(500).nullable(),
});
export type Content = z.infer<typeof contentSchema>;

// ---------------------------------------------------------------------------- gamification (dashboard § Gamificação)
export const engagementSchema = z.strictObject({
  ...syncedFields,
  userId: idSchema,
  customerId: idSchema,
  /** IANA zone the streak is counted in (default America/Sao_Paulo). */
  timeZone: z.string().min(1).max(64),
  /** Local calendar days with a visit (append-only, merged as a set). */
  visitDays: z.array(z.iso.date()).max(4000),
  reading: z
    .array(
      z.strictObject({
        contentId: idSchema,
        progress: percent,
        completedAt: isoDateTime.nullable(),
      }),
    )
    .max(5000),
  eventRegistrations: z
    .array(
      z.strictObject({
        contentId: idSchema,
        /** `waitlisted`: the event was full when the server took the request (shared/domain/portal/event-seats.ts). */
        status: z.enum(['registered', 'waitlisted', 'attended', 'no_show', 'cancelled']),
        registeredAt: isoDateTime,
        /** Server-owned: place in the event's waiting list (1 = next to get a seat); null when not waiting. */
        waitlistPosition: z.number().int().min(1).max(100_000).nullable().default(null),
      }),
    )
    .max(1000),
  quickWins: z.array(z.strictObject({ actionId: idSchema, completedAt: isoDateTime })).max(5000),
  /** Server-owned: recomputed from the lists above by the shared gamification rules. */
  xp: count,
  badges: z.array(z.strictObject({ id: z.string().max(40), earnedAt: isoDateTime })).max(100),
});
export type Engagement = z.infer<typeof engagementSchema>;
export const ENGAGEMENT_SERVER_OWNED = ['xp', 'badges'] as const;

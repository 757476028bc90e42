import { RISK_POINTS, type RiskFactorType } from '../../shared/domain/csm/risk.ts';
import { createRng, deriveSeed, type Rng } from './random.ts';

/**
 * The shape of the Arco Digital portfolio before any document exists: who each customer is (one of the seed's
 * six named customers or a generated one), its profile, tier, MRR, target health score and the risk factors its
 * raw data must exhibit.
 *
 * The default 90 customers reproduce the customers spec's list (§2.1) and at-risk page (§2.4) exactly:
 * 89 active customers with MRR R$ 127.450, 67 healthy (75 %), 12 flagged at risk (13 %) whose MRR is
 * R$ 18.400, plus one churned customer. Beyond 90 (benchmarks) each customer draws its profile with the same
 * proportions from its own stream, so customer #n is the same whatever the portfolio size.
 */

export type Tier = 'starter' | 'pro' | 'enterprise';
export type Profile = 'healthy' | 'flagged' | 'moderate' | 'onboarding' | 'churned';
export type CsmKey = 'maria' | 'joao' | 'pedro';
export type NamedKey = 'techcorp' | 'fintech' | 'agencia' | 'startup' | 'ecommerce' | 'consultoria';

/**
 * Risk factors come from the shared rule (`shared/domain/csm/risk.ts`, the seed's §2.4 factors and points). The
 * raw data that makes each one fire — the contract `risk-input.ts` reads back and the tests check:
 * - no_login: `customer.lastLoginAt` 14 or more days before now.
 * - usage_drop: `metrics` sessions of the last 30 local days < 50 % of the 30 days before (StartupXYZ: −65 %).
 * - unanswered_emails: the last 3 outbound `email` activities have `metadata.replied === false`.
 * - stale_ticket: a ticket still open/in_progress/waiting_client created more than 7 days ago.
 * - low_capacity_usage: `activeUsers / totalSeats` < 50 %.
 * - no_executive_engagement: no activity with `metadata.executive === true` in the last 30 days.
 * - renewal_soon: `customer.renewalDate` within the next 60 days.
 * - ticket_surge: 5 or more tickets created in the last 30 days.
 * - nps_drop: the latest `nps_response` activity's `metadata.npsScore` is ≥ 2 below the previous one.
 * - main_contact_left: the primary contact has `leftCompanyAt` set and no other primary contact remains.
 */
export type RiskKey = RiskFactorType;

export const riskScoreOf = (risks: readonly RiskKey[]) =>
  Math.max(0, 100 + risks.reduce((sum, r) => sum + RISK_POINTS[r], 0));

export interface CustomerPlan {
  /** Position in its organization (0-based); named customers come first. */
  index: number;
  named: NamedKey | null;
  profile: Profile;
  tier: Tier;
  /** Current MRR; for a churned customer, the MRR it had before leaving. Multiple of R$ 50. */
  mrrCents: number;
  healthScore: number;
  risks: RiskKey[];
  csm: CsmKey | null;
}

export interface NamedFacts {
  key: NamedKey;
  name: string;
  domain: string;
  industry: string;
  city: string;
  uf: string;
  size: string;
  tier: Tier;
  mrrCents: number;
  activeUsers: number;
  totalSeats: number;
  csm: CsmKey | null;
  /** Customer since: the `sinceDay` of the month `sinceMonthsAgo` months before now's month. */
  sinceMonthsAgo: number;
  sinceDay: number;
  profile: Profile;
  healthScore: number;
  risks: RiskKey[];
  /** The health score the spec shows; the shared rule computes it from the raw data tuned to it (health.ts). */
  healthTrend: number;
  /** Days since the customer became at risk (the at-risk page's "days to action"); 0 when not at risk. */
  atRiskDays: number;
}

/**
 * The seed's six customers (customers spec §2.1–2.4). Dates are relative to `now` and land exactly on the seed's
 * calendar when now is `SEED_REFERENCE_NOW` (2 Feb 2026: TechCorp since 16 Dec 2024, renewal 15 Jan 2027 = 347 days).
 * E-commerce Shop's CSM in the seed is "Pedro": the demo has a CSM user Pedro Costa for it.
 */
export const NAMED_CUSTOMERS: readonly NamedFacts[] = [
  {
    key: 'techcorp',
    name: 'TechCorp LTDA',
    domain: 'techcorp.com.br',
    industry: 'SaaS',
    city: 'São Paulo',
    uf: 'SP',
    size: '201-500',
    tier: 'enterprise',
    mrrCents: 450_000,
    activeUsers: 85,
    totalSeats: 100,
    csm: 'maria',
    // Counted from TechCorp's billing frame (customer-doc.ts `techCorpFrame`): 16 Dec 2024 at the seed's date,
    // 13 full months as a customer and 13 monthly invoices paid (the spec's "cliente há 13 meses", R$ 58.500).
    sinceMonthsAgo: 14,
    sinceDay: 16,
    profile: 'healthy',
    healthScore: 92,
    risks: [],
    healthTrend: 5,
    atRiskDays: 0,
  },
  {
    key: 'fintech',
    name: 'Fintech ABC',
    domain: 'fintechabc.com.br',
    industry: 'Fintech',
    city: 'Rio de Janeiro',
    uf: 'RJ',
    size: '51-200',
    tier: 'pro',
    mrrCents: 320_000,
    activeUsers: 42,
    totalSeats: 50,
    csm: 'joao',
    sinceMonthsAgo: 20,
    sinceDay: 3,
    profile: 'healthy',
    healthScore: 87,
    risks: [],
    healthTrend: 0,
    atRiskDays: 0,
  },
  {
    key: 'agencia',
    name: 'AgênciaDigital',
    domain: 'agenciadigital.com.br',
    industry: 'Marketing',
    city: 'Belo Horizonte',
    uf: 'MG',
    size: '51-200',
    tier: 'pro',
    mrrCents: 210_000,
    activeUsers: 28,
    totalSeats: 60,
    csm: 'maria',
    sinceMonthsAgo: 10,
    sinceDay: 1,
    profile: 'flagged',
    healthScore: 68,
    risks: ['low_capacity_usage', 'no_executive_engagement', 'renewal_soon'],
    healthTrend: -6,
    atRiskDays: 3,
  },
  {
    key: 'startup',
    name: 'StartupXYZ',
    domain: 'startupxyz.com.br',
    industry: 'Tecnologia',
    city: 'Florianópolis',
    uf: 'SC',
    size: '11-50',
    tier: 'starter',
    mrrCents: 150_000,
    // Half the seats in use: the lowest usage that is not yet the "idle capacity" risk factor (< 50 %).
    activeUsers: 15,
    totalSeats: 30,
    csm: null,
    sinceMonthsAgo: 9,
    sinceDay: 12,
    profile: 'flagged',
    healthScore: 42,
    risks: ['no_login', 'usage_drop', 'unanswered_emails', 'stale_ticket'],
    healthTrend: -18,
    atRiskDays: 7,
  },
  {
    key: 'ecommerce',
    name: 'E-commerce Shop',
    domain: 'ecommerceshop.com.br',
    industry: 'E-commerce',
    city: 'Curitiba',
    uf: 'PR',
    size: '51-200',
    tier: 'pro',
    mrrCents: 280_000,
    activeUsers: 35,
    totalSeats: 40,
    csm: 'pedro',
    sinceMonthsAgo: 16,
    sinceDay: 20,
    profile: 'healthy',
    healthScore: 85,
    risks: [],
    healthTrend: 4,
    atRiskDays: 0,
  },
  {
    key: 'consultoria',
    name: 'ConsultoriaDEF',
    domain: 'consultoriadef.com.br',
    industry: 'Consultoria',
    city: 'Porto Alegre',
    uf: 'RS',
    size: '11-50',
    tier: 'pro',
    mrrCents: 180_000,
    activeUsers: 22,
    totalSeats: 30,
    csm: 'joao',
    sinceMonthsAgo: 14,
    sinceDay: 8,
    profile: 'flagged',
    healthScore: 71,
    risks: ['ticket_surge', 'nps_drop', 'main_contact_left'],
    healthTrend: -9,
    atRiskDays: 1,
  },
];

export const namedFacts = (key: NamedKey): NamedFacts => {
  const f = NAMED_CUSTOMERS.find((n) => n.key === key);
  if (!f) throw new Error(`unknown named customer ${key}`);
  return f;
};

/** The seed's portfolio targets (customers spec §2.1, §2.4). */
export const PORTFOLIO_TARGETS = {
  customers: 90,
  activeMrrCents: 12_745_000,
  healthy: 67,
  flagged: 12,
  mrrAtRiskCents: 1_840_000,
} as const;

/** MRRs of the nine generated at-risk customers: with the three named ones they put R$ 18.400 at risk. */
const FLAGGED_GENERIC_MRR = [220_000, 190_000, 170_000, 150_000, 140_000, 120_000, 110_000, 100_000, 100_000];
/** Generated customers of the curated 90 by profile (with the six named: 67 healthy, 12 flagged, 89 active). */
const CURATED_GENERIC = {
  healthy: 64,
  moderate: 6,
  onboarding: 4,
  flaggedCritical: 3,
  flaggedWarning: 6,
  churned: 1,
};

export const TIER_BOUNDS: Readonly<Record<Tier, readonly [number, number]>> = {
  starter: [50_000, 150_000],
  pro: [155_000, 350_000],
  enterprise: [360_000, 800_000],
};

export const tierOf = (mrrCents: number): Tier =>
  mrrCents <= TIER_BOUNDS.starter[1] ? 'starter' : mrrCents <= TIER_BOUNDS.pro[1] ? 'pro' : 'enterprise';

const STEP = 5_000; // MRRs are multiples of R$ 50

function drawMrr(rng: Rng): number {
  const tier = rng.weighted<Tier>([
    ['starter', 58],
    ['pro', 37],
    ['enterprise', 5],
  ]);
  const [lo, hi] = TIER_BOUNDS[tier];
  // Skewed towards the low end of each tier, as real price lists are.
  const x = rng.next() ** 1.6;
  return Math.round((lo + x * (hi - lo)) / STEP) * STEP;
}

/** Scales MRRs to an exact total in R$ 50 steps, keeping each within the R$ 500–8.000 range. */
function calibrate(mrrs: number[], target: number): number[] {
  const [min] = TIER_BOUNDS.starter;
  const [, max] = TIER_BOUNDS.enterprise;
  const sum = mrrs.reduce((a, b) => a + b, 0);
  const scaled = mrrs.map((m) => Math.min(max, Math.max(min, Math.round((m * target) / sum / STEP) * STEP)));
  let diff = target - scaled.reduce((a, b) => a + b, 0);
  for (let i = 0; diff !== 0 && i < scaled.length * 200; i++) {
    const j = i % scaled.length;
    const step = diff > 0 ? STEP : -STEP;
    const v = (scaled[j] as number) + step;
    if (v >= min && v <= max) {
      scaled[j] = v;
      diff -= step;
    }
  }
  return scaled;
}

const RISK_COMBOS_WARNING: readonly RiskKey[][] = [
  ['low_capacity_usage', 'renewal_soon'],
  ['no_executive_engagement', 'unanswered_emails'],
  ['ticket_surge', 'stale_ticket'],
  ['nps_drop', 'no_executive_engagement'],
  ['main_contact_left', 'renewal_soon', 'nps_drop'],
  ['usage_drop'],
  ['low_capacity_usage', 'nps_drop'],
  ['unanswered_emails', 'renewal_soon'],
];
const RISK_COMBOS_CRITICAL: readonly RiskKey[][] = [
  ['no_login', 'usage_drop', 'unanswered_emails'],
  ['no_login', 'low_capacity_usage', 'no_executive_engagement'],
  ['usage_drop', 'ticket_surge', 'nps_drop', 'stale_ticket'],
  ['no_login', 'main_contact_left', 'usage_drop'],
];

function healthFor(profile: Profile, critical: boolean, rng: Rng): number {
  switch (profile) {
    case 'healthy':
      return Math.min(98, Math.round(rng.normal(88, 4)));
    case 'flagged':
      return critical ? rng.int(32, 49) : rng.int(52, 78);
    case 'moderate':
      return rng.int(60, 79);
    case 'onboarding':
      return rng.int(62, 78);
    case 'churned':
      return rng.int(22, 38);
  }
}

function genericPlan(
  index: number,
  profile: Profile,
  critical: boolean,
  mrrCents: number,
  rng: Rng,
): CustomerPlan {
  const healthScore = Math.max(profile === 'healthy' ? 80 : 0, healthFor(profile, critical, rng));
  const risks =
    profile === 'flagged' ? [...rng.pick(critical ? RISK_COMBOS_CRITICAL : RISK_COMBOS_WARNING)] : [];
  // At scale a few customers have no CSM yet, like StartupXYZ; the curated 90 all have one.
  const csm: CsmKey | null =
    index >= PORTFOLIO_TARGETS.customers && rng.chance(0.02) ? null : rng.chance(0.5) ? 'maria' : 'joao';
  return { index, named: null, profile, tier: tierOf(mrrCents), mrrCents, healthScore, risks, csm };
}

export interface Portfolio {
  size: number;
  planFor(index: number): CustomerPlan;
}

/** The Arco Digital portfolio of `size` customers for `seed`. Cheap: no documents are built here. */
export function planPortfolio(seed: number, size: number): Portfolio {
  const curated = curatedPlans(seed);
  return {
    size,
    planFor(index) {
      if (index < 0 || index >= size) throw new RangeError(`customer index ${index} outside 0..${size - 1}`);
      return curated[index] ?? scaledPlan(seed, index);
    },
  };
}

function namedPlan(f: NamedFacts, index: number): CustomerPlan {
  return {
    index,
    named: f.key,
    profile: f.profile,
    tier: f.tier,
    mrrCents: f.mrrCents,
    healthScore: f.healthScore,
    risks: [...f.risks],
    csm: f.csm,
  };
}

function curatedPlans(seed: number): CustomerPlan[] {
  const rng = createRng(deriveSeed(seed, 'arco', 'portfolio'));
  type Slot = { profile: Profile; critical: boolean };
  const slots: Slot[] = [
    ...Array.from({ length: CURATED_GENERIC.healthy }, () => ({
      profile: 'healthy' as const,
      critical: false,
    })),
    ...Array.from({ length: CURATED_GENERIC.moderate }, () => ({
      profile: 'moderate' as const,
      critical: false,
    })),
    ...Array.from({ length: CURATED_GENERIC.onboarding }, () => ({
      profile: 'onboarding' as const,
      critical: false,
    })),
    ...Array.from({ length: CURATED_GENERIC.flaggedCritical }, () => ({
      profile: 'flagged' as const,
      critical: true,
    })),
    ...Array.from({ length: CURATED_GENERIC.flaggedWarning }, () => ({
      profile: 'flagged' as const,
      critical: false,
    })),
    { profile: 'churned', critical: false },
  ];
  const order = rng.shuffle(slots);
  // Active, unflagged generated customers carry the rest of the R$ 127.450 after the named and flagged ones.
  const namedMrr = NAMED_CUSTOMERS.reduce((s, n) => s + n.mrrCents, 0);
  const flaggedMrr = FLAGGED_GENERIC_MRR.reduce((a, b) => a + b, 0);
  const others = order.filter((s) => s.profile !== 'flagged' && s.profile !== 'churned');
  const otherMrr = calibrate(
    others.map(() => drawMrr(rng)),
    PORTFOLIO_TARGETS.activeMrrCents - namedMrr - flaggedMrr,
  );
  const flaggedMrrs = rng.shuffle(FLAGGED_GENERIC_MRR);
  let o = 0;
  let f = 0;
  const generic = order.map((slot, k) => {
    const index = NAMED_CUSTOMERS.length + k;
    const mrr =
      slot.profile === 'flagged'
        ? (flaggedMrrs[f++] as number)
        : slot.profile === 'churned'
          ? drawMrr(rng)
          : (otherMrr[o++] as number);
    return genericPlan(index, slot.profile, slot.critical, mrr, rng);
  });
  return [...NAMED_CUSTOMERS.map((n, i) => namedPlan(n, i)), ...generic];
}

function scaledPlan(seed: number, index: number): CustomerPlan {
  const rng = createRng(deriveSeed(seed, 'arco', 'plan', index));
  const roll = rng.next();
  const profile: Profile =
    roll < 0.75
      ? 'healthy'
      : roll < 0.88
        ? 'flagged'
        : roll < 0.95
          ? 'moderate'
          : roll < 0.99
            ? 'onboarding'
            : 'churned';
  const critical = profile === 'flagged' && rng.chance(0.3);
  return genericPlan(index, profile, critical, drawMrr(rng), rng);
}

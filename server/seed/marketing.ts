import type { AbTest, Campaign, CampaignDay, Lead, LeadInteraction } from '../../shared/entities/portal.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './clock.ts';
import type { BuiltCustomer } from './context.ts';
import { emailOf, personName, phoneOf } from './customer-doc.ts';
import { fitTotal } from './metrics.ts';
import { LAST_NAMES, LEAD_COMPANY_WORDS, LEAD_SOURCES, slugWord } from './vocabulary.ts';

type Platform = Campaign['platform'];
type CampaignType = Campaign['type'];

interface CampaignShape {
  platform: Platform;
  type: CampaignType;
  names: readonly string[];
  ctr: readonly [number, number];
  cpcCents: readonly [number, number];
}

const SHAPES: readonly CampaignShape[] = [
  {
    platform: 'google_ads',
    type: 'search',
    names: ['Pesquisa — Marca', 'Pesquisa — Serviços', 'Pesquisa — Concorrentes'],
    ctr: [0.03, 0.07],
    cpcCents: [90, 450],
  },
  {
    platform: 'google_ads',
    type: 'shopping',
    names: ['Shopping — Catálogo completo', 'Shopping — Mais vendidos'],
    ctr: [0.008, 0.02],
    cpcCents: [40, 150],
  },
  {
    platform: 'google_ads',
    type: 'display',
    names: ['Display — Remarketing', 'Display — Reconhecimento de marca'],
    ctr: [0.003, 0.01],
    cpcCents: [20, 90],
  },
  {
    platform: 'meta_ads',
    type: 'social',
    names: ['Público semelhante — Compradores', 'Lançamento — Reels', 'Captação de leads — Formulário'],
    ctr: [0.008, 0.02],
    cpcCents: [40, 180],
  },
  {
    platform: 'meta_ads',
    type: 'retargeting',
    names: ['Retargeting — Visitantes 30 dias', 'Retargeting — Carrinho abandonado'],
    ctr: [0.012, 0.025],
    cpcCents: [50, 150],
  },
  {
    platform: 'linkedin',
    type: 'social',
    names: ['Geração de leads B2B', 'Conteúdo para decisores'],
    ctr: [0.004, 0.009],
    cpcCents: [600, 1500],
  },
  {
    platform: 'tiktok',
    type: 'video',
    names: ['Vídeos curtos — Alcance'],
    ctr: [0.006, 0.015],
    cpcCents: [30, 120],
  },
  {
    platform: 'email',
    type: 'other',
    names: ['Newsletter mensal', 'Régua de nutrição'],
    ctr: [0.02, 0.05],
    cpcCents: [0, 0],
  },
];

const EXTERNAL_ID: Record<Platform, (n: number) => string> = {
  google_ads: (n) => `gads-${String(n).slice(0, 3)}-${String(n).slice(3, 6)}-${String(n).slice(6, 10)}`,
  meta_ads: (n) => `act_${n}`,
  linkedin: (n) => `li-${n}`,
  tiktok: (n) => `tt-${n}`,
  email: (n) => `mail-${n}`,
  other: (n) => `ext-${n}`,
};

function campaignDays(
  b: BuiltCustomer,
  fromDay: number,
  toDay: number,
  shape: CampaignShape,
  dailyBudgetCents: number,
  ticketCents: number,
): CampaignDay[] {
  const { rng } = b;
  const { cal } = b.org;
  const days: CampaignDay[] = [];
  const ctr = rng.float(shape.ctr[0], shape.ctr[1]);
  const cpc = shape.platform === 'email' ? 0 : rng.int(shape.cpcCents[0], shape.cpcCents[1]);
  const conv = rng.float(0.015, 0.06);
  for (let day = fromDay; day <= toDay; day++) {
    const spend = shape.platform === 'email' ? 0 : Math.round(dailyBudgetCents * rng.float(0.8, 1.02));
    const clicks =
      shape.platform === 'email' ? rng.int(40, 400) : Math.max(1, Math.round(spend / Math.max(1, cpc)));
    const impressions = Math.round(clicks / ctr);
    const conversions = Math.round(clicks * conv * rng.float(0.6, 1.4));
    days.push({
      date: cal.date(day),
      impressions,
      clicks,
      spendCents: spend,
      conversions,
      revenueCents: conversions * Math.round(ticketCents * rng.float(0.8, 1.2)),
    });
  }
  return days;
}

function campaignDoc(
  b: BuiltCustomer,
  c: Omit<Campaign, 'id' | 'updatedAt' | 'serverSeq' | 'clientUpdatedAt' | 'customerId'> & {
    createdMs: number;
  },
): Campaign {
  const { cal } = b.org;
  const { createdMs, ...rest } = c;
  return {
    id: b.rng.uuid(createdMs),
    updatedAt: cal.iso(createdMs),
    serverSeq: 0,
    clientUpdatedAt: cal.iso(createdMs),
    customerId: b.id,
    ...rest,
  };
}

/** The seed's running A/B test (dashboard §4B): 2,3 % vs 3,1 % conversion on ~1.200 visitors each. */
export const TECHCORP_AB_TEST = {
  name: 'Landing Page: Hero Section',
  element: 'hero_section',
  variantA: { name: 'Aumente Vendas', visitors: 1_240, conversions: 29 },
  variantB: { name: 'Dobre Resultados', visitors: 1_198, conversions: 37 },
} as const;

/** The seed's active campaigns (dashboard §4A): budget and spend in cents, CTR and CPC as totals. */
export const TECHCORP_CAMPAIGNS = {
  google: {
    name: 'Serviços Premium',
    budgetCents: 500_000,
    spendCents: 324_000,
    clicks: 1_800,
    impressions: 56_250,
    today: 18,
    yesterday: 12,
  },
  meta: {
    name: 'Retargeting',
    budgetCents: 200_000,
    spendCents: 189_000,
    clicks: 1_989,
    impressions: 110_500,
    today: 12,
    yesterday: 14,
  },
} as const;

function techCorpCampaigns(b: BuiltCustomer): Campaign[] {
  const { rng } = b;
  const { cal } = b.org;
  const start = cal.today - 20;
  const shape = (platform: Platform) => SHAPES.find((s) => s.platform === platform) as CampaignShape;
  const build = (key: 'google' | 'meta', platform: Platform, type: CampaignType) => {
    const t = TECHCORP_CAMPAIGNS[key];
    const days = campaignDays(b, start, cal.today, shape(platform), t.spendCents / 21, 14_800);
    const fit = (field: 'spendCents' | 'clicks' | 'impressions', total: number) => {
      const v = fitTotal(
        days.map((d) => d[field]),
        total,
      );
      days.forEach((d, i) => (d[field] = v[i] as number));
    };
    fit('spendCents', t.spendCents);
    fit('clicks', t.clicks);
    fit('impressions', t.impressions);
    const last = days[days.length - 1] as CampaignDay;
    last.conversions = t.today;
    if (days.length > 1) (days[days.length - 2] as CampaignDay).conversions = t.yesterday;
    for (const d of days) d.revenueCents = d.conversions * 14_800;
    return campaignDoc(b, {
      name: t.name,
      platform,
      type,
      budgetCents: t.budgetCents,
      dailyBudgetCents: Math.round(t.budgetCents / 30),
      status: 'active',
      startDate: cal.date(start),
      endDate: null,
      externalId: EXTERNAL_ID[platform](rng.int(1e9, 9e9)),
      daily: days,
      abTests: [],
      createdMs: cal.at(start - 2, 10),
    });
  };
  const google = build('google', 'google_ads', 'search');
  const a = TECHCORP_AB_TEST;
  google.abTests.push({
    id: rng.uuid(cal.at(cal.today - 12, 9)),
    name: a.name,
    element: a.element,
    variantA: { ...a.variantA },
    variantB: { ...a.variantB },
    status: 'running',
    startedAt: cal.iso(cal.at(cal.today - 12, 9)),
    endedAt: null,
  });
  const meta = build('meta', 'meta_ads', 'retargeting');
  const bfStart = cal.today - 110;
  const blackFriday = campaignDoc(b, {
    name: 'Webinar de lançamento — Captação',
    platform: 'linkedin',
    type: 'social',
    budgetCents: 300_000,
    dailyBudgetCents: 10_000,
    status: 'completed',
    startDate: cal.date(bfStart),
    endDate: cal.date(bfStart + 27),
    externalId: EXTERNAL_ID.linkedin(rng.int(1e9, 9e9)),
    daily: campaignDays(b, bfStart, bfStart + 27, shape('linkedin'), 10_000, 14_800),
    abTests: [],
    createdMs: cal.at(bfStart - 3, 10),
  });
  return [google, meta, blackFriday];
}

function genericAbTest(b: BuiltCustomer, startedDay: number, running: boolean): AbTest {
  const { rng } = b;
  const { cal } = b.org;
  const tests = [
    {
      name: 'Landing page: formulário curto',
      element: 'form',
      a: 'Formulário completo',
      b: 'Só nome e WhatsApp',
    },
    { name: 'Botão de chamada para ação', element: 'cta_button', a: 'Saiba mais', b: 'Quero meu orçamento' },
    { name: 'Título do anúncio', element: 'headline', a: 'Frete grátis hoje', b: 'Até 40% de desconto' },
  ] as const;
  const t = rng.pick(tests);
  const visitors = rng.int(400, 3000);
  const rateA = rng.float(0.01, 0.05);
  const rateB = rateA * rng.float(0.8, 1.5);
  const vb = Math.round(visitors * rng.float(0.9, 1.1));
  return {
    id: rng.uuid(cal.at(startedDay, 9)),
    name: t.name,
    element: t.element,
    variantA: { name: t.a, visitors, conversions: Math.round(visitors * rateA) },
    variantB: { name: t.b, visitors: vb, conversions: Math.round(vb * rateB) },
    status: running ? 'running' : 'completed',
    startedAt: cal.iso(cal.at(startedDay, 9)),
    endedAt: running ? null : cal.iso(cal.at(Math.min(cal.today, startedDay + 21), 18)),
  };
}

/** Campaigns with daily metrics (and sometimes an A/B test). Churned customers keep one finished campaign. */
export function buildCampaigns(b: BuiltCustomer): Campaign[] {
  if (b.facts?.key === 'techcorp') return techCorpCampaigns(b);
  const { rng, plan } = b;
  const { cal } = b.org;
  const count = plan.profile === 'churned' ? 1 : plan.profile === 'healthy' ? rng.int(1, 3) : rng.int(1, 2);
  const budgetScale = plan.tier === 'starter' ? 1 : plan.tier === 'pro' ? 2.5 : 6;
  const ticketCents = rng.int(80, 900) * 100;
  const campaigns: Campaign[] = [];
  for (let k = 0; k < count; k++) {
    const shape = rng.pick(SHAPES);
    const finished = plan.profile === 'churned' || (k > 0 && rng.chance(0.35));
    const end =
      plan.profile === 'churned' ? (b.churnDay as number) - rng.int(5, 20) : cal.today - rng.int(30, 150);
    const startDay = finished ? end - rng.int(20, 40) : Math.max(b.sinceDay, cal.today - rng.int(10, 45));
    const stopDay = finished ? end : cal.today;
    const budgetCents = Math.round((rng.int(10, 60) * 10_000 * budgetScale) / 100) * 100;
    const dailyBudgetCents = Math.round(budgetCents / 30);
    const status: Campaign['status'] = finished ? 'completed' : rng.chance(0.1) ? 'paused' : 'active';
    const abTests = rng.chance(0.15) ? [genericAbTest(b, Math.max(startDay, stopDay - 20), !finished)] : [];
    campaigns.push(
      campaignDoc(b, {
        name: rng.pick(shape.names),
        platform: shape.platform,
        type: shape.type,
        budgetCents,
        dailyBudgetCents: shape.platform === 'email' ? null : dailyBudgetCents,
        status,
        startDate: cal.date(startDay),
        endDate: finished ? cal.date(stopDay) : null,
        externalId: EXTERNAL_ID[shape.platform](rng.int(1e9, 9e9)),
        daily: campaignDays(b, startDay, stopDay, shape, Math.round(dailyBudgetCents * 0.95), ticketCents),
        abTests,
        createdMs: cal.at(startDay - 2, 10),
      }),
    );
  }
  return campaigns;
}

// ------------------------------------------------------------------------------------------------ leads

type Stage = Lead['stage'];

/** The seed's pipeline (dashboard §3A): counts and total value per stage, in cents. */
export const TECHCORP_PIPELINE: Readonly<Record<Stage, { count: number; valueCents: number }>> = {
  new: { count: 23, valueCents: 27_600_000 },
  qualified: { count: 15, valueCents: 18_000_000 },
  negotiation: { count: 8, valueCents: 9_600_000 },
  won: { count: 3, valueCents: 3_600_000 },
  lost: { count: 4, valueCents: 3_200_000 },
};

const STAGE_AGE: Record<Stage, readonly [number, number]> = {
  new: [0, 19],
  qualified: [5, 45],
  negotiation: [15, 70],
  won: [30, 120],
  lost: [30, 120],
};

const OUTCOMES = ['interessado', 'retornar depois', 'pediu proposta', 'sem interesse no momento'] as const;

function interaction(
  b: BuiltCustomer,
  createdMs: number,
  type: LeadInteraction['type'],
  extra: Partial<LeadInteraction> = {},
): LeadInteraction {
  const { rng } = b;
  return {
    id: rng.uuid(createdMs),
    type,
    direction: type === 'note' ? null : rng.chance(0.7) ? 'outbound' : 'inbound',
    subject: type === 'email' ? 'Proposta comercial' : null,
    content: null,
    durationMinutes: type === 'call' || type === 'meeting' ? rng.int(5, 45) : null,
    outcome: type === 'note' ? null : rng.pick(OUTCOMES),
    nextAction: null,
    performedBy: b.clientUser?.id ?? null,
    createdAt: b.org.cal.iso(createdMs),
    ...extra,
  };
}

function leadDoc(
  b: BuiltCustomer,
  l: Omit<Lead, 'id' | 'updatedAt' | 'serverSeq' | 'clientUpdatedAt' | 'customerId' | 'createdAt'> & {
    createdMs: number;
  },
): Lead {
  const { cal } = b.org;
  const { createdMs, ...rest } = l;
  return {
    id: b.rng.uuid(createdMs),
    updatedAt: cal.iso(createdMs),
    serverSeq: 0,
    clientUpdatedAt: cal.iso(createdMs),
    customerId: b.id,
    ...rest,
    createdAt: cal.iso(createdMs),
  };
}

/** Carlos Mendes's deal value (R$ 12.000) in the pipeline's R$ 500 units. */
const CARLOS_UNITS = 24;

/**
 * Carlos Mendes (dashboard §3B–C), score 85 by the shared lead-score rule: meeting + 2 calls + e-mail in the
 * last 30 days = 30 activity points (engagement 30), budget R$ 15.000 ≥ deal R$ 12.000 (25), decides within a
 * month (20), influencer (10).
 */
function carlosMendes(b: BuiltCustomer, campaignId: string | null, position: number): Lead {
  const { cal } = b.org;
  const { nowMs } = cal;
  const createdMs = cal.at(cal.today - 24, 10, 20);
  return leadDoc(b, {
    name: 'Carlos Mendes',
    company: 'Mendes & Associados Consultoria',
    email: 'carlos.mendes@mendesassociados.com.br',
    phone: '(11) 98765-4321',
    stage: 'qualified',
    valueCents: CARLOS_UNITS * 50_000,
    source: 'Google Ads',
    campaignId,
    budgetCents: 1_500_000,
    timeline: 'within_1_month',
    authority: 'influencer',
    position,
    interactions: [
      interaction(b, cal.at(cal.today - 20, 11), 'call', {
        direction: 'inbound',
        durationMinutes: 18,
        outcome: 'interessado',
        content: 'Veio pelo anúncio de Serviços Premium; quer entender planos.',
      }),
      interaction(b, cal.at(cal.today - 14, 10), 'meeting', {
        direction: 'outbound',
        durationMinutes: 45,
        outcome: 'pediu proposta',
        content: 'Demonstração com o sócio de operações.',
      }),
      interaction(b, nowMs - 7 * DAY_MS, 'note', {
        content: 'Pediu case de clientes do setor de consultoria.',
      }),
      interaction(b, cal.at(cal.today - 1, 15, 30), 'call', {
        direction: 'outbound',
        durationMinutes: 12,
        outcome: 'interessado',
        nextAction: 'Enviar proposta revisada até sexta',
      }),
      interaction(b, nowMs - 2 * HOUR_MS, 'email', {
        direction: 'outbound',
        subject: 'Proposta comercial — Mendes & Associados',
        outcome: null,
      }),
    ],
    createdMs,
  });
}

function leadCounts(b: BuiltCustomer): Record<Stage, number> {
  const { rng, plan } = b;
  const n = plan.profile === 'churned' ? 0 : plan.tier === 'enterprise' ? rng.int(6, 12) : rng.int(3, 9);
  const counts: Record<Stage, number> = { new: 0, qualified: 0, negotiation: 0, won: 0, lost: 0 };
  for (let i = 0; i < n; i++) {
    counts[
      rng.weighted<Stage>([
        ['new', 35],
        ['qualified', 25],
        ['negotiation', 15],
        ['won', 12],
        ['lost', 13],
      ])
    ]++;
  }
  return counts;
}

/** The customer's own sales leads (client portal), with score inputs and interaction history. */
export function buildLeads(b: BuiltCustomer, campaigns: readonly Campaign[]): Lead[] {
  const { rng, plan } = b;
  const { cal } = b.org;
  const techcorp = b.facts?.key === 'techcorp';
  const counts = techcorp
    ? (Object.fromEntries(Object.entries(TECHCORP_PIPELINE).map(([s, v]) => [s, v.count])) as Record<
        Stage,
        number
      >)
    : leadCounts(b);
  const valueUnit = 50_000; // R$ 500 steps
  const leads: Lead[] = [];
  const campaignFor = (source: string) =>
    campaigns.find(
      (c) =>
        (source === 'Google Ads' && c.platform === 'google_ads') ||
        (source === 'Meta Ads' && c.platform === 'meta_ads'),
    )?.id ?? null;
  for (const stage of ['new', 'qualified', 'negotiation', 'won', 'lost'] as const) {
    const n = counts[stage];
    if (n === 0) continue;
    const maxUnits = plan.tier === 'starter' ? 20 : plan.tier === 'pro' ? 50 : 100;
    let units = Array.from({ length: n }, () => rng.int(4, maxUnits));
    if (techcorp) units = fitTotal(units, TECHCORP_PIPELINE[stage].valueCents / valueUnit);
    for (let i = 0; i < n; i++) {
      if (techcorp && stage === 'qualified' && i === 0) {
        // Carlos carries a fixed value, so the rest of the stage shares what is left of its total.
        const rest = fitTotal(
          units.slice(1),
          TECHCORP_PIPELINE.qualified.valueCents / valueUnit - CARLOS_UNITS,
        );
        units = [CARLOS_UNITS, ...rest];
        leads.push(carlosMendes(b, campaignFor('Google Ads'), 0));
        continue;
      }
      const [minAge, maxAge] = STAGE_AGE[stage];
      const createdDay = Math.max(b.sinceDay, cal.today - rng.int(minAge, maxAge));
      const createdMs = Math.min(cal.nowMs - HOUR_MS, cal.at(createdDay, rng.int(8, 20), rng.int(0, 59)));
      const { first, last } = personName(rng);
      const companyParts = rng.chance(0.75) ? [rng.pick(LEAD_COMPANY_WORDS), rng.pick(LAST_NAMES)] : null;
      const company = companyParts ? companyParts.join(' ') : null;
      const source = rng.pick(LEAD_SOURCES);
      const valueCents = (units[i] as number) * valueUnit;
      const interactions: LeadInteraction[] = [];
      const touches = stage === 'new' ? rng.int(0, 1) : rng.int(1, 4);
      for (let t = 0; t < touches; t++) {
        const at = Math.min(cal.nowMs - MINUTE_MS, createdMs + rng.int(1, 20) * 6 * HOUR_MS * (t + 1));
        interactions.push(
          interaction(b, at, rng.pick(['email', 'call', 'whatsapp', 'meeting', 'note'] as const)),
        );
      }
      leads.push(
        leadDoc(b, {
          name: `${first} ${last}`,
          company,
          email: rng.chance(0.9)
            ? company
              ? emailOf(first, last, `${companyParts?.map(slugWord).join('')}.com.br`)
              : `${slugWord(first)}.${slugWord(last)}${rng.int(1, 99)}@gmail.com`
            : null,
          phone: rng.chance(0.8) ? phoneOf(rng, b.uf) : null,
          stage,
          valueCents,
          source,
          campaignId: campaignFor(source),
          budgetCents: rng.chance(0.7)
            ? Math.round((valueCents * rng.float(0.6, 1.4)) / 10_000) * 10_000
            : null,
          timeline: rng.pick([
            'immediate',
            'within_1_month',
            'within_3_months',
            'within_6_months',
            'unknown',
          ] as const),
          authority: rng.pick(['decision_maker', 'influencer', 'user', 'unknown'] as const),
          position: i * 1000,
          interactions,
          createdMs,
        }),
      );
    }
  }
  return leads;
}

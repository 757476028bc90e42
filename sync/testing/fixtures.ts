import type { CollectionName } from '../../shared/collections/index.ts';
import type { PlainObject } from '../documents.ts';
import type { UserIdentity } from '../../shared/identity.ts';

/**
 * Valid documents and identities for sync tests (pt-BR content, as in the seeds). Every factory returns a
 * fresh object; `fixtures.test.ts` proves each one parses with its collection's schema.
 */

/** Deterministic UUID v7-shaped ids: `uuid(1)` → 01900000-0000-7000-8000-000000000001. */
export const uuid = (n: number): string => `01900000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

export const ORG_A = uuid(0xa0);
export const ORG_B = uuid(0xb0);
export const CUSTOMER_TECHCORP = uuid(0xc1);
export const CUSTOMER_LOJA = uuid(0xc2);
export const CUSTOMER_OTHER_ORG = uuid(0xc9);

export const ADMIN: UserIdentity = {
  userId: uuid(0x101),
  organizationId: ORG_A,
  role: 'admin',
  customerId: null,
};
export const MARIA_CSM: UserIdentity = {
  userId: uuid(0x102),
  organizationId: ORG_A,
  role: 'csm',
  customerId: null,
};
export const TECHCORP_CLIENT: UserIdentity = {
  userId: uuid(0x201),
  organizationId: ORG_A,
  role: 'client',
  customerId: CUSTOMER_TECHCORP,
};
export const LOJA_CLIENT: UserIdentity = {
  userId: uuid(0x202),
  organizationId: ORG_A,
  role: 'client',
  customerId: CUSTOMER_LOJA,
};
export const OTHER_ORG_ADMIN: UserIdentity = {
  userId: uuid(0x301),
  organizationId: ORG_B,
  role: 'admin',
  customerId: null,
};

/** Every user above: the users their organizations have (what `userRefs` fields may name). */
export const FIXTURE_USERS: readonly UserIdentity[] = [
  ADMIN,
  MARIA_CSM,
  TECHCORP_CLIENT,
  LOJA_CLIENT,
  OTHER_ORG_ADMIN,
];

export const T0 = '2026-11-20T12:00:00.000Z';
export const T1 = '2026-11-20T12:05:00.000Z';
export const T2 = '2026-11-20T12:10:00.000Z';

const base = (id: string, serverSeq = 1) => ({ id, updatedAt: T0, serverSeq, clientUpdatedAt: T0 });

const metric = (score: number) => ({
  score,
  weight: 20,
  effectiveWeight: 20,
  weightedScore: score / 5,
  factors: [],
  trend: 'stable' as const,
  trendValue: 0,
  rulePoints: 0,
});

type Factory = (id: string, owner: { customerId: string; userId: string }) => PlainObject;

export const FIXTURES: Readonly<Record<CollectionName, Factory>> = {
  customers: (id) => ({
    ...base(id),
    name: 'TechCorp LTDA',
    domain: 'techcorp.example',
    industry: 'Tecnologia',
    size: '51-200',
    location: 'São Paulo, SP',
    cnpj: '11222333000181',
    status: 'active',
    tier: 'enterprise',
    mrrCents: 1_250_000,
    arrCents: 15_000_000,
    lifetimeValueCents: 30_000_000,
    activeUsers: 42,
    totalSeats: 50,
    lastLoginAt: T0,
    csmId: MARIA_CSM.userId,
    renewalDate: '2027-03-01',
    renewalType: 'auto_renew',
    customerSince: '2024-03-01',
    churnedAt: null,
    churnReason: null,
    notes: null,
    contacts: [
      {
        id: uuid(0x5001),
        firstName: 'Ana',
        lastName: 'Souza',
        email: 'ana@techcorp.example',
        phone: '+55 11 99999-0000',
        jobTitle: 'Diretora de Marketing',
        isPrimary: true,
        role: 'decision_maker',
        lastContactedAt: T0,
        npsScore: 9,
        leftCompanyAt: null,
        createdAt: T0,
      },
    ],
    contracts: [],
  }),
  invoices: (id, { customerId }) => ({
    ...base(id),
    customerId,
    contractId: null,
    number: 'NF-2026-0042',
    description: 'Mensalidade novembro',
    amountCents: 1_250_000,
    issueDate: '2026-11-01',
    dueDate: '2026-11-10',
    paidDate: null,
    status: 'pending',
    nfeUrl: null,
    nfeNumber: null,
    pixCode: null,
    payments: [],
  }),
  goals: (id, { customerId }) => ({
    ...base(id),
    customerId,
    type: 'leads',
    title: 'Gerar 200 leads em novembro',
    unit: 'count',
    targetValue: 200,
    currentValue: 120,
    period: 'monthly',
    startDate: '2026-11-01',
    endDate: '2026-11-30',
    status: 'active',
    progress: [{ date: '2026-11-19', value: 110 }],
  }),
  actions: (id, { customerId }) => ({
    ...base(id),
    customerId,
    title: 'Revisar orçamento do Google Ads',
    description: null,
    type: 'quick_win',
    priority: 5,
    status: 'pending',
    estimatedImpact: 'medium',
    estimatedTime: '10 min',
    url: '/campanhas',
    completedAt: null,
    dismissedAt: null,
    createdAt: T0,
  }),
  tickets: (id, { customerId, userId }) => ({
    ...base(id),
    customerId,
    number: 2847,
    subject: 'Dúvida sobre relatório',
    description: 'Os números de conversão não batem.',
    priority: 'medium',
    status: 'open',
    assignedTo: null,
    channel: 'ticket',
    slaDeadline: T2,
    firstResponseAt: null,
    resolvedAt: null,
    createdBy: userId,
    createdAt: T0,
    messages: [
      {
        id: uuid(0x7001),
        senderType: 'client',
        senderId: userId,
        senderName: 'Ana Souza',
        body: 'Podem verificar?',
        createdAt: T0,
      },
    ],
  }),
  meetings: (id, { customerId }) => ({
    ...base(id),
    customerId,
    accountManagerId: MARIA_CSM.userId,
    title: 'Reunião mensal de resultados',
    description: null,
    scheduledAt: '2026-11-25T14:00:00.000Z',
    durationMinutes: 30,
    meetingLink: null,
    notes: null,
    status: 'scheduled',
    clientRequest: null,
    requestAnswer: null,
    completedAt: null,
  }),
  notifications: (id, { userId }) => ({
    ...base(id),
    userId,
    type: 'goal_reached',
    title: 'Meta atingida!',
    body: 'Você atingiu 100% da meta de leads.',
    url: '/metas',
    readAt: null,
    createdAt: T0,
  }),
  metrics: (id, { customerId }) => ({
    ...base(id),
    customerId,
    month: '2026-11',
    days: [
      {
        date: '2026-11-01',
        sessions: 1200,
        pageviews: 3400,
        bounceRate: 41.5,
        avgSessionSeconds: 95,
        conversions: 30,
        revenueCents: 450_000,
        adSpendCents: 80_000,
        leads: 12,
        score: 78,
      },
    ],
  }),
  campaigns: (id, { customerId }) => ({
    ...base(id),
    customerId,
    name: 'Black Friday 2026',
    platform: 'google_ads',
    type: 'search',
    budgetCents: 500_000,
    dailyBudgetCents: 20_000,
    status: 'active',
    startDate: '2026-11-01',
    endDate: null,
    externalId: null,
    daily: [],
    abTests: [],
  }),
  health: (id, { customerId }) => ({
    ...base(id),
    customerId,
    score: 82,
    status: 'healthy',
    breakdown: {
      productUsage: metric(85),
      engagement: metric(80),
      support: metric(90),
      payment: metric(100),
      growth: metric(55),
    },
    missingDimensions: [],
    trend: 3,
    history: [{ date: '2026-11-19', score: 80 }],
    riskScore: 90,
    riskLevel: 'none',
    riskFactors: [],
    atRiskSince: null,
    churnProbability: 8,
    predictedChurnDate: null,
    churnFactors: [],
    computedAt: T0,
  }),
  signals: (id, { customerId }) => ({
    ...base(id),
    customerId,
    kind: 'risk_alert',
    subtype: null,
    status: 'open',
    title: { code: 'riskAlert.title', params: { level: 'warning' } },
    description: {
      code: 'text',
      params: { text: 'Nenhum usuário acessou a plataforma nas últimas duas semanas.' },
    },
    source: 'rule',
    riskScore: 70,
    riskFactors: [],
    recommendation: null,
    suggestedActions: [],
    estimatedValueCents: null,
    mrrAtRiskCents: 1_250_000,
    probability: null,
    resolutionNotes: null,
    resolvedAt: null,
    resolvedBy: null,
    createdAt: T0,
    acknowledgedAt: null,
    startedAt: null,
    dismissReason: null,
  }),
  activities: (id, { customerId }) => ({
    ...base(id),
    customerId,
    type: 'call',
    title: 'Ligação de acompanhamento',
    description: 'Cliente satisfeito com a campanha.',
    performedBy: MARIA_CSM.userId,
    performedByName: 'Maria Santos',
    occurredAt: T0,
    metadata: { durationMinutes: 15 },
    signalId: null,
    dueAt: null,
    completedAt: null,
    assignedTo: null,
    ticketId: null,
  }),
  leads: (id, { customerId }) => ({
    ...base(id),
    customerId,
    name: 'Carlos Pereira',
    company: 'Padaria Pão Quente',
    email: 'carlos@paoquente.example',
    phone: null,
    stage: 'new',
    valueCents: 300_000,
    source: 'google_ads',
    campaignId: null,
    budgetCents: null,
    timeline: 'within_1_month',
    authority: 'decision_maker',
    position: 1,
    interactions: [],
    createdAt: T0,
  }),
  content: (id) => ({
    ...base(id),
    kind: 'article',
    title: '5 dicas para reduzir o CPC',
    slug: '5-dicas-para-reduzir-o-cpc',
    excerpt: 'Como pagar menos por clique sem perder conversões.',
    body: 'Texto completo do artigo.',
    category: 'Anúncios',
    industry: null,
    readingMinutes: 5,
    difficulty: 'beginner',
    publishedAt: T0,
    startsAt: null,
    endsAt: null,
    maxAttendees: null,
    attendees: 0,
    meetingLink: null,
  }),
  engagement: (id, { customerId, userId }) => ({
    ...base(id),
    userId,
    customerId,
    timeZone: 'America/Sao_Paulo',
    visitDays: ['2026-11-18', '2026-11-19'],
    reading: [],
    eventRegistrations: [],
    quickWins: [],
    xp: 150,
    badges: [{ id: 'first-login', earnedAt: T0 }],
  }),
};

/** A valid document of `collection` owned by `identity` (client) or by TechCorp / the staff user. */
export function fixture(
  collection: CollectionName,
  id: string,
  owner: { customerId?: string; userId?: string } = {},
): PlainObject {
  return FIXTURES[collection](id, {
    customerId: owner.customerId ?? CUSTOMER_TECHCORP,
    userId: owner.userId ?? TECHCORP_CLIENT.userId,
  });
}

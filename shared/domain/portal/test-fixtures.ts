import type {
  Action,
  Campaign,
  DailyMetric,
  Engagement,
  Goal,
  Lead,
  LeadInteraction,
  Metrics,
} from '../../entities/portal.ts';
import type { Ticket } from '../../entities/support.ts';

/**
 * Whole, schema-valid entities for the portal rule tests, so every rule is also exercised with the documents
 * callers really hold (rules accept a full entity and read only the fields they need). Deterministic ids —
 * no randomness in tests either. Not exported from the package.
 */
export const uuid = (n: number): string => `0199a0e0-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

const synced = (n: number) => ({
  id: uuid(n),
  updatedAt: '2025-10-04T12:00:00.000Z',
  serverSeq: n,
  clientUpdatedAt: '2025-10-04T12:00:00.000Z',
});

export const CUSTOMER_ID = uuid(0xc0);
export const CLIENT_USER_ID = uuid(0xc1);

export const makeGoal = (over: Partial<Goal> = {}): Goal => ({
  ...synced(1),
  customerId: CUSTOMER_ID,
  type: 'leads',
  title: 'Leads do mês',
  unit: 'count',
  targetValue: 50,
  currentValue: 38,
  period: 'monthly',
  startDate: '2025-10-01',
  endDate: '2025-10-31',
  status: 'active',
  progress: [],
  ...over,
});

export const makeTicket = (over: Partial<Ticket> = {}): Ticket => ({
  ...synced(2),
  customerId: CUSTOMER_ID,
  number: 2853,
  subject: 'Dúvida sobre relatório',
  description: 'Não entendi o gráfico de conversões.',
  priority: 'urgent',
  status: 'in_progress',
  assignedTo: null,
  slaDeadline: null,
  firstResponseAt: null,
  resolvedAt: null,
  createdBy: CLIENT_USER_ID,
  createdAt: '2025-10-04T12:00:00.000Z',
  messages: [],
  channel: 'ticket',
  ...over,
});

export const makeEngagement = (over: Partial<Engagement> = {}): Engagement => ({
  ...synced(3),
  userId: CLIENT_USER_ID,
  customerId: CUSTOMER_ID,
  timeZone: 'America/Sao_Paulo',
  visitDays: [],
  reading: [],
  eventRegistrations: [],
  quickWins: [],
  xp: 0,
  badges: [],
  ...over,
});

export const makeMetrics = (over: Partial<Metrics> = {}): Metrics => ({
  ...synced(4),
  customerId: CUSTOMER_ID,
  month: '2025-10',
  days: [],
  ...over,
});

export const makeInteraction = (
  n: number,
  type: LeadInteraction['type'],
  createdAt: string,
  direction: LeadInteraction['direction'] = 'outbound',
): LeadInteraction => ({
  id: uuid(1000 + n),
  type,
  direction,
  subject: null,
  content: null,
  durationMinutes: type === 'call' ? 12 : null,
  outcome: null,
  nextAction: null,
  performedBy: null,
  createdAt,
});

export const makeLead = (over: Partial<Lead> = {}): Lead => ({
  ...synced(5),
  customerId: CUSTOMER_ID,
  name: 'Carlos Mendes',
  company: 'Mendes Distribuidora',
  email: 'carlos@mendes.com.br',
  phone: null,
  stage: 'qualified',
  valueCents: 1_200_000,
  source: 'google_ads',
  campaignId: null,
  budgetCents: 1_500_000,
  timeline: 'within_1_month',
  authority: 'influencer',
  position: 1,
  interactions: [],
  createdAt: '2025-09-20T12:00:00.000Z',
  ...over,
});

export const makeAction = (n: number, over: Partial<Action> = {}): Action => ({
  ...synced(100 + n),
  customerId: CUSTOMER_ID,
  title: 'Revisar palavras-chave',
  description: null,
  type: 'quick_win',
  priority: 5,
  status: 'pending',
  estimatedImpact: 'high',
  estimatedTime: '5min',
  url: null,
  completedAt: null,
  dismissedAt: null,
  createdAt: '2025-10-01T12:00:00.000Z',
  ...over,
});

export const makeCampaign = (n: number, over: Partial<Campaign> = {}): Campaign => ({
  ...synced(200 + n),
  customerId: CUSTOMER_ID,
  name: 'Serviços Premium',
  platform: 'google_ads',
  type: 'search',
  budgetCents: 500_000,
  dailyBudgetCents: null,
  status: 'active',
  startDate: '2025-09-01',
  endDate: null,
  externalId: null,
  daily: [],
  abTests: [],
  ...over,
});

export const makeDay = (date: string, over: Partial<DailyMetric> = {}): DailyMetric => ({
  date,
  sessions: 0,
  pageviews: 0,
  bounceRate: null,
  avgSessionSeconds: null,
  conversions: 0,
  revenueCents: 0,
  adSpendCents: 0,
  leads: 0,
  score: null,
  ...over,
});

import { evaluateBadges, mergeBadges } from '../../shared/domain/portal/badges.ts';
import { computeXp } from '../../shared/domain/portal/xp.ts';
import type { Content, Engagement, Goal, Metrics } from '../../shared/entities/portal.ts';
import type { Notification } from '../../shared/entities/support.ts';
import type { Customer } from '../../shared/entities/customer.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS, type Calendar } from './clock.ts';
import type { OrgKey } from './context.ts';
import type { CsmKey } from './portfolio.ts';
import { createRng, deriveSeed, type Rng } from './random.ts';
import { demoRoutes } from './routes.ts';
import { INDUSTRY_CONVERSION_RATE } from './metrics.ts';
import type { DemoDocuments, DemoUser } from './types.ts';

/** Every demo login uses this password (docs/architecture.md §10). The loader hashes it. */
export const DEMO_PASSWORD = 'arco-demo';
export const DEMO_TIME_ZONE = 'America/Sao_Paulo';

interface UserSeed {
  key: string;
  role: DemoUser['role'];
  email: string;
  name: string;
  jobTitle: string | null;
  phone: string | null;
  /** Months before now the account was created. */
  monthsAgo: number;
}

export const ARCO_STAFF: readonly (UserSeed & { key: 'admin' | CsmKey })[] = [
  {
    key: 'admin',
    role: 'admin',
    email: 'admin@arco.example',
    name: 'Hugo Almeida',
    jobTitle: 'Diretor de Customer Success',
    phone: '(11) 99876-1000',
    monthsAgo: 60,
  },
  {
    key: 'maria',
    role: 'csm',
    email: 'maria@arco.example',
    name: 'Maria Santos',
    jobTitle: 'Customer Success Manager',
    phone: '(11) 99999-9999',
    monthsAgo: 48,
  },
  {
    key: 'joao',
    role: 'csm',
    email: 'joao@arco.example',
    name: 'João Silva',
    jobTitle: 'Customer Success Manager',
    phone: '(11) 99888-2020',
    monthsAgo: 40,
  },
  // The customers spec lists "Pedro" as E-commerce Shop's CSM (§2.1).
  {
    key: 'pedro',
    role: 'csm',
    email: 'pedro@arco.example',
    name: 'Pedro Costa',
    jobTitle: 'Customer Success Manager',
    phone: '(11) 99777-3030',
    monthsAgo: 6,
  },
];

/** Client logins of Arco Digital, by customer index (TechCorp, Fintech ABC, StartupXYZ). */
export const ARCO_CLIENTS: readonly (UserSeed & { customerIndex: number })[] = [
  {
    key: 'techcorp',
    customerIndex: 0,
    role: 'client',
    email: 'cliente@techcorp.example',
    name: 'Pedro Santos',
    jobTitle: 'Head of Operations',
    phone: '(11) 98123-4567',
    monthsAgo: 20,
  },
  {
    key: 'fintech',
    customerIndex: 1,
    role: 'client',
    email: 'cliente@fintechabc.example',
    name: 'Camila Rocha',
    jobTitle: 'Gerente de Marketing',
    phone: '(21) 98234-5678',
    monthsAgo: 18,
  },
  {
    key: 'startup',
    customerIndex: 3,
    role: 'client',
    email: 'cliente@startupxyz.example',
    name: 'Lucas Martins',
    jobTitle: 'Sócio-fundador',
    phone: '(48) 98345-6789',
    monthsAgo: 8,
  },
];

export const OUTRA_STAFF: readonly UserSeed[] = [
  {
    key: 'admin',
    role: 'admin',
    email: 'admin@outra.example',
    name: 'Beatriz Ramos',
    jobTitle: 'Sócia-diretora',
    phone: '(51) 99111-2222',
    monthsAgo: 30,
  },
];
export const OUTRA_CLIENTS: readonly (UserSeed & { customerIndex: number })[] = [
  {
    key: 'outra-client',
    customerIndex: 0,
    role: 'client',
    email: 'cliente@outra-cliente.example',
    name: 'Renata Campos',
    jobTitle: 'Proprietária',
    phone: '(51) 98444-5555',
    monthsAgo: 12,
  },
];

export function makeUser(
  rng: Rng,
  cal: Calendar,
  organizationId: string,
  seed: UserSeed,
  customerId: string | null,
): DemoUser {
  const createdMs = cal.at(cal.dayInMonth(cal.thisMonth, -seed.monthsAgo, 3), 9);
  return {
    id: rng.uuid(createdMs),
    organizationId,
    role: seed.role,
    customerId,
    email: seed.email,
    name: seed.name,
    password: DEMO_PASSWORD,
    phone: seed.phone,
    jobTitle: seed.jobTitle,
    timeZone: DEMO_TIME_ZONE,
    createdAt: cal.iso(createdMs),
  };
}

// ------------------------------------------------------------------------------------------------ notifications

/** What the people batch needs from the named customers' documents. */
export interface NamedDocs {
  customer: Customer;
  documents: Partial<DemoDocuments>;
}

interface NotificationSeed {
  user: DemoUser;
  type: Notification['type'];
  title: string;
  body: string;
  url: string;
  agoMs: number;
  read: boolean;
}

export function buildNotifications(
  orgKey: OrgKey,
  seed: number,
  cal: Calendar,
  users: ReadonlyMap<string, DemoUser>,
  named: ReadonlyMap<string, NamedDocs>,
  content: readonly Content[],
): Notification[] {
  const rng = createRng(deriveSeed(seed, orgKey, 'notifications'));
  const list: NotificationSeed[] = [];
  const user = (key: string) => users.get(key);
  const add = (u: DemoUser | undefined, n: Omit<NotificationSeed, 'user'>) => {
    if (u) list.push({ user: u, ...n });
  };
  const tech = named.get('techcorp');
  const article =
    content.find((c) => c.title === 'SEO para E-commerce') ?? content.find((c) => c.kind === 'article');
  if (orgKey === 'arco' && tech) {
    const client = user('techcorp');
    const ticket = (n: number) => tech.documents.tickets?.find((t) => t.number === n);
    const carlos = tech.documents.leads?.find((l) => l.name === 'Carlos Mendes');
    const meeting = tech.documents.meetings?.find((m) => m.status === 'scheduled');
    const invoice = tech.documents.invoices?.find((i) => i.status === 'pending');
    add(client, {
      type: 'conversion',
      title: 'Nova conversão',
      body: 'Uma venda de R$ 1.480 veio da campanha Serviços Premium (Google Ads).',
      url: demoRoutes.performance(),
      agoMs: 40 * MINUTE_MS,
      read: false,
    });
    add(client, {
      type: 'goal_reached',
      title: 'Meta batida: 10.000 visitas no mês 🎉',
      body: 'Vocês passaram da meta de tráfego do mês. Veja a evolução das outras metas.',
      url: demoRoutes.goals(),
      agoMs: 5 * HOUR_MS,
      read: false,
    });
    const t2847 = ticket(2847);
    if (t2847)
      add(client, {
        type: 'ticket_answered',
        title: 'Ticket #2847 resolvido',
        body: 'Ajuste em campanha: o anúncio de primavera já está no ar.',
        url: demoRoutes.ticket(t2847.id),
        agoMs: 2 * HOUR_MS,
        read: false,
      });
    if (carlos)
      add(client, {
        type: 'qualified_lead',
        title: 'Novo lead qualificado: Carlos Mendes',
        body: 'Score 85/100 — alta probabilidade de conversão. Ação recomendada: ligar hoje.',
        url: demoRoutes.lead(carlos.id),
        agoMs: 26 * HOUR_MS,
        read: true,
      });
    add(client, {
      type: 'campaign_anomaly',
      title: 'Retargeting precisa de atenção',
      body: 'A campanha de Meta Ads já consumiu 94% do orçamento e as conversões caíram em relação a ontem.',
      url: demoRoutes.campaigns(),
      agoMs: 3 * HOUR_MS,
      read: false,
    });
    if (meeting)
      add(client, {
        type: 'meeting_reminder',
        title: 'Próxima reunião agendada',
        body: `Reunião mensal de resultados com ${user('maria')?.name ?? 'seu gerente de conta'}.`,
        url: demoRoutes.meetings(),
        agoMs: 2 * DAY_MS,
        read: true,
      });
    if (invoice)
      add(client, {
        type: 'invoice_due',
        title: 'Fatura disponível',
        body: `${invoice.description} vence em ${invoice.dueDate.split('-').reverse().join('/')}.`,
        url: demoRoutes.invoice(invoice.id),
        agoMs: 20 * HOUR_MS,
        read: false,
      });
    if (article)
      add(client, {
        type: 'new_article',
        title: `Novo artigo: ${article.title}`,
        body: article.excerpt,
        url: demoRoutes.content(article.slug),
        agoMs: 3 * DAY_MS,
        read: true,
      });
    const t2853 = ticket(2853);
    if (t2853)
      add(user('maria'), {
        type: 'ticket_created',
        title: 'Novo ticket #2853 — TechCorp LTDA',
        body: 'Dúvida sobre relatório (prioridade média, SLA de 8h).',
        url: demoRoutes.staffTicket(t2853.id),
        agoMs: 7 * HOUR_MS,
        read: false,
      });
    add(user('maria'), {
      type: 'renewal_due',
      title: 'Renovação de TechCorp LTDA em 60 dias',
      body: 'O contrato vence em 60 dias. Prepare a conversa de renovação.',
      url: demoRoutes.customer(tech.customer.id),
      agoMs: 9 * HOUR_MS,
      read: true,
    });
  }
  const riskNote = (key: string, recipient: DemoUser | undefined) => {
    const n = named.get(key);
    if (!n) return;
    add(recipient, {
      type: 'risk_alert',
      title: `Cliente em risco: ${n.customer.name}`,
      body: 'Novos fatores de risco detectados. Veja a recomendação e as ações sugeridas.',
      url: demoRoutes.customer(n.customer.id),
      agoMs: rng.int(2, 30) * HOUR_MS,
      read: key === 'agencia',
    });
  };
  if (orgKey === 'arco') {
    riskNote('startup', user('admin'));
    riskNote('agencia', user('maria'));
    riskNote('consultoria', user('joao'));
    add(user('admin'), {
      type: 'risk_alert',
      title: '12 clientes em risco',
      body: 'R$ 18.400 de MRR em risco no portfólio. Veja a lista priorizada.',
      url: demoRoutes.atRisk(),
      agoMs: 10 * HOUR_MS,
      read: false,
    });
    const shop = named.get('ecommerce');
    if (shop)
      add(user('pedro'), {
        type: 'renewal_due',
        title: `Renovação de ${shop.customer.name} em 60 dias`,
        body: 'Uso de licenças em 88%: leve uma proposta de expansão para a renovação.',
        url: demoRoutes.customer(shop.customer.id),
        agoMs: 30 * HOUR_MS,
        read: false,
      });
    const fintech = named.get('fintech');
    if (fintech && article)
      add(user('fintech'), {
        type: 'new_article',
        title: `Novo artigo: ${article.title}`,
        body: article.excerpt,
        url: demoRoutes.content(article.slug),
        agoMs: 3 * DAY_MS,
        read: false,
      });
    const startup = named.get('startup');
    const stale = startup?.documents.tickets?.find((t) => t.status === 'in_progress');
    if (stale)
      add(user('startup'), {
        type: 'ticket_answered',
        title: `Ticket #${stale.number} respondido`,
        body: 'Respondemos o seu ticket e aguardamos o seu retorno.',
        url: demoRoutes.ticket(stale.id),
        agoMs: 8 * DAY_MS,
        read: false,
      });
  } else {
    const first = [...named.values()][0];
    const ticket = first?.documents.tickets?.[0];
    if (first && ticket)
      add(user('admin'), {
        type: 'ticket_created',
        title: `Ticket #${ticket.number} — ${first.customer.name}`,
        body: ticket.subject,
        url: demoRoutes.staffTicket(ticket.id),
        agoMs: 6 * HOUR_MS,
        read: true,
      });
    if (article)
      add(user('outra-client'), {
        type: 'new_article',
        title: `Novo artigo: ${article.title}`,
        body: article.excerpt,
        url: demoRoutes.content(article.slug),
        agoMs: DAY_MS,
        read: false,
      });
  }
  return list.map((n) => {
    const createdMs = cal.nowMs - n.agoMs;
    return {
      id: rng.uuid(createdMs),
      updatedAt: cal.iso(createdMs),
      serverSeq: 0,
      clientUpdatedAt: cal.iso(createdMs),
      userId: n.user.id,
      type: n.type,
      title: n.title,
      body: n.body,
      url: n.url,
      readAt: n.read
        ? cal.iso(Math.min(cal.nowMs - MINUTE_MS, createdMs + rng.int(5, 120) * MINUTE_MS))
        : null,
      createdAt: cal.iso(createdMs),
    };
  });
}

// ------------------------------------------------------------------------------------------------ engagement

interface EngagementShape {
  /** Consecutive visit days ending today (0: the streak is broken). */
  streak: number;
  /** Share of the earlier days (last 120) with a visit. */
  density: number;
  /** Last visit this many days ago (when there is no current streak). */
  lastVisitDaysAgo: number;
  articlesRead: number;
  /** Videos watched to the end (dashboard §6A: TechCorp "12 artigos lidos • 3 vídeos assistidos"). */
  videosWatched?: number;
}

const SHAPES: Record<string, EngagementShape> = {
  techcorp: { streak: 12, density: 0.55, lastVisitDaysAgo: 0, articlesRead: 12, videosWatched: 3 },
  fintech: { streak: 3, density: 0.35, lastVisitDaysAgo: 0, articlesRead: 4 },
  startup: { streak: 0, density: 0.2, lastVisitDaysAgo: 14, articlesRead: 1 },
  'outra-client': { streak: 2, density: 0.25, lastVisitDaysAgo: 0, articlesRead: 1 },
};

/**
 * One engagement document per client user: visit days (TechCorp: a 12-day streak), reading progress, event
 * registrations and completed quick wins; XP and badges are derived with the shared gamification rules.
 */
export function buildEngagement(
  orgKey: OrgKey,
  seed: number,
  cal: Calendar,
  client: DemoUser & { key: string },
  customer: Customer,
  docs: Partial<DemoDocuments>,
  content: readonly Content[],
): Engagement {
  const rng = createRng(deriveSeed(seed, orgKey, 'engagement', client.key));
  const shape = SHAPES[client.key] ?? { streak: 1, density: 0.3, lastVisitDaysAgo: 0, articlesRead: 2 };
  const since = Math.max(cal.dayOf(customer.customerSince), cal.dayOfInstant(Date.parse(client.createdAt)));
  const days = new Set<number>();
  for (let k = 0; k < shape.streak; k++) days.add(cal.today - k);
  const lastVisit = cal.today - (shape.streak > 0 ? shape.streak + 1 : shape.lastVisitDaysAgo);
  if (shape.streak === 0) days.add(lastVisit);
  for (let d = lastVisit - 1; d >= Math.max(since, cal.today - 120); d--)
    if (rng.chance(shape.density)) days.add(d);
  const visitDays = [...days].sort((a, b) => a - b).map((d) => cal.date(d));

  const readable = content.filter(
    (c) => c.kind === 'article' || c.kind === 'video' || c.kind === 'case_study',
  );
  const reading: Engagement['reading'] = [];
  // Completed: the first articles and videos of the shape; then three pieces left half-read.
  const completed = [
    ...readable.filter((c) => c.kind === 'article').slice(0, shape.articlesRead),
    ...readable.filter((c) => c.kind === 'video').slice(0, shape.videosWatched ?? 0),
  ];
  const started = readable.filter((c) => !completed.includes(c)).slice(0, 3);
  [...completed, ...started].forEach((c, i) => {
    const publishedMs = Date.parse(c.publishedAt);
    const at = Math.min(cal.nowMs - HOUR_MS, publishedMs + rng.int(1, 10) * DAY_MS);
    const done = i < completed.length;
    reading.push({
      contentId: c.id,
      progress: done ? 100 : rng.int(10, 80),
      completedAt: done ? cal.iso(at) : null,
    });
  });
  const events = content.filter((c) => c.kind === 'event' && c.startsAt !== null);
  const eventRegistrations: Engagement['eventRegistrations'] = events
    .filter(() => shape.articlesRead >= 2)
    .map((e) => {
      const startsMs = Date.parse(e.startsAt as string);
      return {
        contentId: e.id,
        status: startsMs < cal.nowMs ? ('attended' as const) : ('registered' as const),
        registeredAt: cal.iso(Math.min(cal.nowMs - HOUR_MS, startsMs - 5 * DAY_MS)),
        waitlistPosition: null,
      };
    });
  const quickWins = (docs.actions ?? [])
    .filter((a) => a.type === 'quick_win' && a.status === 'completed' && a.completedAt !== null)
    .map((a) => ({ actionId: a.id, completedAt: a.completedAt as string }));
  const base = { visitDays, reading, eventRegistrations, quickWins };
  const nowIso = cal.nowIso;
  const evaluated = evaluateBadges({
    now: nowIso,
    timeZone: DEMO_TIME_ZONE,
    engagement: base,
    goals: (docs.goals ?? []) as Goal[],
    metrics: (docs.metrics ?? []) as Metrics[],
    industryConversionRate: INDUSTRY_CONVERSION_RATE,
    customerSince: customer.customerSince,
  });
  const { badges } = mergeBadges([], evaluated);
  const xp = computeXp({ engagement: { ...base, badges } }).total;
  const createdMs = Date.parse(client.createdAt);
  return {
    id: rng.uuid(createdMs),
    updatedAt: cal.iso(createdMs),
    serverSeq: 0,
    clientUpdatedAt: cal.iso(createdMs),
    userId: client.id,
    customerId: customer.id,
    timeZone: DEMO_TIME_ZONE,
    ...base,
    xp,
    badges,
  };
}

import type { Meeting } from '../../shared/entities/support.ts';
import type { Action, Campaign, Goal, Metrics } from '../../shared/entities/portal.ts';
import type { Invoice } from '../../shared/entities/billing.ts';
import { formatBRL, formatNumber } from './pt-br-format.ts';
import { DAY_MS, HOUR_MS } from './clock.ts';
import type { BuiltCustomer } from './context.ts';
import { TECHCORP_AB_TEST } from './marketing.ts';
import { demoRoutes } from './routes.ts';

// ------------------------------------------------------------------------------------------------ goals

/** The seed's "Metas do Mês" (dashboard §1C): 10K visits (reached), 50 leads (38/50), R$ 20K revenue (60 %). */
export const TECHCORP_GOALS = {
  traffic: { target: 10_000 },
  leads: { target: 50 },
  revenue: { targetCents: 2_000_000, currentCents: 1_200_000 },
} as const;

type GoalKind = 'traffic' | 'leads' | 'revenue';
const FIELD: Record<GoalKind, 'sessions' | 'leads' | 'revenueCents'> = {
  traffic: 'sessions',
  leads: 'leads',
  revenue: 'revenueCents',
};

function roundTo(value: number, step: number) {
  return Math.max(step, Math.round(value / step) * step);
}

/**
 * Monthly goals for the current and the previous month, tracked from the customer's own metrics (progress is
 * the cumulative value per day), so a goal's `currentValue` always matches the metrics it counts.
 */
export function buildGoals(b: BuiltCustomer, metrics: readonly Metrics[]): Goal[] {
  if (b.plan.profile === 'churned') return [];
  const { rng, org } = b;
  const { cal } = org;
  const techcorp = b.facts?.key === 'techcorp';
  const goals: Goal[] = [];
  for (const offset of [-1, 0]) {
    const key = cal.monthKey(cal.thisMonth, offset);
    const month = metrics.find((m) => m.month === key);
    if (!month) continue;
    const firstDay = cal.dayInMonth(cal.thisMonth, offset, 1);
    const monthDays = cal.daysInMonth(cal.monthOf(firstDay));
    const elapsed = month.days.length;
    for (const kind of ['traffic', 'leads', 'revenue'] as const) {
      let running = 0;
      let progress = month.days.map((d) => ({ date: d.date, value: (running += d[FIELD[kind]]) }));
      if (techcorp && offset === 0 && kind === 'revenue') {
        // The seed's revenue goal counts new-contract revenue (60 % of R$ 20K), not all site revenue.
        const scale = TECHCORP_GOALS.revenue.currentCents / Math.max(1, running);
        progress = progress.map((p) => ({ date: p.date, value: Math.round(p.value * scale) }));
        const last = progress[progress.length - 1];
        if (last) last.value = TECHCORP_GOALS.revenue.currentCents;
      }
      const current = progress[progress.length - 1]?.value ?? 0;
      const projected = (current / Math.max(1, elapsed)) * monthDays;
      const target =
        techcorp && offset === 0
          ? kind === 'traffic'
            ? TECHCORP_GOALS.traffic.target
            : kind === 'leads'
              ? TECHCORP_GOALS.leads.target
              : TECHCORP_GOALS.revenue.targetCents
          : kind === 'revenue'
            ? roundTo(projected * rng.float(0.85, 1.25), 100_000)
            : roundTo(projected * rng.float(0.85, 1.25), kind === 'traffic' ? 500 : 5);
      const reached = current >= target;
      const createdMs = cal.at(firstDay, 9);
      goals.push({
        id: rng.uuid(createdMs),
        updatedAt: cal.iso(createdMs),
        serverSeq: 0,
        clientUpdatedAt: cal.iso(createdMs),
        customerId: b.id,
        type: kind,
        title:
          kind === 'traffic'
            ? `${formatNumber(target, 0)} visitas no mês`
            : kind === 'leads'
              ? `${target} leads no mês`
              : techcorp && offset === 0
                ? `${formatBRL(target)} em novos contratos`
                : `${formatBRL(target)} em vendas online`,
        unit: kind === 'revenue' ? 'cents' : 'count',
        targetValue: target,
        currentValue: current,
        period: 'monthly',
        startDate: cal.date(firstDay),
        endDate: cal.date(firstDay + monthDays - 1),
        status: reached ? 'completed' : offset < 0 ? 'failed' : 'active',
        progress,
      });
    }
  }
  return goals;
}

// ------------------------------------------------------------------------------------------------ actions

interface ActionTemplate {
  type: Action['type'];
  title: string;
  description: string;
  impact: NonNullable<Action['estimatedImpact']>;
  time: string;
  url: string;
}

const URGENT: readonly ActionTemplate[] = [
  {
    type: 'urgent',
    title: 'Aprove os criativos da próxima campanha',
    description: 'A campanha começa em 2 dias e os anúncios ainda aguardam sua aprovação.',
    impact: 'high',
    time: '10min',
    url: demoRoutes.campaigns(),
  },
  {
    type: 'urgent',
    title: 'Leads novos aguardando contato',
    description: 'Leads contatados na primeira hora convertem até 7 vezes mais.',
    impact: 'high',
    time: '15min',
    url: demoRoutes.leads(),
  },
  {
    type: 'urgent',
    title: 'Confirme o orçamento de mídia do próximo mês',
    description: 'Sem confirmação, as campanhas pausam no dia 1º.',
    impact: 'high',
    time: '5min',
    url: demoRoutes.campaigns(),
  },
];
const INSIGHT: readonly ActionTemplate[] = [
  {
    type: 'insight',
    title: 'Seu custo por lead caiu 15% este mês',
    description:
      'As palavras-chave de cauda longa estão trazendo leads mais baratos; vale ampliar o orçamento nelas.',
    impact: 'medium',
    time: '5min',
    url: demoRoutes.performance(),
  },
  {
    type: 'insight',
    title: 'Terças e quartas concentram 40% das conversões',
    description: 'Concentrar orçamento nesses dias pode aumentar o retorno sem gastar mais.',
    impact: 'medium',
    time: '5min',
    url: demoRoutes.performance(),
  },
  {
    type: 'insight',
    title: 'Tráfego orgânico cresceu 22%',
    description: 'Conteúdos do blog estão ranqueando; um investimento em SEO pode acelerar esse resultado.',
    impact: 'medium',
    time: '10min',
    url: demoRoutes.performance(),
  },
];
const QUICK_WIN: readonly ActionTemplate[] = [
  {
    type: 'quick_win',
    title: 'Ative o remarketing para carrinhos abandonados',
    description: 'Um clique para recuperar visitantes que quase compraram.',
    impact: 'high',
    time: '5min',
    url: demoRoutes.campaigns(),
  },
  {
    type: 'quick_win',
    title: 'Cadastre as palavras-chave negativas sugeridas',
    description: '12 termos estão gastando orçamento sem converter.',
    impact: 'medium',
    time: '10min',
    url: demoRoutes.campaigns(),
  },
  {
    type: 'quick_win',
    title: 'Conecte o WhatsApp aos formulários',
    description: 'Leads recebem resposta imediata e você é avisado na hora.',
    impact: 'medium',
    time: '5min',
    url: demoRoutes.leads(),
  },
  {
    type: 'quick_win',
    title: 'Atualize o horário no Google Meu Negócio',
    description: 'Informações corretas aumentam as ligações vindas do Maps.',
    impact: 'low',
    time: '2min',
    url: demoRoutes.performance(),
  },
];

const TECHCORP_ACTIONS: readonly ActionTemplate[] = [
  {
    type: 'urgent',
    title: 'Meta Ads "Retargeting" precisa de otimização',
    description:
      '94% do orçamento já foi gasto e as conversões caíram em relação a ontem. Revise públicos e criativos.',
    impact: 'high',
    time: '30min',
    url: demoRoutes.campaigns(),
  },
  {
    type: 'insight',
    title: `Variante B "${TECHCORP_AB_TEST.variantB.name}" converte mais`,
    description:
      'No teste da Hero Section, a variante B converte 3,1% contra 2,3% da A. Implementar em toda a campanha?',
    impact: 'high',
    time: '5min',
    url: demoRoutes.campaigns(),
  },
  {
    type: 'quick_win',
    title: 'Ligue hoje para Carlos Mendes',
    description: 'Lead com score 85/100 pediu proposta ontem: alta probabilidade de conversão.',
    impact: 'high',
    time: '15min',
    url: demoRoutes.leads(),
  },
];

/** Action cards: one pending card of each type, plus a few the client already completed or dismissed. */
export function buildActions(
  b: BuiltCustomer,
  invoices: readonly Invoice[],
  campaigns: readonly Campaign[],
): Action[] {
  if (b.plan.profile === 'churned') return [];
  const { rng } = b;
  const { cal } = b.org;
  const actions: Action[] = [];
  const push = (
    t: ActionTemplate,
    priority: number,
    createdMs: number,
    status: Action['status'] = 'pending',
  ) => {
    const doneMs = Math.min(cal.nowMs - HOUR_MS, createdMs + rng.int(2, 72) * HOUR_MS);
    actions.push({
      id: rng.uuid(createdMs),
      updatedAt: cal.iso(createdMs),
      serverSeq: 0,
      clientUpdatedAt: cal.iso(createdMs),
      customerId: b.id,
      title: t.title,
      description: t.description,
      type: t.type,
      priority,
      status,
      estimatedImpact: t.impact,
      estimatedTime: t.time,
      url: t.url,
      completedAt: status === 'completed' ? cal.iso(doneMs) : null,
      dismissedAt: status === 'dismissed' ? cal.iso(doneMs) : null,
      createdAt: cal.iso(createdMs),
    });
  };
  const recent = () => cal.nowMs - rng.int(2, 96) * HOUR_MS;
  if (b.facts?.key === 'techcorp') {
    TECHCORP_ACTIONS.forEach((t, i) => push(t, 9 - i * 2, recent()));
    // Quick wins done earlier this week (they count for the ⚡ badge and the client's XP).
    for (let k = 0; k < 3; k++)
      push(QUICK_WIN[k] as ActionTemplate, 4, cal.nowMs - (k + 2) * DAY_MS, 'completed');
    push(INSIGHT[1] as ActionTemplate, 3, cal.nowMs - 9 * DAY_MS, 'dismissed');
    return actions;
  }
  const pending = invoices.find((i) => i.status === 'pending' || i.status === 'overdue');
  if (pending) {
    push(
      {
        type: 'urgent',
        title: pending.status === 'overdue' ? 'Fatura em atraso' : 'Fatura vence em breve',
        description: `${pending.description}: ${formatBRL(pending.amountCents)} com vencimento em ${pending.dueDate.split('-').reverse().join('/')}.`,
        impact: 'high',
        time: '2min',
        url: demoRoutes.invoice(pending.id),
      },
      10,
      recent(),
    );
  } else {
    push(rng.pick(URGENT), rng.int(8, 10), recent());
  }
  const ab = campaigns.flatMap((c) => c.abTests).find((t) => t.status === 'running');
  push(
    ab
      ? {
          type: 'insight',
          title: `Teste A/B "${ab.name}" já tem resultado parcial`,
          description: `A variante "${ab.variantB.name}" está sendo comparada com "${ab.variantA.name}". Confira se já há um vencedor.`,
          impact: 'medium',
          time: '5min',
          url: demoRoutes.campaigns(),
        }
      : rng.pick(INSIGHT),
    rng.int(5, 7),
    recent(),
  );
  push(rng.pick(QUICK_WIN), rng.int(3, 5), recent());
  const history = rng.int(0, 2);
  for (let k = 0; k < history; k++) {
    push(
      rng.pick(QUICK_WIN),
      rng.int(2, 5),
      cal.nowMs - rng.int(5, 40) * DAY_MS,
      rng.chance(0.7) ? 'completed' : 'dismissed',
    );
  }
  return actions;
}

// ------------------------------------------------------------------------------------------------ meetings

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function meetLink(b: BuiltCustomer): string {
  const part = (n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) s += LETTERS[b.rng.int(0, 25)];
    return s;
  };
  return `https://meet.google.com/${part(3)}-${part(4)}-${part(3)}`;
}

const MEETING_TITLES = [
  'Reunião mensal de resultados',
  'Planejamento de campanhas',
  'QBR — revisão trimestral',
  'Alinhamento de metas',
];

/**
 * Meetings with the account manager (the customer's CSM, or the admin when there is none): the last one held
 * and, for most active customers, the next one. TechCorp mirrors the seed's "Última reunião 15/09 · Próxima
 * 20/10 às 15h" (19 days ago and 16 days ahead).
 */
export function buildMeetings(b: BuiltCustomer): Meeting[] {
  const { rng, plan } = b;
  const { cal } = b.org;
  const techcorp = b.facts?.key === 'techcorp';
  const meetings: Meeting[] = [];
  const meeting = (
    m: Partial<Meeting> & Pick<Meeting, 'title' | 'scheduledAt' | 'status'>,
    createdMs: number,
  ): Meeting => ({
    id: rng.uuid(createdMs),
    updatedAt: cal.iso(createdMs),
    serverSeq: 0,
    clientUpdatedAt: cal.iso(createdMs),
    customerId: b.id,
    accountManagerId: b.owner.id,
    description: null,
    durationMinutes: 60,
    meetingLink: meetLink(b),
    notes: null,
    clientRequest: null,
    requestAnswer: null,
    completedAt: null,
    ...m,
  });
  const end = b.churnDay ?? cal.today;
  const pastDay = techcorp ? cal.today - 19 : end - rng.int(12, 40);
  if (pastDay > b.sinceDay) {
    const at = cal.at(pastDay, 15);
    meetings.push(
      meeting(
        {
          title: techcorp ? 'Reunião mensal de resultados' : rng.pick(MEETING_TITLES),
          description: 'Resultados do mês, próximos passos e orçamento.',
          scheduledAt: cal.iso(at),
          status: 'completed',
          completedAt: cal.iso(at + HOUR_MS),
          notes: techcorp
            ? 'Cliente satisfeito com o crescimento de tráfego; pediu o comparativo trimestral de leads no próximo relatório.'
            : 'Apresentados os resultados do mês; cliente pediu foco em geração de leads.',
        },
        at - 7 * DAY_MS,
      ),
    );
  }
  if (b.facts?.key === 'startup') {
    // StartupXYZ did not show up to its last two reviews (still "scheduled", never held): missed meetings.
    for (const day of [cal.today - 51, cal.today - 23]) {
      const at = cal.at(day, 10);
      meetings.push(
        meeting(
          {
            title: 'Revisão de resultados',
            description: 'Revisão dos resultados e do uso da plataforma.',
            scheduledAt: cal.iso(at),
            status: 'scheduled',
          },
          at - 6 * DAY_MS,
        ),
      );
    }
  }
  if (plan.profile !== 'churned' && rng.chance(0.12)) {
    const day = end - rng.int(45, 80);
    if (day > b.sinceDay) {
      const at = cal.at(day, 10);
      meetings.push(
        meeting(
          {
            title: rng.pick(MEETING_TITLES),
            scheduledAt: cal.iso(at),
            status: 'cancelled',
            notes: 'Cancelada pelo cliente.',
          },
          at - 5 * DAY_MS,
        ),
      );
    }
  }
  if (plan.profile !== 'churned' && (techcorp || (b.csm !== null && rng.chance(0.7)))) {
    const day = techcorp ? cal.today + 16 : cal.today + rng.int(2, 25);
    const at = cal.at(day, techcorp ? 15 : rng.pick([9, 10, 11, 14, 15, 16]));
    const createdMs = cal.nowMs - rng.int(1, 10) * DAY_MS;
    const request =
      b.facts?.key === 'fintech' && b.clientUser
        ? {
            type: 'reschedule' as const,
            proposedAt: cal.iso(at + 2 * DAY_MS),
            reason: 'Conflito com o fechamento do mês; pode ser dois dias depois?',
            requestedAt: cal.iso(cal.nowMs - 5 * HOUR_MS),
            requestedBy: b.clientUser.id,
          }
        : null;
    meetings.push(
      meeting(
        {
          title: techcorp ? 'Reunião mensal de resultados' : rng.pick(MEETING_TITLES),
          description: 'Pauta: resultados, testes A/B em andamento e planejamento do próximo mês.',
          scheduledAt: cal.iso(at),
          status: 'scheduled',
          clientRequest: request,
        },
        createdMs,
      ),
    );
  }
  return meetings;
}

import type { Activity } from '../../shared/entities/csm.ts';
import type { Invoice } from '../../shared/entities/billing.ts';
import type { Meeting, Ticket } from '../../shared/entities/support.ts';
import { formatBRL } from './pt-br-format.ts';
import { DAY_MS, MINUTE_MS } from './clock.ts';
import type { BuiltCustomer } from './context.ts';
import type { NamedKey } from './portfolio.ts';
import { NEED_MENTIONS, NPS_COMMENTS } from './vocabulary.ts';

type Metadata = Activity['metadata'];

const CALLS = [
  {
    title: 'Ligação de acompanhamento',
    text: 'Revisamos os resultados do mês; cliente satisfeito com a evolução dos leads.',
  },
  { title: 'Alinhamento de campanhas', text: 'Definimos as prioridades de mídia para as próximas semanas.' },
  { title: 'Check-in mensal', text: 'Cliente pediu mais detalhes sobre o custo por lead no relatório.' },
  {
    title: 'Ligação sobre orçamento',
    // No service named: a routine budget call is not a cross-sell lead (shared/domain/csm/needs.ts reads notes).
    text: 'Discutimos redistribuir o orçamento entre as campanhas em andamento.',
  },
] as const;
const EMAILS = [
  'Relatório mensal de desempenho',
  'Proposta de otimização de campanhas',
  'Convite: webinar de estratégias de mídia',
  'Resumo da reunião e próximos passos',
  'Pesquisa de satisfação',
] as const;
const NOTES = [
  'Cliente prefere receber os relatórios em PDF por e-mail.',
  'Equipe de marketing do cliente foi reestruturada; novo analista assume o dia a dia.',
  'Pediram para evitar reuniões às segundas-feiras.',
] as const;
const UNANSWERED_SUBJECTS = [
  'Relatório de desempenho — sentimos sua falta no painel',
  'Podemos conversar sobre os resultados?',
  'Convite para sessão de treinamento gratuita',
] as const;

/**
 * The named customers' outbound e-mails of the last 90 days, as [days ago, replied] (the engagement scores of
 * customers spec §2.1–2.4 through the shared rule, health.ts): TechCorp answered six of seven (86 %: with every
 * meeting attended and NPS 9, engagement 92); AgênciaDigital answers e-mails (its risk is elsewhere); StartupXYZ
 * has only the three unanswered ones.
 */
const RECENT_EMAILS: Partial<Record<NamedKey, readonly (readonly [number, boolean])[]>> = {
  techcorp: [
    [84, true],
    [71, true],
    [58, true],
    [45, false],
    [32, true],
    [19, true],
    [8, true],
  ],
  agencia: [
    [80, true],
    [52, true],
    [24, true],
  ],
  startup: [],
};

/**
 * The CSM timeline of one customer for the last 12 months: calls, e-mails, meetings, notes, NPS answers,
 * tickets, contracts and payments. Encodes the engagement-related risk factors exactly (see portfolio.ts):
 * executive touchpoints only up to `lastExecutiveDay`, the last three outbound e-mails unanswered only for
 * `unanswered_emails`, and the NPS history drawn in the customer context.
 */
export function buildActivities(
  b: BuiltCustomer,
  docs: { tickets: readonly Ticket[]; meetings: readonly Meeting[]; invoices: readonly Invoice[] },
): Activity[] {
  const { rng, org, facts } = b;
  const { cal } = org;
  const latestMs = cal.nowMs - 5 * MINUTE_MS;
  const end = b.churnDay ?? cal.today;
  const start = Math.max(b.sinceDay, cal.today - 365);
  const activities: Activity[] = [];
  const dm = b.decisionMaker;
  const dmName = `${dm.firstName} ${dm.lastName ?? ''}`.trim();
  const add = (
    type: Activity['type'],
    occurredMs: number,
    title: string,
    description: string | null,
    metadata: Metadata,
    performer: { id: string; name: string } | null = b.owner,
    performerName: string | null = performer?.name ?? null,
  ) => {
    const at = Math.min(latestMs, occurredMs);
    activities.push({
      id: rng.uuid(at),
      updatedAt: cal.iso(at),
      serverSeq: 0,
      clientUpdatedAt: cal.iso(at),
      customerId: b.id,
      type,
      title,
      description,
      performedBy: performer?.id ?? null,
      performedByName: performerName,
      occurredAt: cal.iso(at),
      metadata,
      signalId: null,
      dueAt: null,
      completedAt: null,
      assignedTo: null,
      ticketId: null,
    });
  };
  const hourOf = () => cal.at(0, rng.int(9, 17), rng.int(0, 59)) - cal.at(0, 0);

  // Contracts signed (also the ones before the 12-month window: they anchor the timeline).
  for (const c of b.customer.contracts) {
    if (c.signedAt) {
      add(
        'contract_signed',
        Date.parse(c.signedAt),
        `Contrato assinado: ${c.name}`,
        `${c.contractNumber} — ${c.monthlyValueCents > 0 ? `${formatBRL(c.monthlyValueCents)}/mês` : `${formatBRL(c.totalValueCents)} (único)`}`,
        { contractNumber: c.contractNumber, contractId: c.id },
      );
    }
  }
  // TechCorp's API Access amendment is the signing of CTR-2024-0045 above (it supersedes the R$ 4.000 license).

  // Regular calls; executive only before the last executive touchpoint, which is added on its own below.
  for (let day = start + rng.int(5, 35); day < end - 1; day += rng.int(25, 50)) {
    const call = rng.pick(CALLS);
    const executive = day < b.lastExecutiveDay - 2 && rng.chance(0.3);
    add(
      'call',
      cal.at(day, 0) + hourOf(),
      executive ? `${call.title} com ${dmName}` : call.title,
      call.text,
      {
        durationMinutes: rng.int(10, 45),
        executive,
        contactId: executive ? dm.id : b.primaryContact.id,
      },
    );
  }
  if (b.lastExecutiveDay >= b.sinceDay) {
    const techcorp = facts?.key === 'techcorp';
    add(
      techcorp ? 'call' : rng.pick(['call', 'meeting'] as const),
      cal.at(b.lastExecutiveDay, 14, 30),
      techcorp ? `Ligação com ${dmName} (CEO)` : `Alinhamento executivo com ${dmName}`,
      techcorp
        ? 'Muito satisfeitos com a plataforma, discutimos expansão para RH.'
        : 'Revisão de resultados e metas com a diretoria.',
      { durationMinutes: 30, executive: true, contactId: dm.id },
    );
  }

  // E-mails: mostly answered; the unanswered-e-mails risk ends with three outbound e-mails without reply.
  // The named customers' last 90 days are written out below (their engagement scores: health.ts).
  const unanswered = b.risks.has('unanswered_emails');
  const recentEmails = facts ? RECENT_EMAILS[facts.key] : undefined;
  const emailEnd = recentEmails ? cal.today - 91 : unanswered ? end - 25 : end;
  const outbound: Activity[] = [];
  for (let day = start + rng.int(1, 20); day < emailEnd; day += rng.int(18, 35)) {
    const inbound = rng.chance(0.2);
    const replied = inbound ? null : rng.chance(b.plan.profile === 'healthy' ? 0.85 : 0.6);
    add(
      'email',
      cal.at(day, 0) + hourOf(),
      inbound ? `Re: ${rng.pick(EMAILS)}` : rng.pick(EMAILS),
      null,
      {
        direction: inbound ? 'inbound' : 'outbound',
        replied,
        contactId: b.primaryContact.id,
      },
      inbound ? null : b.owner,
      inbound ? `${b.primaryContact.firstName} ${b.primaryContact.lastName ?? ''}`.trim() : b.owner.name,
    );
    if (!inbound) outbound.push(activities[activities.length - 1] as Activity);
  }
  // The latest outbound e-mail before the unanswered ones got a reply: the streak is exactly the planned three.
  const last = outbound[outbound.length - 1];
  if (last) last.metadata = { ...last.metadata, replied: true };
  recentEmails?.forEach(([d, replied], i) =>
    add('email', cal.at(cal.today - d, 10, 40), EMAILS[i % EMAILS.length] as string, null, {
      direction: 'outbound',
      replied,
      contactId: b.primaryContact.id,
    }),
  );
  if (unanswered) {
    const days = facts ? [16, 10, 4] : rng.sample([3, 6, 9, 12, 15, 18, 21], 3).sort((x, y) => y - x);
    days.forEach((d, i) =>
      add('email', cal.at(cal.today - d, 10, 15), UNANSWERED_SUBJECTS[i] as string, null, {
        direction: 'outbound',
        replied: false,
        contactId: b.primaryContact.id,
      }),
    );
  }
  if (facts?.key === 'techcorp') {
    add(
      'email',
      cal.nowMs - 5 * DAY_MS,
      'Email enviado: Newsletter mensal',
      'Newsletter mensal com novidades da plataforma.',
      {
        direction: 'outbound',
        replied: false,
        bulk: true,
        contactId: b.primaryContact.id,
      },
    );
  }

  // Meetings held with the account manager.
  for (const m of docs.meetings) {
    if (m.status !== 'completed') continue;
    const at = Date.parse(m.scheduledAt);
    add('meeting', at, m.title, m.notes, {
      meetingId: m.id,
      durationMinutes: m.durationMinutes,
      attended: true,
      executive: cal.dayOfInstant(at) <= b.lastExecutiveDay,
    });
  }

  // NPS answers: the last two are the context's previous/latest; older ones hover around the previous.
  const nps = b.nps;
  const latestDay = Math.max(
    b.sinceDay + 3,
    facts?.key === 'consultoria'
      ? cal.today - 12
      : facts?.key === 'techcorp'
        ? cal.today - 40
        : Math.min(end, cal.today) - rng.int(10, 45),
  );
  const npsDays: [number, number][] = [[latestDay, nps.latest]];
  if (nps.previous !== null) {
    let day = latestDay - (b.risks.has('nps_drop') ? rng.int(60, 100) : rng.int(80, 100));
    if (b.risks.has('nps_drop')) day = Math.max(b.sinceDay + 1, day);
    if (day >= b.sinceDay && day < latestDay) {
      npsDays.push([day, nps.previous]);
      for (day -= rng.int(80, 100); day >= start; day -= rng.int(80, 100)) {
        npsDays.push([day, Math.min(10, Math.max(0, nps.previous + rng.int(-1, 1)))]);
      }
    }
  }
  const npsBy =
    b.primaryContact.leftCompanyAt && b.primaryContact.leftCompanyAt < cal.iso(cal.at(latestDay, 0))
      ? dm
      : b.primaryContact;
  for (const [day, score] of npsDays) {
    const kind = score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
    const comment =
      facts?.key === 'consultoria' && day === latestDay
        ? NPS_COMMENTS.detractor[0]
        : rng.pick(NPS_COMMENTS[kind]);
    add(
      'nps_response',
      cal.at(day, 0) + hourOf(),
      `NPS ${score}`,
      comment,
      { npsScore: score, contactId: npsBy.id },
      null,
      `${npsBy.firstName} ${npsBy.lastName ?? ''}`.trim(),
    );
  }

  // Notes, including needs the customer mentioned (the cross-sell detector reads these texts).
  for (const need of b.mentionedNeeds) {
    add(
      'note',
      cal.at(Math.max(b.sinceDay, cal.today - rng.int(3, 45)), 0) + hourOf(),
      'Anotação de conversa',
      rng.pick(NEED_MENTIONS[need]),
      {},
    );
  }
  if (facts?.key === 'consultoria') {
    const left = b.customer.contacts.find((c) => c.leftCompanyAt !== null);
    if (left?.leftCompanyAt) {
      add(
        'note',
        Date.parse(left.leftCompanyAt) + DAY_MS,
        'Mudança no contato principal',
        `${left.firstName} ${left.lastName ?? ''} saiu da empresa; ${dmName} assume a diretoria de operações. Precisamos reconstruir o relacionamento.`,
        {},
      );
    }
  } else if (facts?.key === 'agencia') {
    add(
      'note',
      cal.nowMs - 6 * DAY_MS,
      'Baixa adoção',
      'Time usa só 28 das 60 licenças; o diretor não participa das reuniões desde o último QBR.',
      {},
    );
  } else if (rng.chance(0.4)) {
    add('note', cal.at(rng.int(start, end), 0) + hourOf(), 'Anotação', rng.pick(NOTES), {});
  }

  // Tickets (with the CSAT of resolved ones) and the latest payment.
  for (const t of docs.tickets) {
    const at = Date.parse(t.createdAt);
    if (cal.dayOfInstant(at) < start) continue;
    const solved = t.status === 'resolved' || t.status === 'closed';
    // TechCorp rates its tickets 4,8/5 (spec §2.2: CSAT 95); StartupXYZ's answers were poorly rated.
    const rating = !solved
      ? null
      : facts?.key === 'techcorp'
        ? 4.8
        : facts?.key === 'startup'
          ? 1.5
          : rng.pick([3, 4, 4.5, 5, 5]);
    add(
      'support_ticket',
      at,
      `Ticket #${t.number}: ${t.subject}`,
      solved
        ? `Resolvido${rating === null ? '' : ` — avaliação ${String(rating).replace('.', ',')}/5`}`
        : 'Em aberto',
      {
        ticketId: t.id,
        ticketNumber: t.number,
        priority: t.priority,
        status: t.status,
        rating,
      },
      null,
      b.clientUser?.name ?? null,
    );
  }
  const lastPaid = [...docs.invoices].reverse().find((i) => i.status === 'paid');
  if (lastPaid?.payments.length) {
    const paidAt = lastPaid.payments[lastPaid.payments.length - 1]?.paidAt;
    if (paidAt)
      add(
        'payment_received',
        Date.parse(paidAt),
        `Pagamento recebido: ${lastPaid.number}`,
        `${lastPaid.description} — ${formatBRL(lastPaid.amountCents)}`,
        { invoiceId: lastPaid.id, amountCents: lastPaid.amountCents },
        null,
        null,
      );
  }

  activities.sort((x, y) => (x.occurredAt < y.occurredAt ? -1 : x.occurredAt > y.occurredAt ? 1 : 0));
  return activities;
}

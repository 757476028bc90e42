import { DEFAULT_FIRST_RESPONSE_MINUTES } from '../../shared/domain/portal/sla.ts';
import type { Ticket, TicketMessage, TicketPriority } from '../../shared/entities/support.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './clock.ts';
import type { BuiltCustomer } from './context.ts';
import { DEFAULT_NEEDS, mentionsNeed } from '../../shared/domain/csm/needs.ts';
import { CLIENT_FOLLOW_UPS, SUPPORT_REPLIES, SUPPORT_SUBJECTS } from './vocabulary.ts';

/** At most this many tickets per customer, so numbers `3000 + 8·index + k` never collide. */
const TICKET_SLOTS = 8;
/** Tickets an unflagged customer may open in the last 30 days (5 is the "many tickets" risk factor). */
const CALM_TICKETS_30D = 3;

interface TicketPlan {
  number: number;
  subject: string;
  body: string;
  priority: TicketPriority;
  createdMs: number;
  status: Ticket['status'];
  /** Minutes to the first support answer (null: not answered yet). */
  firstResponseMinutes: number | null;
  resolvedMs: number | null;
}

/** The seed's tickets (dashboard §7A) plus TechCorp's "resolved 1 week ago, 4.8/5" and an older one. */
function techCorpPlans(b: BuiltCustomer): TicketPlan[] {
  const { nowMs } = b.org.cal;
  return [
    {
      number: 2790,
      subject: 'Integração com o CRM',
      body: 'Os leads não estão chegando no nosso CRM desde a atualização.',
      priority: 'high',
      createdMs: nowMs - 58 * DAY_MS,
      status: 'closed',
      firstResponseMinutes: 95,
      resolvedMs: nowMs - 57 * DAY_MS,
    },
    {
      number: 2831,
      subject: 'Acesso de novo usuário',
      body: 'Podem liberar acesso ao painel para nossa nova analista?',
      priority: 'low',
      createdMs: nowMs - 8 * DAY_MS,
      status: 'resolved',
      firstResponseMinutes: 40,
      resolvedMs: nowMs - 7 * DAY_MS,
    },
    {
      number: 2847,
      subject: 'Ajuste em campanha',
      body: 'Precisamos pausar o anúncio de inverno e ativar o de primavera.',
      priority: 'high',
      createdMs: nowMs - 26 * HOUR_MS,
      status: 'resolved',
      firstResponseMinutes: 50,
      resolvedMs: nowMs - 2 * HOUR_MS,
    },
    // "Em andamento (SLA: 1h)": medium priority (8 h to first response), opened 7 h ago, not answered yet.
    {
      number: 2853,
      subject: 'Dúvida sobre relatório',
      body: 'Os números de conversão do relatório não batem com o Google Analytics.',
      priority: 'medium',
      createdMs: nowMs - 7 * HOUR_MS,
      status: 'in_progress',
      firstResponseMinutes: null,
      resolvedMs: null,
    },
  ];
}

/**
 * Subjects that name no service the agency sells: the seed's at-risk customers (customers spec §2.4) complain
 * about their service, they are no cross-sell lead (the detector reads ticket titles: shared/domain/csm/needs.ts).
 */
const ROUTINE_SUBJECTS = SUPPORT_SUBJECTS.filter(
  (s) => !DEFAULT_NEEDS.some((need) => mentionsNeed(s.subject, need)),
);

function genericPlans(b: BuiltCustomer): TicketPlan[] {
  const { rng, plan } = b;
  const { cal } = b.org;
  const end = b.churnDay ?? cal.today;
  const start = Math.max(b.sinceDay, cal.today - 365);
  const slots: { day: number; unresolved: boolean }[] = [];
  if (b.risks.has('ticket_surge')) {
    const recent = b.facts ? [2, 6, 11, 17, 25] : rng.sample([1, 3, 5, 8, 12, 15, 19, 22, 26, 28], 5);
    slots.push(...recent.map((d) => ({ day: cal.today - d, unresolved: false })));
  }
  if (b.risks.has('stale_ticket')) {
    slots.push({ day: cal.today - (b.facts ? 9 : rng.int(9, 20)), unresolved: true });
  }
  if (b.facts?.key === 'startup') {
    // Two resolved tickets StartupXYZ rated poorly (activities.ts): its support score, health 42 (health.ts).
    slots.push({ day: cal.today - 20, unresolved: false }, { day: cal.today - 60, unresolved: false });
  }
  const background =
    plan.profile === 'healthy' ? rng.int(0, 3) : plan.profile === 'churned' ? rng.int(1, 3) : rng.int(1, 3);
  for (let k = 0; k < background && slots.length < TICKET_SLOTS; k++) {
    slots.push({ day: rng.int(start, end), unresolved: false });
  }
  slots.sort((x, y) => x.day - y.day);
  if (!b.risks.has('ticket_surge')) {
    // Push extra recent tickets back a month so only the flagged customers reach 5 in 30 days.
    const recent = slots.filter((s) => s.day >= cal.today - 31);
    for (const s of recent.slice(0, Math.max(0, recent.length - CALM_TICKETS_30D))) s.day -= 35;
  }
  return slots
    .filter((s) => s.day >= b.sinceDay || s.unresolved)
    .map(({ day, unresolved }, k) => {
      const t = rng.pick(b.facts && plan.profile === 'flagged' ? ROUTINE_SUBJECTS : SUPPORT_SUBJECTS);
      const priority = rng.weighted<TicketPriority>([
        ['low', 25],
        ['medium', 45],
        ['high', 22],
        ['urgent', 8],
      ]);
      const hour = rng.int(8, 18);
      // The stale ticket opens early in the morning, so "9 days ago" is 9 whole days (StartupXYZ, §2.4).
      const createdMs = Math.min(
        cal.nowMs - 30 * MINUTE_MS,
        cal.at(day, unresolved ? 8 : hour, rng.int(0, 59)),
      );
      const ageDays = (cal.nowMs - createdMs) / DAY_MS;
      let status: Ticket['status'];
      if (unresolved) status = 'in_progress';
      else if (ageDays < 5)
        status = rng.weighted<Ticket['status']>([
          ['open', 2],
          ['in_progress', 3],
          ['waiting_client', 1],
          ['resolved', 3],
        ]);
      else status = ageDays > 30 && rng.chance(0.6) ? 'closed' : 'resolved';
      const answered = status !== 'open';
      const firstResponseMinutes = answered ? rng.int(10, priority === 'low' ? 900 : 300) : null;
      const resolvedMs =
        status === 'resolved' || status === 'closed'
          ? Math.min(cal.nowMs - 10 * MINUTE_MS, createdMs + rng.int(2, 72) * HOUR_MS)
          : null;
      return {
        number: 3000 + b.plan.index * TICKET_SLOTS + k,
        subject: t.subject,
        body: t.body,
        priority,
        createdMs,
        status,
        firstResponseMinutes,
        resolvedMs,
      };
    });
}

/**
 * Support tickets with their conversation. Unflagged customers have no ticket unresolved for a week and at most
 * three in 30 days; the flagged ones exhibit exactly their planned ticket risks.
 */
export function buildTickets(b: BuiltCustomer): Ticket[] {
  const { rng } = b;
  const { cal } = b.org;
  const plans = b.facts?.key === 'techcorp' ? techCorpPlans(b) : genericPlans(b);
  const client = b.clientUser;
  const senderId = client?.id ?? b.primaryContact.id;
  const senderName =
    client?.name ?? `${b.primaryContact.firstName} ${b.primaryContact.lastName ?? ''}`.trim();
  return plans.map((p) => {
    const createdAt = cal.iso(p.createdMs);
    const messages: TicketMessage[] = [
      { id: rng.uuid(p.createdMs), senderType: 'client', senderId, senderName, body: p.body, createdAt },
    ];
    let firstResponseAt: string | null = null;
    if (p.firstResponseMinutes !== null) {
      const at = Math.min(cal.nowMs - MINUTE_MS, p.createdMs + p.firstResponseMinutes * MINUTE_MS);
      firstResponseAt = cal.iso(at);
      messages.push({
        id: rng.uuid(at),
        senderType: 'support',
        senderId: b.owner.id,
        senderName: b.owner.name,
        body: rng.pick(SUPPORT_REPLIES),
        createdAt: firstResponseAt,
      });
      if (p.resolvedMs !== null && p.resolvedMs > at + MINUTE_MS && rng.chance(0.6)) {
        const followMs = at + Math.floor((p.resolvedMs - at) / 2);
        messages.push({
          id: rng.uuid(followMs),
          senderType: 'client',
          senderId,
          senderName,
          body: rng.pick(CLIENT_FOLLOW_UPS),
          createdAt: cal.iso(followMs),
        });
      }
    }
    return {
      id: rng.uuid(p.createdMs),
      updatedAt: createdAt,
      serverSeq: 0,
      clientUpdatedAt: createdAt,
      customerId: b.id,
      number: p.number,
      subject: p.subject,
      description: p.body,
      priority: p.priority,
      status: p.status,
      assignedTo: b.owner.id,
      // The shared SLA rule with its default policy (calendar time): createdAt + the priority's first-response
      // budget. Computed here because `slaDeadline` parses its input per call; the tests compare the two.
      slaDeadline: cal.iso(p.createdMs + DEFAULT_FIRST_RESPONSE_MINUTES[p.priority] * MINUTE_MS),
      firstResponseAt,
      resolvedAt: p.resolvedMs === null ? null : cal.iso(p.resolvedMs),
      createdBy: client?.id ?? null,
      createdAt,
      messages,
      channel: 'ticket',
    };
  });
}

import type { DomainTextResources } from './render.ts';

/** English (US-style numbers and dates; money stays in BRL, the agency's currency). */
const RISK_THRESHOLDS = {
  no_login: 'No login for more than 14 days',
  usage_drop: 'Usage fell more than 50% last month',
  unanswered_emails: 'No reply to the last 3 e-mails',
  stale_ticket: 'Support ticket unresolved for more than 7 days',
  low_capacity_usage: 'Usage below 50% of capacity',
  no_executive_engagement: 'No contact with an executive for more than 30 days',
  renewal_soon: 'Contract renewal within 60 days',
  ticket_surge: 'Opened 5 or more support tickets in 30 days',
  nps_drop: 'NPS fell 2 points or more',
  main_contact_left: 'Main contact left the company',
} as const;

const DIRECTION = { raises: 'raises the risk', lowers: 'lowers the risk', neutral: 'neutral' } as const;
const PLAN = { pro: 'Pro', enterprise: 'Enterprise' } as const;
const TIER = { starter: 'Starter', pro: 'Pro' } as const;
const ADOPTION = ' and propose training to raise adoption.';

const PLAYBOOK_NAMES = {
  'risco-critico': 'Critical churn risk',
  'cliente-em-risco': 'Customer at risk',
  'contato-principal-saiu': 'Main contact left',
} as const;
const PLAYBOOK_TASKS = {
  'ligacao-emergencia': {
    title: 'Emergency call within 24 h',
    description: 'Call the decision maker: understand the cancellation risk and agree a plan.',
  },
  'treinamento-gratuito': {
    title: 'Offer free training',
    description: 'A free training session to re-engage the customer’s team.',
  },
  'agendar-qbr': {
    title: 'Schedule a QBR with the decision maker',
    description: 'Quarterly review before the renewal: show the ROI and propose training.',
  },
  'novo-contato': {
    title: 'Introduce yourself to the new main contact',
    description: 'Redo the executive onboarding and map new champions.',
  },
} as const;

export const en: DomainTextResources = {
  intlLocale: 'en-US',
  factorNames: {
    loginFrequency: 'Login frequency',
    featureAdoption: 'Feature adoption',
    seatUtilization: 'Active users vs seats',
    keyFeatureUsage: 'Key feature usage',
    emailResponseRate: 'E-mail response rate',
    meetingParticipation: 'Meeting participation',
    netPromoterScore: 'NPS',
    communityActivity: 'Community activity',
    ticketVolume: 'Ticket volume',
    resolutionSatisfaction: 'Resolution satisfaction (CSAT)',
    escalationRate: 'Escalation rate',
    selfServiceUsage: 'Self-service usage',
    onTimePayments: 'On-time payments',
    contractValueGrowth: 'Contract value growth',
    paymentReliability: 'Payment method reliability',
    upsellPotential: 'Upsell potential',
    referralActivity: 'Referrals',
    expansionConversations: 'Expansion conversations',
  },
  dimensionNames: {
    productUsage: 'Product usage',
    engagement: 'Engagement',
    support: 'Support',
    payment: 'Payment',
    growth: 'Growth',
  },
  messages: {
    text: (p) => p.text,

    'factor.loginFrequency': (p, t) => `Logged in on ${t.number(p.days)} of the last 30 days`,
    'factor.featureAdoption': (p, t) =>
      `${t.number(p.adopted)} of ${t.number(p.available)} features adopted (${t.percent(p.percent)})`,
    'factor.featureAdoptionShare': (p, t) => `${t.percent(p.percent)} of the plan's features adopted`,
    'factor.seatUtilization': (p, t) =>
      `${t.count(p.active, 'active user', 'active users')} of ${t.count(p.seats, 'seat', 'seats')} (${t.percent(p.percent)})`,
    'factor.keyFeatureUsage': (p, t) =>
      `${t.number(p.used)} of ${t.number(p.total)} key features used in the last 30 days`,
    'factor.emailResponseRate': (p, t) =>
      `Replied to ${t.number(p.replied)} of ${t.count(p.sent, 'e-mail', 'e-mails')} (90 days)`,
    'factor.emailResponseShare': (p, t) => `Replied to ${t.percent(p.percent)} of e-mails (90 days)`,
    'factor.meetingParticipation': (p, t) =>
      `Attended ${t.number(p.attended)} of ${t.count(p.scheduled, 'scheduled meeting', 'scheduled meetings')} (90 days)`,
    'factor.meetingParticipationShare': (p, t) =>
      `Attended ${t.percent(p.percent)} of scheduled meetings (90 days)`,
    'factor.netPromoterScore': (p, t) => `Latest NPS score: ${t.number(p.score)}`,
    'factor.communityActivity': (p, t) =>
      `${t.count(p.count, 'community contribution', 'community contributions')} (30 days)`,
    'factor.ticketVolume': (p, t) => `${t.count(p.count, 'ticket', 'tickets')} opened in the last 30 days`,
    'factor.resolutionSatisfaction': (p, t) => `Average CSAT ${t.number(p.csat)}/5`,
    'factor.escalationRate': (p, t) =>
      `${t.number(p.escalated)} of ${t.count(p.tickets, 'ticket', 'tickets')} escalated (90 days, ${t.percent(p.percent)})`,
    'factor.selfServiceUsage': (p, t) =>
      `${t.count(p.sessions, 'self-service visit', 'self-service visits')} and ${t.count(p.tickets, 'ticket', 'tickets')} in 30 days`,
    'factor.onTimePayments': (p, t) =>
      `${t.number(p.onTime)} of ${t.count(p.invoices, 'invoice', 'invoices')} paid on time (12 months)`,
    'factor.contractValueGrowth': (p, t) =>
      `MRR ${t.signed(p.growthPercent)}% in 12 months (${t.money(p.beforeCents)} → ${t.money(p.nowCents)})`,
    'factor.paymentReliability': (p, t) =>
      `${t.number(p.failed)} of ${t.count(p.attempts, 'charge', 'charges')} declined (12 months)`,
    'factor.upsellPotential': (p, t) =>
      `Open opportunities of ${t.money(p.openCents)}/month (${t.percent(p.percent)} of MRR)`,
    'factor.referralActivity': (p, t) => `${t.count(p.count, 'referral', 'referrals')} in the last 12 months`,
    'factor.expansionConversations': (p, t) =>
      `${t.count(p.count, 'expansion conversation', 'expansion conversations')} (90 days)`,
    'factor.value': (p, t) => `${t.factorName(p.factor)}: ${t.number(p.value)}/100`,

    'risk.noLoginEver': (p, t) => `No login since the start (customer for ${t.number(p.tenureDays)} days)`,
    'risk.noLogin': (p, t) => `No login for ${t.number(p.days)} days`,
    'risk.usageDrop': (p, t) => `Usage fell ${t.percent(p.percent)} last month`,
    'risk.unansweredEmails': (p, t) => `No reply to the last ${t.number(p.count)} e-mails`,
    'risk.staleTicket': (p, t) => `Support ticket unresolved for ${t.number(p.days)} days`,
    'risk.lowCapacityUsage': (p, t) =>
      `Usage below 50% of capacity (${t.number(p.active)} of ${t.count(p.seats, 'seat', 'seats')} in use)`,
    'risk.noExecutiveEver': () => 'No contact with an executive on record',
    'risk.noExecutive': (p, t) => `No contact with an executive for ${t.number(p.days)} days`,
    'risk.renewalOverdue': (p, t) => `Contract renewal overdue by ${t.count(p.days, 'day', 'days')}`,
    'risk.renewalToday': () => 'Contract renewal today',
    'risk.renewalSoon': (p, t) => `Contract renewal in ${t.count(p.days, 'day', 'days')} (${t.date(p.date)})`,
    'risk.ticketSurge': (p, t) => `Opened ${t.number(p.count)} support tickets in 30 days`,
    'risk.npsDrop': (p, t) => `NPS fell from ${t.number(p.from)} to ${t.number(p.to)}`,
    'risk.mainContactLeft': (p) => `Main contact left the company (${p.name})`,
    'risk.threshold': (p) => RISK_THRESHOLDS[p.type],

    'churn.healthScore': (p, t) => `Health score ${t.number(p.score)} (${DIRECTION[p.direction]})`,
    'churn.usageStable': (p) => `Usage stable last month (${DIRECTION[p.direction]})`,
    'churn.usageFell': (p, t) => `Usage fell ${t.percent(p.percent)} last month (${DIRECTION[p.direction]})`,
    'churn.usageRose': (p, t) => `Usage rose ${t.percent(p.percent)} last month (${DIRECTION[p.direction]})`,
    'churn.neverLoggedIn': (p) => `No login on record (${DIRECTION[p.direction]})`,
    'churn.loggedInToday': (p) => `Logged in today (${DIRECTION[p.direction]})`,
    'churn.lastLogin': (p, t) =>
      `Last login ${t.count(p.days, 'day', 'days')} ago (${DIRECTION[p.direction]})`,
    'churn.tickets': (p, t) =>
      `${t.count(p.count, 'ticket', 'tickets')} in the last 30 days (${DIRECTION[p.direction]})`,
    'churn.npsUnanswered': (p) => `NPS not answered (${DIRECTION[p.direction]})`,
    'churn.nps': (p, t) => `NPS ${t.number(p.score)} (${DIRECTION[p.direction]})`,
    'churn.tenure': (p, t) =>
      `Customer for ${t.count(p.months, 'month', 'months')} (${DIRECTION[p.direction]})`,
    'churn.latePayments': (p, t) =>
      `${t.count(p.count, 'late payment', 'late payments')} in 12 months (${DIRECTION[p.direction]})`,

    'change.factor': (p, t) => {
      const show = (v: number | null) => (v === null ? 'no data' : t.number(v));
      return `${t.factorName(p.factor)}: ${show(p.before)} → ${show(p.after)} (${t.signed(p.impact)} score pts)`;
    },
    'change.rules': (p, t) =>
      `Configured rules in ${t.dimensionName(p.dimension)}: ${t.signed(p.before, 0)} → ${t.signed(p.after, 0)} points (${t.signed(p.impact)} score pts)`,
    'change.rounding': (p, t) => `Rounding and 0–100 limits (${t.signed(p.impact)} score pts)`,
    'change.noPrevious': () => 'No previous score to compare with.',
    'change.stable': (p, t) => `Score steady at ${t.number(p.score)}.`,
    'change.summary': (p, t) => {
      const head =
        p.after === p.before
          ? `Score steady at ${t.number(p.after)}`
          : `Score ${p.after > p.before ? 'rose' : 'fell'} from ${t.number(p.before)} to ${t.number(p.after)}`;
      return p.causes.length
        ? `${head}. Main causes: ${p.causes.map((c) => t.render(c)).join('; ')}.`
        : `${head}.`;
    },

    'rec.none': () => 'No active risk factor. Keep the usual follow-up cadence.',
    'rec.reengageCritical': () =>
      'Schedule an emergency call. The customer may be considering cancelling. Offer a free training session to re-engage.',
    'rec.reengageFollowUp': () =>
      'Schedule a follow-up call to understand the drop in usage and offer training to re-engage.',
    'rec.reengageUnansweredEmails': (p, t) =>
      p.count === null
        ? 'Switch channels and call the main contact (no reply to the latest e-mails).'
        : `Switch channels and call the main contact (no reply to the last ${t.number(p.count)} e-mails).`,
    'rec.valueQbr': (p) =>
      `Schedule a QBR with the decision maker before the renewal. Focus on demonstrating ROI${p.adoption ? ADOPTION : '.'}`,
    'rec.valueDecisionMaker': (p) =>
      `Schedule a meeting with the decision maker to demonstrate ROI${p.adoption ? ADOPTION : '.'}`,
    'rec.valueRenewal': () =>
      'Prepare the renewal early: review the results delivered and confirm the customer’s interest.',
    'rec.valueAdoption': () => 'Propose training to raise adoption and activate the idle seats.',
    'rec.relationshipNewContact': (p, t) =>
      `Introduce yourself to the new main contact and rebuild the relationship${
        p.npsFrom !== null && p.npsTo !== null
          ? `, understanding the NPS drop (from ${t.number(p.npsFrom)} to ${t.number(p.npsTo)})`
          : ''
      }.`,
    'rec.relationshipNps': (p, t) =>
      `Call to understand the NPS drop${
        p.npsFrom !== null && p.npsTo !== null ? ` (from ${t.number(p.npsFrom)} to ${t.number(p.npsTo)})` : ''
      } and address the points of dissatisfaction.`,
    'rec.support': (p, t) =>
      'Review the support tickets with the technical team' +
      (p.staleDays !== null ? ` and resolve the ticket stuck for ${t.number(p.staleDays)} days` : '') +
      (p.surge ? ' to reduce the ticket volume' : '') +
      '.',
    'rec.proposeSeats': (p, t) =>
      `Propose ${t.number(p.seats)} additional seats (${t.money(p.valueCents)}/month).`,
    'rec.advocacy': () => 'Ask for a case study and invite them to the referral programme.',

    'action.callMainContact.title': () => 'Call the main contact',
    'action.callMainContact.description': () =>
      'The customer does not answer e-mails: switch channels and check the messages are arriving.',
    'action.callNow.title': () => 'Call now',
    'action.callNow.description': () => 'Call to understand the drop in usage and the risk of cancellation.',
    'action.callCustomer.title': () => 'Call the customer',
    'action.callCustomer.description': () =>
      'Call to understand the drop in usage and the risk of cancellation.',
    'action.reengagementEmail.title': () => 'Send a re-engagement e-mail',
    'action.reengagementEmail.description': () =>
      'Show recent results and what is new, and invite them to a training session.',
    'action.freeTraining.title': () => 'Offer free training',
    'action.freeTraining.description': () =>
      'A free training session so the customer’s team uses the platform again.',
    'action.qbrDecisionMaker.title': () => 'Schedule a QBR with the decision maker',
    'action.qbrDecisionMaker.description': () =>
      'Review with the decision maker before the renewal: results, ROI and next steps.',
    'action.meetDecisionMaker.title': () => 'Schedule a meeting with the decision maker',
    'action.meetDecisionMaker.description': () =>
      'Meeting with the decision maker: results, ROI and next steps.',
    'action.roiReport.title': () => 'Generate an ROI report',
    'action.roiReport.description': () => 'Gather the results delivered to present to the decision maker.',
    'action.adoptionTraining.title': () => 'Propose adoption training',
    'action.adoptionTraining.description': () => 'Train the users and activate the idle seats.',
    'action.renewalTerms.title': () => 'Consider commercial terms for the renewal',
    'action.renewalTerms.description': () => 'Consider a discount or special terms tied to the renewal.',
    'action.callNewContact.title': () => 'Call the new contact',
    'action.callNewContact.description': () =>
      'Introduce yourself, understand their priorities and rebuild the relationship.',
    'action.callNpsDrop.title': () => 'Call to understand the NPS drop',
    'action.callNpsDrop.description': () =>
      'Hear the reasons for the score and agree a plan for the points of dissatisfaction.',
    'action.reviewTickets.title': () => 'Review tickets with support',
    'action.reviewTickets.description': () =>
      'Review the open tickets, prioritise the stuck ones and address the root cause.',
    'action.followUpTask.title': () => 'Create a follow-up task',
    'action.followUpTask.description': () =>
      'Record the action plan and review this customer’s risk in 7 days.',

    'riskAlert.title': (p) => (p.level === 'critical' ? 'Critical churn risk' : 'Customer at risk'),
    'riskAlert.description': (p, t) =>
      `Risk score ${t.number(p.riskScore)}: ${p.factors.map((f) => t.render(f)).join('; ')}.`,
    'expansion.seatTitle': () => 'Seat expansion',
    'expansion.seatUsage': (p, t) =>
      `Customer using ${t.percent(p.percent)} of its seats (${t.number(p.active)} of ${t.number(p.seats)}).`,
    'expansion.seatDescription': (p, t) =>
      `Customer using ${t.percent(p.percent)} of its seats (${t.number(p.active)} of ${t.number(p.seats)}). ` +
      `Suggestion: +${t.count(p.extraSeats, 'seat', 'seats')} to get back to ${t.percent(p.targetPercent)} usage, ` +
      `at ${t.money(p.pricePerSeatCents)} per seat${p.pricedFromMrr ? ' (MRR ÷ seats)' : ''}.`,
    'expansion.upsellTitle': (p) => `Upgrade to ${PLAN[p.plan]}`,
    'expansion.upsellDescription': (p, t) =>
      `${TIER[p.tier]} customer uses ${t.number(p.adopted)} of ${t.number(p.available)} plan features ` +
      `(${t.percent(p.percent)}): ready for the ${PLAN[p.plan]} plan. ` +
      `Estimated increase of ${t.money(p.valueCents)}/month.`,
    'expansion.crossSellTitle': (p) => `Cross-sell: ${p.need}`,
    'expansion.crossSellDescription': (p, t) =>
      `Customer mentioned ${p.interest ? 'interest in ' : ''}${p.need}: "${p.quote}" ` +
      `(${t.date(p.date)}${p.activities > 1 ? `; in ${t.number(p.activities)} activities` : ''}). ` +
      `Estimated potential: ${t.money(p.valueCents)}/month.`,
    'insight.advocacyTitle': () => 'Advocacy candidate',
    'insight.advocacyDescription': (p, t) =>
      `NPS ${t.number(p.nps)}, Health Score ${t.number(p.health)}, customer for ${t.count(p.months, 'month', 'months')}. ` +
      'Ideal for: case study, referral programme, beta testing.',
    'insight.advocacyCta': () => 'Ask for a case study',
    'insight.lowAdoptionTitle': () => 'Low feature adoption',
    'insight.lowAdoptionDescription': (p, t) =>
      `Customer uses ${t.number(p.adopted)} of ${t.number(p.available)} plan features ` +
      `(${t.percent(p.percent)}) after ${t.count(p.months, 'month', 'months')}. ` +
      'Propose training on the unused features.',
    'insight.lowAdoptionCta': () => 'Schedule training',
    'playbook.name': (p) => PLAYBOOK_NAMES[p.playbook],
    'playbook.taskTitle': (p) => PLAYBOOK_TASKS[p.task].title,
    'playbook.taskDescription': (p) => PLAYBOOK_TASKS[p.task].description,
    'outlook.increaseBudget': (p, t) =>
      `Increase the budget by ${t.percent(p.percent)} to make the most of the momentum: ` +
      `the projected ROI is ${t.percent(p.roiPercent)}.`,
    'outlook.keepBudget': (p, t) =>
      `Keep the budget and put the spend on the campaigns with the best return ` +
      `(projected ROI ${t.percent(p.roiPercent)}).`,
    'outlook.reviewCampaigns': (p, t) =>
      `Review the campaigns with your account manager before investing more: ` +
      `the projected ROI is ${t.percent(p.roiPercent)}.`,
    'outlook.noInvestment': () =>
      'No media spend this month: talk to your account manager to plan campaigns.',

    join: (p, t) => p.parts.map((part) => t.render(part)).join(' '),
  },
};

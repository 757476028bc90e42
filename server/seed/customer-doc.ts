import type { Contact, Contract, ContractItem, Customer } from '../../shared/entities/customer.ts';
import { cnpjWithCheckDigits } from '../../shared/domain/cnpj.ts';
import { civilFromDays, DAY_MS, HOUR_MS, type Calendar } from './clock.ts';
import type { BuiltCustomer, CustomerContext, OrgContext } from './context.ts';
import type { CustomerPlan, NamedFacts, Tier } from './portfolio.ts';
import { createRng, deriveSeed, type Rng } from './random.ts';
import {
  CITIES,
  COMPANY_CORES,
  COMPANY_PREFIXES,
  DDD_BY_UF,
  FIRST_NAMES,
  JOB_TITLES,
  LAST_NAMES,
  LEGAL_FORMS,
  NEED_KEYS,
  type NeedKey,
  SERVICES,
  slugWord,
} from './vocabulary.ts';

/** When a customer joined, renews and (maybe) left — drawn from its own identity stream. */
export interface CustomerTimeline {
  id: string;
  sinceDay: number;
  renewalDay: number | null;
  churnDay: number | null;
}

/** TechCorp's invoices fall due on the 15th (INV-1231…1234: 15 Oct 2025 – 15 Jan 2026 at the seed's date). */
export const TECHCORP_DUE_DAY = 15;

/**
 * TechCorp's billing month offset: 0 up to the 15th (the due day), 1 after it. TechCorp joined on the 16th of the
 * month 14 frame months back and pays on the 15th, so on any day it has exactly 13 full months of tenure and 13
 * paid monthly invoices, the last one (INV-1234) due in the month before the frame month, as the spec shows
 * (customers spec §2.2–2.3): the demo shows the spec's lifetime value whatever day it is generated on, not only
 * on `SEED_REFERENCE_NOW`.
 */
export function techCorpFrame(cal: Pick<Calendar, 'today'>): 0 | 1 {
  return civilFromDays(cal.today).dayOfMonth > TECHCORP_DUE_DAY ? 1 : 0;
}

/** Renewal is never within 60 days unless the plan says so (that is a risk factor). */
const RENEWAL_SAFE_DAYS = 62;

/** The first `termMonths`-anniversary of `since` strictly after `after` (default: today). */
function nextAnniversary(cal: Calendar, since: number, termMonths: number, after = cal.today): number {
  for (let k = 1; ; k++) {
    const d = cal.addMonths(since, k * termMonths);
    if (d > after) return d;
  }
}

/**
 * The customer's id and key dates. Cheap and independent of everything else, so client users can point at
 * their customer before the customer's documents are generated.
 */
export function customerTimeline(
  org: Pick<OrgContext, 'seed' | 'key' | 'cal'>,
  plan: CustomerPlan,
  facts: NamedFacts | null,
): CustomerTimeline {
  const { cal } = org;
  const rng = createRng(deriveSeed(org.seed, org.key, 'identity', plan.index));
  const today = cal.today;
  let since: number;
  let renewal: number | null;
  let churn: number | null = null;
  if (plan.risks.includes('renewal_soon')) {
    renewal = today + (facts ? 58 : rng.int(20, 55));
    since = cal.addMonths(renewal, -12 * (facts ? 1 : rng.int(1, 3)));
  } else if (facts?.key === 'techcorp') {
    // Customer for 13 months with 13 monthly invoices paid (customers spec §2.2–2.3), whatever the day of the
    // month: see techCorpFrame. At the seed's date: since 16 Dec 2024, renewal 15 Jan 2027 (347 days).
    const frame = techCorpFrame(cal);
    since = cal.dayInMonth(cal.thisMonth, frame - facts.sinceMonthsAgo, facts.sinceDay);
    renewal = cal.dayInMonth(cal.thisMonth, frame + 11, TECHCORP_DUE_DAY);
  } else if (facts) {
    since = cal.dayInMonth(cal.thisMonth, -facts.sinceMonthsAgo, facts.sinceDay);
    renewal = nextAnniversary(cal, since, 12);
  } else if (plan.profile === 'onboarding') {
    since = today - rng.int(20, 80);
    renewal = cal.addMonths(since, 12);
  } else if (plan.profile === 'churned') {
    since = today - rng.int(420, 900);
    churn = today - rng.int(30, 75);
    renewal = null;
  } else {
    const monthsAgo = rng.weighted<() => number>([
      [() => rng.int(3, 14), 50],
      [() => rng.int(15, 30), 35],
      [() => rng.int(31, 48), 15],
    ])();
    since = cal.dayInMonth(cal.thisMonth, -monthsAgo, rng.int(1, 28));
    renewal = nextAnniversary(cal, since, 12);
    if (renewal - today <= RENEWAL_SAFE_DAYS) {
      since = cal.addMonths(since, -3);
      renewal = nextAnniversary(cal, since, 12);
    }
  }
  return { id: rng.uuid(cal.at(since, 10)), sinceDay: since, renewalDay: renewal, churnDay: churn };
}

/** Unique names for up to 12 000 generated customers: a fixed permutation of prefix × core × legal form. */
function companyName(
  seed: number,
  genericIndex: number,
): { name: string; core: (typeof COMPANY_CORES)[number]; prefix: string } {
  const p = COMPANY_PREFIXES.length;
  const c = COMPANY_CORES.length;
  const l = LEGAL_FORMS.length;
  const total = p * c * l;
  const k = (genericIndex * 7919 + (deriveSeed(seed, 'names') % total)) % total;
  const prefix = COMPANY_PREFIXES[k % p] as string;
  const core = COMPANY_CORES[Math.floor(k / p) % c] as (typeof COMPANY_CORES)[number];
  const legal = LEGAL_FORMS[Math.floor(k / (p * c)) % l] as string;
  const round = Math.floor(genericIndex / total);
  const base = `${prefix} ${core.word} ${legal}`;
  return { name: round === 0 ? base : `${base} (unidade ${round + 1})`, core, prefix };
}

const B2C_INDUSTRIES = new Set([
  'Varejo',
  'E-commerce',
  'Alimentação',
  'Beleza',
  'Turismo',
  'Fitness',
  'Saúde',
  'Entretenimento',
  'Saúde animal',
  'Automotivo',
]);

export function personName(rng: Rng): { first: string; last: string } {
  return { first: rng.pick(FIRST_NAMES), last: `${rng.pick(LAST_NAMES)}` };
}

export const emailOf = (first: string, last: string, domain: string) =>
  `${slugWord(first)}.${slugWord(last)}@${domain}`;

export function phoneOf(rng: Rng, uf: string): string {
  const ddd = DDD_BY_UF[uf] ?? '11';
  return `(${ddd}) 9${rng.int(6000, 9999)}-${String(rng.int(0, 9999)).padStart(4, '0')}`;
}

/** Draws the customer's context: names, people, and the facts several collections must agree on. */
export function customerContext(
  org: OrgContext,
  plan: CustomerPlan,
  facts: NamedFacts | null,
): CustomerContext {
  const timeline = customerTimeline(org, plan, facts);
  const rng = createRng(deriveSeed(org.seed, org.key, 'customer', plan.index));
  const { cal } = org;
  let name: string;
  let domain: string;
  let industry: string;
  let city: string;
  let uf: string;
  if (facts) {
    ({ name, domain, industry, city, uf } = facts);
  } else {
    const generated = companyName(org.seed + (org.key === 'outra' ? 7 : 0), plan.index);
    name = generated.name;
    industry = generated.core.industry;
    domain = `${slugWord(generated.prefix)}${slugWord(generated.core.word)}.com.br`;
    const place = rng.weighted(CITIES.map((c) => [c, c.weight] as const));
    city = place.name;
    uf = place.uf;
  }
  const csm = plan.csm ? (org.csms[plan.csm] ?? org.admin) : null;
  const risks = new Set(plan.risks);
  const today = cal.today;
  // Healthy accounts had a decision-maker touchpoint in the last 30 days; the risk factor needs 31+.
  const lastExecutiveDay = risks.has('no_executive_engagement')
    ? today - (facts ? 41 : rng.int(35, 70))
    : plan.profile === 'churned'
      ? (timeline.churnDay ?? today) - rng.int(10, 40)
      : facts?.key === 'techcorp'
        ? today - 2
        : today - rng.int(2, 24);
  const nps = npsHistory(plan, facts, rng);
  const boughtNeeds = new Set<NeedKey>(
    rng.sample(NEED_KEYS, plan.tier === 'starter' ? 1 : plan.tier === 'pro' ? 2 : 3),
  );
  const unbought = NEED_KEYS.filter((n) => !boughtNeeds.has(n));
  const mentionedNeeds =
    facts?.key === 'techcorp' ? [] : rng.chance(0.35) && unbought.length > 0 ? [rng.pick(unbought)] : [];
  return {
    org,
    plan,
    facts,
    rng,
    id: timeline.id,
    name,
    domain,
    industry,
    city,
    uf,
    sinceDay: timeline.sinceDay,
    renewalDay: timeline.renewalDay,
    churnDay: timeline.churnDay,
    csm,
    owner: csm ?? org.admin,
    clientUser: org.clientUsers.get(plan.index) ?? null,
    risks,
    lastExecutiveDay,
    nps,
    boughtNeeds,
    mentionedNeeds,
    consumerFacing: B2C_INDUSTRIES.has(industry),
  };
}

function npsHistory(plan: CustomerPlan, facts: NamedFacts | null, rng: Rng): CustomerContext['nps'] {
  if (facts?.key === 'techcorp') return { previous: 9, latest: 9 };
  if (facts?.key === 'consultoria') return { previous: 8, latest: 6 };
  // Without a drop of 2 (that is ConsultoriaDEF's risk factor); with the rest of their data they bring
  // AgênciaDigital's and StartupXYZ's health to the spec's 68 and 42 (health.ts).
  if (facts?.key === 'agencia') return { previous: 7, latest: 7 };
  if (facts?.key === 'startup') return { previous: 5, latest: 4 };
  if (plan.risks.includes('nps_drop')) {
    const previous = rng.int(7, 9);
    return { previous, latest: previous - rng.int(2, 4) };
  }
  const latest =
    plan.profile === 'healthy' ? rng.int(8, 10) : plan.profile === 'flagged' ? rng.int(5, 8) : rng.int(6, 9);
  if (plan.profile === 'onboarding') return { previous: null, latest };
  // Stable: the previous answer is within one point (a drop of 2+ would be a risk factor).
  return { previous: Math.min(10, Math.max(0, latest + rng.int(-1, 1))), latest };
}

const TIER_LABEL: Record<Tier, string> = { starter: 'Starter', pro: 'Pro', enterprise: 'Enterprise' };
const STEP = 5_000;

/** Splits a monthly value into 1–3 recurring items in R$ 50 steps: the platform license plus services. */
function recurringItems(ctx: CustomerContext, mrrCents: number, seats: number): ContractItem[] {
  const { rng } = ctx;
  const services = SERVICES.filter((s) => s.need !== null && ctx.boughtNeeds.has(s.need));
  const extra = rng.chance(0.3) ? SERVICES.filter((s) => s.need === null) : [];
  const picked = [...services, ...rng.sample(extra, 1)].slice(0, mrrCents < 100_000 ? 1 : 2);
  const shares = picked.map(() => rng.float(0.15, 0.3));
  const licenseShare = 1 - shares.reduce((a, b) => a + b, 0);
  const amounts = [licenseShare, ...shares].map((s) =>
    Math.max(STEP, Math.round((mrrCents * s) / STEP) * STEP),
  );
  amounts[0] = mrrCents - amounts.slice(1).reduce((a, b) => a + b, 0);
  const items: ContractItem[] = [
    {
      id: rng.uuid(ctx.org.cal.at(ctx.sinceDay, 10)),
      name: `Licença da plataforma Arco (${seats} usuários)`,
      description: 'Painel do cliente, relatórios e integrações',
      quantity: 1,
      unitPriceCents: amounts[0] as number,
      billingType: 'recurring',
    },
  ];
  picked.forEach((s, i) =>
    items.push({
      id: rng.uuid(ctx.org.cal.at(ctx.sinceDay, 10)),
      name: s.name,
      description: s.description,
      quantity: 1,
      unitPriceCents: amounts[i + 1] as number,
      billingType: 'recurring',
    }),
  );
  return items;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const yearOf = (cal: Calendar, day: number) => cal.monthOf(day).year;

/**
 * The months in which each recurring contract billed: `{ contractId, from, to, monthlyCents }` so invoices
 * follow the contract history (TechCorp paid R$ 4.000 until Oct 2025 and R$ 4.500 after its API add-on).
 */
export interface BillingPeriod {
  contractId: string;
  fromDay: number;
  /** Exclusive. */
  toDay: number;
  monthlyCents: number;
}

export interface OneTimeCharge {
  contractId: string;
  day: number;
  amountCents: number;
  description: string;
  /** Human invoice number when the seed names one. */
  number: string | null;
}

export interface CustomerBuild {
  built: BuiltCustomer;
  billing: BillingPeriod[];
  oneTime: OneTimeCharge[];
}

function contractDoc(
  ctx: CustomerContext,
  c: Omit<Contract, 'id' | 'currency' | 'documentUrl' | 'signedAt'> & { signedDay: number },
): Contract {
  const { cal } = ctx.org;
  const { signedDay, ...rest } = c;
  return {
    id: ctx.rng.uuid(cal.at(signedDay, 11)),
    ...rest,
    currency: 'BRL',
    documentUrl: `https://docs.arco.example/contratos/${c.contractNumber}.pdf`,
    signedAt: cal.iso(cal.at(signedDay, 16, 30)),
  };
}

function techCorpContracts(
  ctx: CustomerContext,
  signer: string,
): { contracts: Contract[]; billing: BillingPeriod[]; oneTime: OneTimeCharge[] } {
  const { cal } = ctx.org;
  const { rng } = ctx;
  const frame = techCorpFrame(cal);
  const start = ctx.sinceDay;
  const end = ctx.renewalDay as number;
  // The spec's contract numbers, fixed (customers spec §2.3): the demo shows the same contracts whatever day it
  // is generated on.
  // The API Access amendment took effect three frame months back (1 Nov 2025 at the seed's date): R$ 4.000 →
  // R$ 4.500 a month. The license as first signed is kept as the amended contract's predecessor, so the MRR a
  // year ago (contract value growth, +12,5 %) and the MRR chart follow the invoices.
  const addOnDay = cal.dayInMonth(cal.thisMonth, frame - 3, 1);
  const item = (name: string, description: string | null, cents: number): ContractItem => ({
    id: rng.uuid(cal.at(start, 10)),
    name,
    description,
    quantity: 1,
    unitPriceCents: cents,
    billingType: 'recurring',
  });
  const platform = item('Platform License (100 seats)', '100 usuários na plataforma Arco', 350_000);
  const support = item('Premium Support', 'Atendimento prioritário e gerente de conta dedicado', 50_000);
  const original = contractDoc(ctx, {
    name: 'Enterprise Annual License',
    contractNumber: 'CTR-2024-0044',
    status: 'completed',
    monthlyValueCents: 400_000,
    totalValueCents: dueDaysIn(cal, start, addOnDay) * 400_000,
    startDate: cal.date(start),
    endDate: cal.date(addOnDay - 1),
    billingCycle: 'monthly',
    renewalType: 'auto_renew',
    renewalNotificationDays: 60,
    items: [platform, support],
    signedBy: signer,
    previousContractId: null,
    signedDay: start - 6,
  });
  const license = contractDoc(ctx, {
    name: 'Enterprise Annual License',
    contractNumber: 'CTR-2024-0045',
    status: 'active',
    monthlyValueCents: 450_000,
    totalValueCents: dueDaysIn(cal, addOnDay, end) * 450_000,
    startDate: cal.date(addOnDay),
    endDate: cal.date(end),
    billingCycle: 'monthly',
    renewalType: 'auto_renew',
    renewalNotificationDays: 60,
    items: [
      { ...platform, id: rng.uuid(cal.at(addOnDay, 10)) },
      { ...support, id: rng.uuid(cal.at(addOnDay, 10)) },
      item('API Access', `Aditivo assinado em ${cal.date(addOnDay - 5)}`, 50_000),
    ],
    signedBy: signer,
    previousContractId: original.id,
    signedDay: addOnDay - 5,
  });
  // The team's training in the second and fourth months as a customer (Feb–Apr 2025 at the seed's date).
  const trainingStart = cal.dayInMonth(cal.thisMonth, frame - 12, 1);
  const training = contractDoc(ctx, {
    name: 'Training Package',
    contractNumber: 'CTR-2024-0046',
    status: 'completed',
    monthlyValueCents: 0,
    totalValueCents: 500_000,
    startDate: cal.date(trainingStart),
    endDate: cal.date(cal.dayInMonth(cal.thisMonth, frame - 10, 31)),
    billingCycle: 'one_time',
    renewalType: 'manual',
    renewalNotificationDays: 0,
    items: [
      {
        id: rng.uuid(cal.at(trainingStart, 10)),
        name: 'Training Package',
        description: '5 sessões de treinamento da equipe de marketing',
        quantity: 5,
        unitPriceCents: 100_000,
        billingType: 'one_time',
      },
    ],
    signedBy: signer,
    previousContractId: null,
    signedDay: trainingStart - 3,
  });
  return {
    contracts: [license, original, training],
    billing: [
      { contractId: original.id, fromDay: start, toDay: addOnDay, monthlyCents: 400_000 },
      { contractId: license.id, fromDay: addOnDay, toDay: end, monthlyCents: 450_000 },
    ],
    oneTime: [
      {
        contractId: training.id,
        day: trainingStart,
        amountCents: 500_000,
        description: 'Training Package',
        number: 'INV-T-0046',
      },
    ],
  };
}

/** TechCorp's due days (the 15th) in [from, to): the invoices a billing period issues. */
function dueDaysIn(cal: Calendar, from: number, to: number): number {
  let n = 0;
  for (let k = 0; ; k++) {
    const day = cal.dayInMonth(cal.monthOf(from), k, TECHCORP_DUE_DAY);
    if (day >= to) return n;
    if (day >= from) n++;
  }
}

function monthsBetween(cal: Calendar, from: number, to: number): number {
  const a = cal.monthOf(from);
  const b = cal.monthOf(to);
  return (b.year - a.year) * 12 + (b.month - a.month);
}

function genericContracts(
  ctx: CustomerContext,
  seats: number,
  signer: string,
): { contracts: Contract[]; billing: BillingPeriod[]; oneTime: OneTimeCharge[] } {
  const { cal } = ctx.org;
  const { rng, plan } = ctx;
  const churned = plan.profile === 'churned';
  const seq = (k: number) => pad(100 + plan.index * 4 + k, 4);
  // A churned customer's last term is the one it cancelled: it would have ended at the anniversary after churn.
  const end = ctx.renewalDay ?? nextAnniversary(cal, ctx.sinceDay, 12, ctx.churnDay as number);
  const termStart = Math.max(ctx.sinceDay, cal.addMonths(end, -12));
  const renewalType = rng.chance(0.7) ? 'auto_renew' : 'manual';
  const items = recurringItems(ctx, plan.mrrCents, seats);
  const contracts: Contract[] = [];
  const billing: BillingPeriod[] = [];
  const oneTime: OneTimeCharge[] = [];
  let previousContractId: string | null = null;
  if (termStart > ctx.sinceDay) {
    // The previous yearly term, usually at a slightly lower price (customers grow into their plan).
    const prevMonthly = Math.max(50_000, Math.round((plan.mrrCents * rng.float(0.82, 1)) / STEP) * STEP);
    const prevItems = items.map((it, i) =>
      i === 0
        ? {
            ...it,
            id: rng.uuid(cal.at(ctx.sinceDay, 10)),
            unitPriceCents: it.unitPriceCents - (plan.mrrCents - prevMonthly),
          }
        : { ...it, id: rng.uuid(cal.at(ctx.sinceDay, 10)) },
    );
    const prevStart = Math.max(ctx.sinceDay, cal.addMonths(termStart, -12));
    const previous = contractDoc(ctx, {
      name: `Plano ${TIER_LABEL[plan.tier]} Anual`,
      contractNumber: `CTR-${yearOf(cal, prevStart)}-${seq(0)}`,
      status: 'completed',
      monthlyValueCents: prevMonthly,
      totalValueCents: prevMonthly * monthsBetween(cal, prevStart, termStart),
      startDate: cal.date(prevStart),
      endDate: cal.date(termStart),
      billingCycle: 'monthly',
      renewalType,
      renewalNotificationDays: 60,
      items: prevItems,
      signedBy: signer,
      previousContractId: null,
      signedDay: prevStart - rng.int(2, 10),
    });
    contracts.push(previous);
    billing.push({
      contractId: previous.id,
      fromDay: ctx.sinceDay,
      toDay: termStart,
      monthlyCents: prevMonthly,
    });
    previousContractId = previous.id;
  }
  const current = contractDoc(ctx, {
    name: `Plano ${TIER_LABEL[plan.tier]} Anual`,
    contractNumber: `CTR-${yearOf(cal, termStart)}-${seq(1)}`,
    status: churned ? 'cancelled' : 'active',
    monthlyValueCents: plan.mrrCents,
    totalValueCents: plan.mrrCents * 12,
    startDate: cal.date(termStart),
    endDate: cal.date(churned ? (ctx.churnDay as number) : end),
    billingCycle: 'monthly',
    renewalType,
    renewalNotificationDays: rng.pick([30, 60, 90]),
    items,
    signedBy: signer,
    previousContractId,
    signedDay: termStart - rng.int(1, 7),
  });
  contracts.push(current);
  billing.push({
    contractId: current.id,
    fromDay: termStart,
    toDay: churned ? (ctx.churnDay as number) : end,
    monthlyCents: plan.mrrCents,
  });
  if (rng.chance(0.3)) {
    const amount = rng.int(15, 50) * 10_000;
    const setup = contractDoc(ctx, {
      name: 'Implantação e onboarding',
      contractNumber: `CTR-${yearOf(cal, ctx.sinceDay)}-${seq(2)}`,
      status: 'completed',
      monthlyValueCents: 0,
      totalValueCents: amount,
      startDate: cal.date(ctx.sinceDay),
      endDate: cal.date(Math.min(cal.today, ctx.sinceDay + 45)),
      billingCycle: 'one_time',
      renewalType: 'manual',
      renewalNotificationDays: 0,
      items: [
        {
          id: rng.uuid(cal.at(ctx.sinceDay, 10)),
          name: 'Implantação e onboarding',
          description: 'Configuração de contas, pixels, integrações e treinamento inicial',
          quantity: 1,
          unitPriceCents: amount,
          billingType: 'one_time',
        },
      ],
      signedBy: signer,
      previousContractId: null,
      signedDay: ctx.sinceDay - 2,
    });
    contracts.push(setup);
    oneTime.push({
      contractId: setup.id,
      day: ctx.sinceDay,
      amountCents: amount,
      description: 'Implantação e onboarding',
      number: null,
    });
  }
  return { contracts, billing, oneTime };
}

function seatsOf(ctx: CustomerContext): { totalSeats: number; activeUsers: number } {
  const { facts, plan, rng } = ctx;
  if (facts) return { totalSeats: facts.totalSeats, activeUsers: facts.activeUsers };
  const totalSeats =
    plan.tier === 'starter' ? rng.int(5, 20) : plan.tier === 'pro' ? rng.int(15, 60) : rng.int(50, 250);
  if (plan.profile === 'churned') return { totalSeats, activeUsers: 0 };
  const half = Math.ceil(totalSeats / 2);
  if (ctx.risks.has('low_capacity_usage')) {
    return {
      totalSeats,
      activeUsers: Math.min(half - 1, Math.max(1, Math.floor(totalSeats * rng.float(0.25, 0.45)))),
    };
  }
  const ratio = plan.profile === 'healthy' ? rng.float(0.6, 0.97) : rng.float(0.5, 0.85);
  return { totalSeats, activeUsers: Math.min(totalSeats, Math.max(half, Math.round(totalSeats * ratio))) };
}

const sizeOf = (seats: number) =>
  seats <= 10
    ? '1-10'
    : seats <= 30
      ? '11-50'
      : seats <= 100
        ? '51-200'
        : seats <= 300
          ? '201-500'
          : '501-1000';

function contactsOf(ctx: CustomerContext, createdMs: number): Contact[] {
  const { rng, facts } = ctx;
  const { cal } = ctx.org;
  const contact = (
    c: Partial<Contact> & Pick<Contact, 'firstName' | 'lastName' | 'role' | 'jobTitle'>,
  ): Contact => ({
    id: rng.uuid(createdMs),
    email: emailOf(c.firstName, c.lastName ?? '', ctx.domain),
    phone: phoneOf(rng, ctx.uf),
    isPrimary: false,
    lastContactedAt: cal.iso(
      cal.at(Math.max(ctx.sinceDay, cal.today - rng.int(5, 60)), rng.int(9, 17), rng.int(0, 59)),
    ),
    npsScore: null,
    leftCompanyAt: null,
    createdAt: cal.iso(createdMs),
    ...c,
  });
  const execContacted = cal.iso(cal.at(ctx.lastExecutiveDay, 14, 30));
  if (facts?.key === 'techcorp') {
    return [
      contact({
        firstName: 'João',
        lastName: 'Silva',
        jobTitle: 'CEO',
        role: 'decision_maker',
        isPrimary: true,
        npsScore: 9,
        lastContactedAt: execContacted,
      }),
      contact({ firstName: 'Maria', lastName: 'Oliveira', jobTitle: 'CTO', role: 'technical' }),
      contact({ firstName: 'Pedro', lastName: 'Santos', jobTitle: 'Head of Operations', role: 'champion' }),
      contact({ firstName: 'Luciana', lastName: 'Prado', jobTitle: 'Gerente Financeira', role: 'billing' }),
    ];
  }
  const people = rng.int(2, 4);
  const roles = (['decision_maker', 'champion', 'billing', 'user'] as const).slice(0, people);
  const list = roles.map((role, i) => {
    // ConsultoriaDEF's main contact is the one who left (customers spec §2.4).
    const { first, last } =
      facts?.key === 'consultoria' && i === 0 ? { first: 'Ricardo', last: 'Ramos' } : personName(rng);
    return contact({
      firstName: first,
      lastName: last,
      role,
      jobTitle: rng.pick(JOB_TITLES[role]),
      isPrimary: i === 0,
      npsScore: i === 0 ? ctx.nps.latest : null,
      ...(i === 0 ? { lastContactedAt: execContacted } : {}),
    });
  });
  if (ctx.risks.has('main_contact_left')) {
    const primary = list[0] as Contact;
    const leftDay = cal.today - (facts ? 18 : rng.int(10, 40));
    primary.leftCompanyAt = cal.iso(cal.at(leftDay, 18));
    primary.lastContactedAt = cal.iso(cal.at(leftDay - 3, 11));
    // The successor is known but not yet promoted to primary: the CSM still has to re-establish the relationship.
    const { first, last } =
      facts?.key === 'consultoria' ? { first: 'Fernanda', last: 'Lopes' } : personName(rng);
    list.push(
      contact({
        firstName: first,
        lastName: last,
        role: 'decision_maker',
        jobTitle: 'Diretor(a) de Operações',
        createdAt: cal.iso(cal.at(leftDay + 2, 10)),
        id: rng.uuid(cal.at(leftDay + 2, 10)),
        lastContactedAt: execContacted,
      }),
    );
  }
  return list;
}

const CHURN_REASONS = [
  'Corte de orçamento de marketing após queda nas vendas.',
  'Trouxe a gestão de mídia para uma equipe interna.',
  'Migrou para uma agência concorrente com preço menor.',
];

const CUSTOMER_NOTES = [
  'Prefere contato por WhatsApp no período da tarde.',
  'Reunião de resultados sempre na primeira semana do mês.',
  'Decisões de orçamento passam pelo conselho trimestral.',
  'Sazonalidade forte no fim do ano; planejar campanhas com antecedência.',
  null,
  null,
];

/**
 * A demo company's CNPJ: made up, never a real company's — an 8-digit company number from the customer's
 * position (7 919 is prime, so positions never share one), the head office's "0001" and the check digits of
 * the shared rule. No random draw, so the rest of the demo data is unchanged.
 */
export function demoCnpj(index: number): string {
  return cnpjWithCheckDigits(`${10_000_000 + ((index * 7_919) % 90_000_000)}0001`);
}

/** The customer document (contacts and contracts embedded) and the billing schedule its invoices follow. */
export function buildCustomer(ctx: CustomerContext): CustomerBuild {
  const { rng, plan, facts } = ctx;
  const { cal } = ctx.org;
  const { nowMs } = cal;
  const createdMs = cal.at(ctx.sinceDay, 10);
  const contacts = contactsOf(ctx, createdMs);
  const primary = contacts.find((c) => c.isPrimary) as Contact;
  const decisionMaker =
    contacts.find((c) => c.role === 'decision_maker' && c.leftCompanyAt === null) ?? primary;
  const signer = `${primary.firstName} ${primary.lastName ?? ''}`.trim();
  const seats = seatsOf(ctx);
  const { contracts, billing, oneTime } =
    facts?.key === 'techcorp'
      ? techCorpContracts(ctx, signer)
      : genericContracts(ctx, seats.totalSeats, signer);
  const churned = plan.profile === 'churned';
  const mrrCents = contracts
    .filter((c) => c.status === 'active')
    .reduce((s, c) => s + c.monthlyValueCents, 0);
  const lastLoginMs = churned
    ? cal.at((ctx.churnDay as number) - rng.int(3, 20), 15)
    : ctx.risks.has('no_login')
      ? nowMs - (facts ? 14 * DAY_MS + 5 * HOUR_MS : rng.int(15, 30) * DAY_MS)
      : nowMs - rng.int(1, 60) * HOUR_MS;
  const customer: Customer = {
    id: ctx.id,
    updatedAt: cal.iso(createdMs),
    serverSeq: 0,
    clientUpdatedAt: cal.iso(createdMs),
    name: ctx.name,
    domain: ctx.domain,
    industry: ctx.industry,
    size: facts?.size ?? sizeOf(seats.totalSeats),
    location: `${ctx.city}, ${ctx.uf}`,
    cnpj: demoCnpj(plan.index),
    status: churned
      ? 'churned'
      : plan.profile === 'flagged'
        ? 'at_risk'
        : plan.profile === 'onboarding'
          ? 'onboarding'
          : 'active',
    tier: plan.tier,
    mrrCents,
    arrCents: mrrCents * 12,
    lifetimeValueCents: 0,
    activeUsers: seats.activeUsers,
    totalSeats: seats.totalSeats,
    lastLoginAt: cal.iso(lastLoginMs),
    csmId: ctx.csm?.id ?? null,
    renewalDate: ctx.renewalDay === null ? null : cal.date(ctx.renewalDay),
    renewalType: contracts.find((c) => c.billingCycle !== 'one_time')?.renewalType ?? 'manual',
    customerSince: cal.date(ctx.sinceDay),
    churnedAt: churned ? cal.iso(cal.at(ctx.churnDay as number, 17)) : null,
    churnReason: churned ? rng.pick(CHURN_REASONS) : null,
    notes:
      facts?.key === 'techcorp'
        ? 'Conta estratégica: potencial de expansão para o módulo de RH.'
        : rng.pick(CUSTOMER_NOTES),
    contacts,
    contracts,
  };
  return { built: { ...ctx, customer, primaryContact: primary, decisionMaker }, billing, oneTime };
}

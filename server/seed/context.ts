import type { Contact, Customer } from '../../shared/entities/customer.ts';
import type { Calendar } from './clock.ts';
import type { CsmKey, CustomerPlan, NamedFacts, RiskKey } from './portfolio.ts';
import type { Rng } from './random.ts';
import type { DemoOrganization, DemoUser } from './types.ts';
import type { NeedKey } from './vocabulary.ts';

export type OrgKey = 'arco' | 'outra';

/** Everything about one organization that every customer's generation reads (never mutated after creation). */
export interface OrgContext {
  seed: number;
  key: OrgKey;
  organization: DemoOrganization;
  cal: Calendar;
  admin: DemoUser;
  /** CSM users by key; an organization without that CSM falls back to its admin. */
  csms: Partial<Record<CsmKey, DemoUser>>;
  /** Client users by customer index. */
  clientUsers: ReadonlyMap<number, DemoUser>;
  /** Prefix of human document numbers (invoices), distinct per organization. */
  invoicePrefix: string;
}

/**
 * One customer being generated. Decisions that several collections must agree on (when the executive was last
 * engaged, the NPS history, which services are bought) are drawn once here, before any document is built.
 */
export interface CustomerContext {
  org: OrgContext;
  plan: CustomerPlan;
  facts: NamedFacts | null;
  rng: Rng;
  id: string;
  name: string;
  domain: string;
  industry: string;
  city: string;
  uf: string;
  sinceDay: number;
  /** Current contract term's end (the renewal date); null for a churned customer. */
  renewalDay: number | null;
  churnDay: number | null;
  /** The CSM (null when unassigned) and who acts for the agency (the CSM, else the admin). */
  csm: DemoUser | null;
  owner: DemoUser;
  clientUser: DemoUser | null;
  risks: ReadonlySet<RiskKey>;
  /** Day of the last activity with a decision maker (`metadata.executive`). */
  lastExecutiveDay: number;
  /** NPS of the last two surveys (previous may be null for new customers). */
  nps: { previous: number | null; latest: number };
  /** Services in the active contract and needs the customer mentioned without buying them (cross-sell). */
  boughtNeeds: ReadonlySet<NeedKey>;
  mentionedNeeds: NeedKey[];
  /** B2C businesses have busier weekends. */
  consumerFacing: boolean;
}

/** A customer context after its customer document exists (contacts are needed by later collections). */
export interface BuiltCustomer extends CustomerContext {
  customer: Customer;
  primaryContact: Contact;
  decisionMaker: Contact;
}

export const hasRisk = (ctx: CustomerContext, risk: RiskKey) => ctx.risks.has(risk);
export const isActive = (ctx: CustomerContext) => ctx.plan.profile !== 'churned';

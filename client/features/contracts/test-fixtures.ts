import type { Invoice } from '../../../shared/entities/billing.ts';
import type { Activity } from '../../../shared/entities/csm.ts';
import type { Contact, Customer } from '../../../shared/entities/customer.ts';

/**
 * TechCorp LTDA as the customers spec shows it (§2.2–2.3) — the license CTR-2024-0045 with its three items,
 * the completed Training Package, payments INV-1231…1234, João Silva (CEO) as primary contact and the call
 * about "expansão para RH" — as stored documents, for the contracts, contacts and activity tabs' page tests.
 * The clock of renderApp is 2026-11-21T12:00Z.
 */
export const TECHCORP_ID = '0190a8e4-0000-7000-8000-000000000101';
const uuid = (n: number) => `0190a8e4-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
const AT = '2026-11-20T12:00:00.000Z';
/** Maria Santos, the test shell's signed-in CSM (client/test/render-app.tsx `staffUser`). */
const MARIA_ID = '0190a8e4-0000-7000-8000-000000000001';

const contact = (n: number, fields: Partial<Contact> & Pick<Contact, 'firstName' | 'email'>): Contact => ({
  id: uuid(0x500 + n),
  lastName: null,
  phone: null,
  jobTitle: null,
  isPrimary: false,
  role: 'user',
  lastContactedAt: null,
  npsScore: null,
  leftCompanyAt: null,
  createdAt: `2024-01-${String(10 + n).padStart(2, '0')}T12:00:00.000Z`,
  ...fields,
});

export const JOAO_CONTACT = contact(1, {
  firstName: 'João',
  lastName: 'Silva',
  email: 'joao@techcorp.com.br',
  phone: '+55 11 98765-4321',
  jobTitle: 'CEO',
  isPrimary: true,
  role: 'decision_maker',
  npsScore: 9,
});
export const MARIA_CONTACT = contact(2, {
  firstName: 'Maria',
  lastName: 'Oliveira',
  email: 'maria@techcorp.com.br',
  jobTitle: 'CTO',
  role: 'technical',
});
export const PEDRO_CONTACT = contact(3, {
  firstName: 'Pedro',
  lastName: 'Santos',
  email: 'pedro@techcorp.com.br',
  jobTitle: 'Head of Operations',
  role: 'champion',
});

export const TECHCORP: Customer = {
  id: TECHCORP_ID,
  updatedAt: AT,
  serverSeq: 7,
  clientUpdatedAt: AT,
  name: 'TechCorp LTDA',
  domain: 'techcorp.com.br',
  industry: 'SaaS',
  size: '201-500',
  location: 'São Paulo, SP',
  cnpj: '11222333000181',
  status: 'active',
  tier: 'enterprise',
  mrrCents: 450_000,
  arrCents: 5_400_000,
  lifetimeValueCents: 5_850_000,
  activeUsers: 85,
  totalSeats: 100,
  lastLoginAt: AT,
  csmId: MARIA_ID,
  renewalDate: '2027-01-15',
  renewalType: 'auto_renew',
  customerSince: '2024-01-15',
  churnedAt: null,
  churnReason: null,
  notes: null,
  contacts: [JOAO_CONTACT, MARIA_CONTACT, PEDRO_CONTACT],
  contracts: [
    {
      id: uuid(0x45),
      name: 'Enterprise Annual License',
      contractNumber: 'CTR-2024-0045',
      status: 'active',
      monthlyValueCents: 450_000,
      totalValueCents: 15_750_000,
      currency: 'BRL',
      startDate: '2024-01-15',
      endDate: '2027-01-15',
      billingCycle: 'monthly',
      renewalType: 'auto_renew',
      renewalNotificationDays: 60,
      items: [
        item(1, 'Platform License (100 seats)', 350_000),
        item(2, 'Premium Support', 50_000),
        item(3, 'API Access', 50_000),
      ],
      documentUrl: 'https://docs.arco.example/contratos/CTR-2024-0045.pdf',
      signedAt: '2024-01-09T19:30:00.000Z',
      signedBy: 'João Silva',
      previousContractId: null,
    },
    {
      id: uuid(0x46),
      name: 'Training Package',
      contractNumber: 'CTR-2024-0046',
      status: 'completed',
      monthlyValueCents: 0,
      totalValueCents: 500_000,
      currency: 'BRL',
      startDate: '2024-02-01',
      endDate: '2024-04-30',
      billingCycle: 'one_time',
      renewalType: 'manual',
      renewalNotificationDays: 0,
      items: [
        {
          ...item(4, 'Training Package', 100_000),
          quantity: 5,
          billingType: 'one_time',
        },
      ],
      documentUrl: null,
      signedAt: '2024-01-29T19:30:00.000Z',
      signedBy: 'João Silva',
      previousContractId: null,
    },
  ],
};

function item(n: number, name: string, unitPriceCents: number) {
  return {
    id: uuid(0x600 + n),
    name,
    description: null,
    quantity: 1,
    unitPriceCents,
    billingType: 'recurring' as const,
  };
}

const invoice = (
  n: number,
  number: string,
  due: string,
  amountCents: number,
  description: string,
): Invoice => ({
  id: uuid(0x700 + n),
  updatedAt: AT,
  serverSeq: 10 + n,
  clientUpdatedAt: AT,
  customerId: TECHCORP_ID,
  contractId: uuid(0x45),
  number,
  description,
  amountCents,
  issueDate: due,
  dueDate: due,
  paidDate: due,
  status: 'paid',
  nfeUrl: `https://nfe.arco.example/${number}.pdf`,
  nfeNumber: number.replace(/\D/g, '') || number,
  pixCode: null,
  payments: [
    {
      id: uuid(0x800 + n),
      amountCents,
      method: 'boleto',
      transactionId: null,
      gateway: null,
      status: 'approved',
      paidAt: `${due}T15:00:00.000Z`,
      createdAt: `${due}T15:00:00.000Z`,
    },
  ],
});

export const TECHCORP_INVOICES: Invoice[] = [
  invoice(0, 'INV-1230', '2025-09-15', 400_000, 'Mensalidade set/2025'),
  invoice(1, 'INV-1231', '2025-10-15', 400_000, 'Mensalidade out/2025'),
  invoice(2, 'INV-1232', '2025-11-15', 450_000, 'Mensalidade nov/2025'),
  invoice(3, 'INV-1233', '2025-12-15', 450_000, 'Mensalidade dez/2025'),
  invoice(4, 'INV-1234', '2026-01-15', 450_000, 'Mensalidade jan/2026'),
];

export const activity = (
  n: number,
  type: Activity['type'],
  occurredAt: string,
  title: string,
  description: string | null = null,
  metadata: Activity['metadata'] = {},
): Activity => ({
  id: uuid(0x900 + n),
  updatedAt: AT,
  serverSeq: 100 + n,
  clientUpdatedAt: AT,
  customerId: TECHCORP_ID,
  type,
  title,
  description,
  performedBy: MARIA_ID,
  performedByName: 'Maria Santos',
  occurredAt,
  metadata,
  signalId: null,
  dueAt: null,
  completedAt: null,
  assignedTo: null,
  ticketId: null,
});

export const RH_CALL = activity(
  1,
  'call',
  '2026-11-19T17:30:00.000Z',
  'Ligação com João Silva (CEO)',
  'Muito satisfeitos com a plataforma, discutimos expansão para RH.',
  { durationMinutes: 30, executive: true, contactId: JOAO_CONTACT.id },
);

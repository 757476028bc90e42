import type { Health, HealthStatus } from '../../../shared/entities/csm.ts';
import { HEALTH_DIMENSIONS } from '../../../shared/entities/csm.ts';
import type { Customer } from '../../../shared/entities/customer.ts';
import { detectRisks } from '../../../shared/domain/csm/risk.ts';
import {
  AGENCIA_DIGITAL_RISK,
  SEED_NOW,
  STARTUP_XYZ_RISK,
} from '../../../shared/domain/csm/seed-fixtures.ts';

/**
 * The customer list wireframe's rows (customers spec §2.1) as stored documents, for this feature's tests.
 * Risk factors of the flagged customers come from the shared detector on the seed's own inputs, so the warning
 * lines carry exactly the descriptions the server would store.
 */
export const MARIA = { id: '0190a8e4-0000-7000-8000-000000000001', name: 'Maria Santos' };
export const JOAO = { id: '0190a8e4-0000-7000-8000-000000000003', name: 'João Silva' };
export const PEDRO = { id: '0190a8e4-0000-7000-8000-000000000004', name: 'Pedro Lima' };

const customerId = (n: number) => `0190a8e4-0000-7000-8000-0000000001${String(n).padStart(2, '0')}`;
const healthId = (n: number) => `0190a8e4-0000-7000-8000-0000000002${String(n).padStart(2, '0')}`;
const at = SEED_NOW.toISOString();

export function customerDoc(n: number, fields: Partial<Customer> & Pick<Customer, 'name'>): Customer {
  return {
    id: customerId(n),
    updatedAt: at,
    serverSeq: n,
    clientUpdatedAt: at,
    domain: null,
    industry: null,
    size: null,
    location: null,
    cnpj: null,
    status: 'active',
    tier: 'pro',
    mrrCents: 0,
    arrCents: 0,
    lifetimeValueCents: 0,
    activeUsers: 0,
    totalSeats: 10,
    lastLoginAt: null,
    csmId: null,
    renewalDate: null,
    renewalType: 'auto_renew',
    customerSince: '2024-01-15',
    churnedAt: null,
    churnReason: null,
    notes: null,
    contacts: [],
    contracts: [],
    ...fields,
  };
}

export function healthDoc(
  n: number,
  fields: { score: number; status: HealthStatus; trend: number | null } & Partial<Health>,
): Health {
  const metric = (score: number | null) => ({
    score,
    weight: 20,
    effectiveWeight: 20,
    weightedScore: score === null ? 0 : score / 5,
    factors: [],
    trend: 'stable' as const,
    trendValue: 0,
    rulePoints: 0,
  });
  return {
    id: healthId(n),
    updatedAt: at,
    serverSeq: 100 + n,
    clientUpdatedAt: at,
    customerId: customerId(n),
    breakdown: Object.fromEntries(
      HEALTH_DIMENSIONS.map((d) => [d, metric(fields.score)]),
    ) as unknown as Health['breakdown'],
    missingDimensions: [],
    history: [],
    riskScore: 100,
    riskLevel: 'none',
    riskFactors: [],
    atRiskSince: null,
    churnProbability: 5,
    predictedChurnDate: null,
    churnFactors: [],
    computedAt: at,
    ...fields,
  };
}

const agencia = detectRisks(AGENCIA_DIGITAL_RISK, SEED_NOW);
const startup = detectRisks(STARTUP_XYZ_RISK, SEED_NOW);

export const WIREFRAME_CUSTOMERS: Customer[] = [
  customerDoc(1, {
    name: 'TechCorp LTDA',
    domain: 'techcorp.com.br',
    industry: 'SaaS',
    size: '201-500',
    location: 'São Paulo, SP',
    tier: 'enterprise',
    mrrCents: 450_000,
    arrCents: 5_400_000,
    activeUsers: 85,
    totalSeats: 100,
    csmId: MARIA.id,
    customerSince: '2024-01-15',
    renewalDate: '2027-01-15',
  }),
  customerDoc(2, {
    name: 'Fintech ABC',
    domain: 'fintechabc.com.br',
    industry: 'Fintech',
    tier: 'pro',
    mrrCents: 320_000,
    arrCents: 3_840_000,
    activeUsers: 42,
    totalSeats: 50,
    csmId: JOAO.id,
    customerSince: '2024-06-03',
  }),
  customerDoc(3, {
    name: 'AgênciaDigital',
    domain: 'agenciadigital.com.br',
    industry: 'Marketing',
    tier: 'pro',
    mrrCents: 210_000,
    arrCents: 2_520_000,
    activeUsers: 28,
    totalSeats: 60,
    csmId: MARIA.id,
    customerSince: '2025-04-01',
    renewalType: 'manual',
  }),
  customerDoc(4, {
    name: 'StartupXYZ',
    domain: 'startupxyz.com.br',
    industry: 'Tecnologia',
    tier: 'starter',
    mrrCents: 150_000,
    arrCents: 1_800_000,
    activeUsers: 15,
    totalSeats: 20,
    csmId: null,
    customerSince: '2025-05-10',
  }),
  customerDoc(5, {
    name: 'E-commerce Shop',
    domain: 'ecommerceshop.com.br',
    industry: 'E-commerce',
    tier: 'pro',
    mrrCents: 280_000,
    arrCents: 3_360_000,
    activeUsers: 35,
    totalSeats: 40,
    csmId: PEDRO.id,
    customerSince: '2024-09-20',
  }),
];

export const WIREFRAME_HEALTH: Health[] = [
  healthDoc(1, { score: 92, status: 'healthy', trend: 5 }),
  healthDoc(2, { score: 87, status: 'healthy', trend: 0 }),
  healthDoc(3, { score: 68, status: 'at_risk', trend: -6, ...agencia, churnProbability: 35 }),
  healthDoc(4, { score: 42, status: 'critical', trend: -18, ...startup, churnProbability: 78 }),
  healthDoc(5, { score: 85, status: 'healthy', trend: 4 }),
];

import { z } from 'zod';
import { CNPJ_SHAPE, isValidCnpj } from '../domain/cnpj.ts';
import {
  count,
  idSchema,
  isoDate,
  isoDateTime,
  longText,
  nonNegativeCents,
  shortText,
  syncedFields,
} from './common.ts';

// Enums from the customers spec §3 (the product's customers module spec; docs/domain.md).
export const customerStatusSchema = z.enum(['onboarding', 'active', 'at_risk', 'churned', 'paused']);
export const customerTierSchema = z.enum(['starter', 'pro', 'enterprise', 'custom']);
export const renewalTypeSchema = z.enum(['auto_renew', 'manual', 'month_to_month']);
export const contractStatusSchema = z.enum(['draft', 'active', 'completed', 'cancelled']);
export const billingCycleSchema = z.enum(['monthly', 'quarterly', 'annual', 'one_time']);
export const contactRoleSchema = z.enum(['decision_maker', 'champion', 'user', 'billing', 'technical']);

export const contactSchema = z.strictObject({
  id: idSchema,
  firstName: shortText,
  lastName: z.string().max(200).nullable(),
  email: z.email().max(320),
  phone: z.string().max(40).nullable(),
  jobTitle: z.string().max(200).nullable(),
  isPrimary: z.boolean(),
  role: contactRoleSchema,
  lastContactedAt: isoDateTime.nullable(),
  npsScore: z.number().int().min(0).max(10).nullable(),
  /** Set when the person left the company (the "main contact left" risk factor reads it). */
  leftCompanyAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
});
export type Contact = z.infer<typeof contactSchema>;

export const contractItemSchema = z.strictObject({
  id: idSchema,
  name: shortText,
  description: z.string().max(2000).nullable(),
  quantity: z.number().int().min(1).max(1_000_000),
  unitPriceCents: nonNegativeCents,
  billingType: z.enum(['recurring', 'one_time']),
});
export type ContractItem = z.infer<typeof contractItemSchema>;

export const contractSchema = z.strictObject({
  id: idSchema,
  name: shortText,
  contractNumber: z.string().trim().min(1).max(50),
  status: contractStatusSchema,
  /** Recurring value per month (0 for one-time contracts). */
  monthlyValueCents: nonNegativeCents,
  /** Whole contract value over its period, one-time items included. */
  totalValueCents: nonNegativeCents,
  currency: z.literal('BRL'),
  startDate: isoDate,
  endDate: isoDate,
  billingCycle: billingCycleSchema,
  renewalType: renewalTypeSchema,
  renewalNotificationDays: z.number().int().min(0).max(365),
  items: z.array(contractItemSchema).max(200),
  documentUrl: z.url().max(2000).nullable(),
  signedAt: isoDateTime.nullable(),
  signedBy: z.string().max(200).nullable(),
  previousContractId: idSchema.nullable(),
});
export type Contract = z.infer<typeof contractSchema>;

/**
 * A client company of the agency (the aggregate root of the CSM side). Contacts and contracts are embedded:
 * they are owned by the customer and small, so one document carries the whole Customer 360 header offline.
 */
export const customerSchema = z.strictObject({
  ...syncedFields,
  name: shortText,
  domain: z.string().max(200).nullable(),
  industry: z.string().max(100).nullable(),
  size: z.string().max(50).nullable(),
  location: z.string().max(200).nullable(),
  status: customerStatusSchema,
  tier: customerTierSchema,
  /** Server-derived from active contracts (sum of monthly values); the device may show a provisional value. */
  mrrCents: nonNegativeCents,
  arrCents: nonNegativeCents,
  /** Server-derived: total collected from paid invoices. */
  lifetimeValueCents: nonNegativeCents,
  activeUsers: count,
  totalSeats: count,
  lastLoginAt: isoDateTime.nullable(),
  csmId: idSchema.nullable(),
  renewalDate: isoDate.nullable(),
  renewalType: renewalTypeSchema,
  customerSince: isoDate,
  churnedAt: isoDateTime.nullable(),
  churnReason: longText.nullable(),
  notes: longText.nullable(),
  /**
   * The company's CNPJ without punctuation (shared/domain/cnpj.ts: 12 digits or capital letters — the
   * alphanumeric CNPJ since July 2026, protocol 12 — then 2 check digits, both right, not all the same digit);
   * the NFS-e's taker (tomador) needs it. Null when unknown, as in older documents. Last of the columns: added
   * by migration 0280 (the table's column order follows the schema).
   */
  cnpj: z
    .string()
    .regex(CNPJ_SHAPE, 'expected 12 digits or capital letters, then 2 check digits')
    .refine(isValidCnpj, 'invalid CNPJ check digits')
    .nullable()
    .default(null),
  contacts: z.array(contactSchema).max(500),
  contracts: z.array(contractSchema).max(200),
});
export type Customer = z.infer<typeof customerSchema>;
export const CUSTOMER_SERVER_OWNED = ['mrrCents', 'arrCents', 'lifetimeValueCents'] as const;

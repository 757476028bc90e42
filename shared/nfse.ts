import { z } from 'zod';

/**
 * The answer of `/api/nfse/invoices/:invoiceId` (docs/api.md "NFS-e"): an invoice's NFS-e issuance as the
 * server recorded it, or null before any. Read by the staff "Emitir NFS-e" control (client/features/contracts).
 * `errors` is the provider's refusal, already readable ("E160: CNPJ do tomador inválido"); never a secret.
 */
export const nfseIssuanceSchema = z.object({
  status: z.enum(['processing', 'issued', 'failed', 'cancelled']),
  number: z.string().nullable(),
  url: z.string().nullable(),
  errors: z.string().nullable(),
  updatedAt: z.string(),
});
export type NfseIssuance = z.infer<typeof nfseIssuanceSchema>;

export const nfseAnswerSchema = z.object({ issuance: nfseIssuanceSchema.nullable() });

/** `details.reason` of the 422 answered when the invoice's customer has no CNPJ (nothing was sent). */
export const NFSE_TAKER_CNPJ_MISSING = 'taker_cnpj_missing';

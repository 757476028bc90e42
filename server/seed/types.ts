import { z } from 'zod';
import type { CollectionName, DocOf, Role } from '../../shared/collections/index.ts';

/** Inputs of the generator, parsed at the boundary (CLI args, start-up seeding, tests). */
export const demoOptionsSchema = z.strictObject({
  /** Any 32-bit integer; the same seed (and `now`, and `customers`) gives byte-identical output. */
  seed: z.number().int().min(-2_147_483_648).max(4_294_967_295).default(1),
  /** Customers of "Arco Digital" (the seed's portfolio has ≈ 90; benchmarks use 10 000+). Minimum: the six named. */
  customers: z.number().int().min(6).max(200_000).default(90),
  /** The instant every relative date is computed from (the generator never reads the clock). */
  now: z
    .union([z.date(), z.iso.datetime({ offset: true })])
    .transform((v) => (v instanceof Date ? v : new Date(v))),
});
export type DemoOptions = z.input<typeof demoOptionsSchema>;
export type ParsedDemoOptions = z.output<typeof demoOptionsSchema>;

export interface DemoOrganization {
  id: string;
  name: string;
  slug: string;
  timeZone: string;
  createdAt: string;
}

/** A login. `password` is plain text: the loader hashes it (argon2id) before it touches the database. */
export interface DemoUser {
  id: string;
  organizationId: string;
  role: Role;
  /** Set for `client` users only: the customer whose portal they see. */
  customerId: string | null;
  email: string;
  name: string;
  password: string;
  phone: string | null;
  jobTitle: string | null;
  timeZone: string;
  createdAt: string;
}

export type DemoDocuments = { [N in CollectionName]: DocOf<N>[] };

/**
 * Which organization owns each document. Customer-scoped documents resolve through their customer, user-scoped
 * ones through their user; `content` (organization-scoped, no owner field) is listed here explicitly.
 */
export interface DemoOwnership {
  /** customerId → organizationId */
  customers: Record<string, string>;
  /** content id → organizationId */
  content: Record<string, string>;
}

export interface DemoData {
  organizations: DemoOrganization[];
  users: DemoUser[];
  documents: DemoDocuments;
  owners: DemoOwnership;
}

/** A slice of the demo data that belongs to one organization (the unit the streaming API yields). */
export interface DemoBatch {
  organizationId: string;
  documents: Partial<DemoDocuments>;
}

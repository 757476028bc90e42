import { z } from 'zod';
import { idSchema, isoDateTime } from './entities/common.ts';
import { ROLES, signedInUserSchema } from './identity.ts';

/**
 * Accounts: the first run, invitations and user management (docs/api.md "Accounts"). Request bodies and
 * answers as zod schemas (= types), shared so the device validates a form with the rules the server enforces.
 *
 * Invariants:
 * - An invitation is for staff (`admin`, `csm`, no customer) or a client user of exactly one customer, like the
 *   user it creates (shared/identity.ts).
 * - An invitation link carries a 256-bit single-use token; only its SHA-256 is stored; it expires
 *   `INVITATION_TTL_DAYS` after it was (re)sent. A resend replaces the token: the old link dies.
 * - A client user's role never changes (they belong to a customer); staff move between `admin` and `csm`.
 * - Nobody changes their own role or disables themselves, so an organization always keeps an enabled admin.
 */
export const INVITATION_TTL_DAYS = 7;
export const LANGUAGES = ['pt-BR', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The shape of a link token (server/auth/tokens.ts: 32 random bytes, base64url). */
export const linkTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'This link is not valid.');

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'Use at most 254 characters.')
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Enter an email address.');

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 1024;
/** A password someone chooses (invitation, first run, reset). Sign-in accepts any stored one. */
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`);

export const personNameSchema = z
  .string()
  .trim()
  .min(1, 'Enter a name.')
  .max(120, 'Use at most 120 characters.');

export const STAFF_ROLES = ['admin', 'csm'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** `POST /api/users/invitations`. */
export const inviteBodySchema = z
  .strictObject({
    email: emailSchema,
    role: z.enum(ROLES),
    customerId: idSchema.nullable().default(null),
    locale: z.enum(LANGUAGES).default('pt-BR'),
  })
  .superRefine((v, ctx) => {
    if (v.role === 'client' && v.customerId === null)
      ctx.addIssue({ code: 'custom', path: ['customerId'], message: 'Choose the client company.' });
    if (v.role !== 'client' && v.customerId !== null)
      ctx.addIssue({ code: 'custom', path: ['customerId'], message: 'Staff do not belong to a customer.' });
  });
export type InviteBody = z.infer<typeof inviteBodySchema>;

/** `PATCH /api/users/:id`: at least one change. */
export const userUpdateBodySchema = z
  .strictObject({ role: z.enum(STAFF_ROLES).optional(), disabled: z.boolean().optional() })
  .refine((v) => v.role !== undefined || v.disabled !== undefined, 'Nothing to change.');
export type UserUpdateBody = z.infer<typeof userUpdateBodySchema>;

/** `POST /api/invitations/lookup`. */
export const invitationLookupBodySchema = z.strictObject({ token: linkTokenSchema });

/** `POST /api/invitations/accept`. */
export const acceptInvitationBodySchema = z.strictObject({
  token: linkTokenSchema,
  name: personNameSchema,
  password: newPasswordSchema,
});
export type AcceptInvitationBody = z.infer<typeof acceptInvitationBodySchema>;

/** `POST /api/setup`: the first organization and its admin. */
export const setupBodySchema = z.strictObject({
  organizationName: z
    .string()
    .trim()
    .min(1, 'Enter the organization’s name.')
    .max(120, 'Use at most 120 characters.'),
  name: personNameSchema,
  email: emailSchema,
  password: newPasswordSchema,
  locale: z.enum(LANGUAGES).default('pt-BR'),
});
export type SetupBody = z.infer<typeof setupBodySchema>;

export const setupStatusSchema = z.object({ needed: z.boolean() });

const personRefSchema = z.object({ id: idSchema, name: z.string() });

export const userSummarySchema = z.object({
  id: idSchema,
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  customerId: idSchema.nullable(),
  customerName: z.string().nullable(),
  disabled: z.boolean(),
  /** The last time the user used Arco (a request on a session, or a sign-in); null = never. */
  lastActiveAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
});
export type UserSummary = z.infer<typeof userSummarySchema>;

export const INVITATION_STATES = ['pending', 'expired', 'accepted', 'revoked'] as const;
export type InvitationState = (typeof INVITATION_STATES)[number];

export const invitationSummarySchema = z.object({
  id: idSchema,
  email: z.string(),
  role: z.enum(ROLES),
  customerId: idSchema.nullable(),
  customerName: z.string().nullable(),
  locale: z.enum(LANGUAGES),
  invitedBy: personRefSchema.nullable(),
  createdAt: isoDateTime,
  sentAt: isoDateTime,
  expiresAt: isoDateTime,
  state: z.enum(INVITATION_STATES),
});
export type InvitationSummary = z.infer<typeof invitationSummarySchema>;

/** `GET /api/users`: the organization's people and its open (pending or expired) invitations. */
export const usersListSchema = z.object({
  users: z.array(userSummarySchema),
  invitations: z.array(invitationSummarySchema),
});
export type UsersList = z.infer<typeof usersListSchema>;

/** What the invitation page shows (`POST /api/invitations/lookup`). */
export const invitationPreviewSchema = z.object({
  organizationName: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  customerName: z.string().nullable(),
  locale: z.enum(LANGUAGES),
  expiresAt: isoDateTime,
});
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

/** Why an invitation link no longer works (`details.reason` of its 404). */
export const INVITATION_LINK_PROBLEMS = ['unknown', 'expired', 'used', 'revoked'] as const;
export type InvitationLinkProblem = (typeof INVITATION_LINK_PROBLEMS)[number];

/** The state of an invitation at `now`. */
export function invitationState(
  i: { readonly acceptedAt: Date | null; readonly revokedAt: Date | null; readonly expiresAt: Date },
  now: Date,
): InvitationState {
  if (i.acceptedAt) return 'accepted';
  if (i.revokedAt) return 'revoked';
  return now.getTime() < i.expiresAt.getTime() ? 'pending' : 'expired';
}

/** `POST /api/setup`, `POST /api/invitations/accept`: the user now signed in on this browser. */
export const signedInResponseSchema = z.object({ user: signedInUserSchema });

import type { z } from 'zod';
import type { Role } from '../../shared/collections.ts';
import type { PermissionUser } from '../../shared/permissions.ts';

/**
 * What every feature's offline write builders share (tickets, meetings): the acting user, and the result of
 * a builder — the exact document or change to store (already parsed by the shared zod schema and authorized
 * by the shared permission rules, the same function the sync push applies), or the errors to show, as keys
 * of the feature's `errors` strings with their parameters. Pure: ids and the clock are parameters.
 */

export interface PortalUser {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly organizationId: string;
  readonly customerId: string | null;
}

export const permissionUserOf = (u: PortalUser): PermissionUser => ({
  id: u.id,
  role: u.role,
  organizationId: u.organizationId,
  customerId: u.customerId,
});

/** An error to show: a key of the feature's `errors` strings, with its parameters. */
export interface ErrorMessage<K extends string = string> {
  readonly key: K;
  readonly max?: number;
}

export type WriteResult<T, F extends string, K extends string = string> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly fieldErrors: Readonly<Partial<Record<F, ErrorMessage<K>>>>;
      readonly formError: ErrorMessage<K> | null;
    };

export const fail = <F extends string, K extends string>(
  fieldErrors: Partial<Record<F, ErrorMessage<K>>>,
  formError: ErrorMessage<K> | null = null,
) => ({ ok: false as const, fieldErrors, formError });

/** A too-small string is "required" (every minimum here is 1), a too-big one "too long" with its limit. */
export function lengthError<K extends string>(
  issue: z.core.$ZodIssue,
  required: K,
  tooLong: K,
): ErrorMessage<K> {
  if (issue.code === 'too_big') return { key: tooLong, max: Number(issue.maximum) };
  return { key: required };
}

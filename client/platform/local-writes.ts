import type { z } from 'zod';
import type { CollectionName } from '../../shared/collections/index.ts';
import { identityOf, type SignedInUser } from '../../shared/identity.ts';
import { authorizeWrite, type WriteRequest } from '../../shared/permissions.ts';

/**
 * What every feature's offline write builders share (tickets, meetings): the acting user, and the result of
 * a builder — the exact document or change to store (already parsed by the shared zod schema and authorized
 * by the shared permission rules, the same function the sync push applies), or the errors to show, as keys
 * of the feature's `errors` strings with their parameters. Pure: ids and the clock are parameters.
 */

/** What the write builders need of the signed-in user: its identity's keys and the name messages are signed with. */
export type PortalUser = Pick<SignedInUser, 'id' | 'name' | 'role' | 'organizationId' | 'customerId'>;

/**
 * `authorizeWrite` for the acting user, through its identity (shared/identity.ts `identityOf`): a user with no
 * valid identity may write nothing.
 */
export function writeAllowed(user: PortalUser, collection: CollectionName, write: WriteRequest): boolean {
  const identity = identityOf(user);
  return identity !== null && authorizeWrite(identity, collection, write).allowed;
}

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

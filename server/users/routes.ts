import { Hono, type Context } from 'hono';
import { z } from 'zod';
import {
  acceptInvitationBodySchema,
  INVITATION_TTL_DAYS,
  invitationLookupBodySchema,
  inviteBodySchema,
  setupBodySchema,
  userUpdateBodySchema,
  type InvitationLinkProblem,
  type InvitationSummary,
} from '../../shared/accounts.ts';
import { AUDIT_PAGE_SIZE } from '../../shared/audit.ts';
import { idSchema } from '../../shared/entities/common.ts';
import { ApiError, conflict, forbidden, notFound, validationFailed } from '../../shared/api-errors.ts';
import { requireUser } from '../auth/require-user.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { SessionEndedHandler } from '../auth/routes.ts';
import { hashToken, newToken, type RandomBytes } from '../auth/tokens.ts';
import type { Config } from '../config.ts';
import { limitBody, readJson } from '../http/body.ts';
import type { AppEnv, AuthedEnv, Clock } from '../http/context.ts';
import { clientAddress, expectedOrigin } from '../http/request-info.ts';
import type { Mailer } from '../mail/mailer.ts';
import { invitationMail, invitationUrl } from './invitation-mail.ts';
import { startSessionFor } from './start-session.ts';
import type { AccountsStore } from './store.ts';

/** Account bodies are small: names, an e-mail, a password (≤ 1024 characters). */
const ACCOUNTS_BODY_LIMIT = 16 * 1024;
const DAY_MS = 86_400_000;

export interface AccountsDeps {
  readonly store: AccountsStore;
  readonly mailer: Mailer;
  readonly clock: Clock;
  readonly random: RandomBytes;
  readonly config: Pick<Config, 'publicOrigin' | 'trustProxy'>;
  /** A sign-in here replaces the browser's previous session like `/api/auth/login` does (push follows it). */
  readonly onSessionEnded?: SessionEndedHandler;
}

/**
 * `/api/users` — the organization's people, invitations and audit log, for admins (docs/api.md "Accounts").
 * The admin check comes before the body, so a CSM learns the rule rather than a list of field errors; RLS
 * enforces it again in PostgreSQL.
 */
export function usersRoutes(deps: AccountsDeps): Hono<AuthedEnv> {
  const { store, clock } = deps;
  const app = new Hono<AuthedEnv>();
  app.use('*', requireUser);
  app.use('*', async (c, next) => {
    if (c.get('user').role !== 'admin') throw forbidden('Only an administrator can manage users.');
    await next();
  });
  const meta = (c: Context<AuthedEnv>) => ({
    at: clock.now(),
    ip: clientAddress(c, deps.config),
  });

  app.get('/', async (c) => c.json(await store.listUsers(c.get('identity'), clock.now())));

  app.get('/audit', async (c) => {
    const query = auditQuerySchema.safeParse(c.req.query());
    if (!query.success) throw validationFailed(query.error, 'The page parameters are invalid.');
    return c.json(
      await store.readAudit(c.get('identity'), {
        before: query.data.before ?? null,
        limit: query.data.limit ?? AUDIT_PAGE_SIZE,
      }),
    );
  });

  app.post('/invitations', limitBody(ACCOUNTS_BODY_LIMIT), async (c) => {
    const body = await readJson(c, inviteBodySchema);
    const token = newToken(deps.random);
    const now = clock.now();
    const outcome = await store.createInvitation(
      c.get('identity'),
      {
        ...body,
        tokenHash: hashToken(token),
        expiresAt: new Date(now.getTime() + INVITATION_TTL_DAYS * DAY_MS),
      },
      meta(c),
    );
    if (!outcome.ok) {
      if (outcome.reason === 'unknown_customer')
        throw new ApiError('validation_failed', 'Choose a client company of this organization.', {
          issues: [{ path: 'customerId', code: 'custom', message: 'Unknown client company.' }],
        });
      throw conflict(
        outcome.reason === 'user_exists'
          ? 'Someone already uses Arco with this e-mail address.'
          : 'This address already has an open invitation: resend or revoke it.',
        { reason: outcome.reason },
      );
    }
    const mailed = await sendInvitation(c, deps, outcome.invitation, outcome.organizationName, token);
    return c.json({ invitation: outcome.invitation, mailed }, 201);
  });

  app.post('/invitations/:id/resend', limitBody(ACCOUNTS_BODY_LIMIT), async (c) => {
    const id = pathId(c.req.param('id'));
    const token = newToken(deps.random);
    const now = clock.now();
    const renewed = await store.renewInvitation(
      c.get('identity'),
      id,
      { tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + INVITATION_TTL_DAYS * DAY_MS) },
      meta(c),
    );
    if (!renewed) throw notFound('There is no open invitation with this id.');
    const mailed = await sendInvitation(c, deps, renewed.invitation, renewed.organizationName, token);
    return c.json({ invitation: renewed.invitation, mailed }, 200);
  });

  app.post('/invitations/:id/revoke', limitBody(ACCOUNTS_BODY_LIMIT), async (c) => {
    const id = pathId(c.req.param('id'));
    if (!(await store.revokeInvitation(c.get('identity'), id, meta(c))))
      throw notFound('There is no open invitation with this id.');
    return c.body(null, 204);
  });

  app.patch('/:id', limitBody(ACCOUNTS_BODY_LIMIT), async (c) => {
    const id = pathId(c.req.param('id'));
    const change = await readJson(c, userUpdateBodySchema);
    const result = await store.updateUser(c.get('identity'), id, change, meta(c));
    if (result.ok) {
      c.get('log').info({ event: 'user_updated', userId: id, change }, 'user updated');
      return c.json({ user: result.user }, 200);
    }
    if (result.reason === 'not_found') throw notFound('There is no such user.');
    if (result.reason === 'self')
      throw conflict('You cannot change your own role or disable yourself; ask another administrator.', {
        reason: 'self',
      });
    throw conflict('A client user’s role cannot change; invite them again as staff.', {
      reason: 'client_role',
    });
  });

  return app;
}

/**
 * `/api/invitations` — the invitation page, before anyone is signed in: what an invitation is for, and
 * accepting it (name + password), which creates the user and signs them in. The token is the only credential;
 * it travels in the body (never in a URL a log could keep).
 */
export function invitationRoutes(deps: AccountsDeps): Hono<AppEnv> {
  const { store, clock } = deps;
  return new Hono<AppEnv>()
    .post('/lookup', limitBody(ACCOUNTS_BODY_LIMIT), async (c) => {
      const { token } = await readJson(c, invitationLookupBodySchema);
      const found = await store.findInvitation(hashToken(token), clock.now());
      if (!found) throw linkProblem('unknown');
      const { state, ...preview } = found;
      if (state !== 'pending') throw linkProblem(state === 'accepted' ? 'used' : state);
      return c.json({ invitation: preview }, 200);
    })
    .post('/accept', limitBody(ACCOUNTS_BODY_LIMIT), async (c) => {
      const body = await readJson(c, acceptInvitationBodySchema);
      const passwordHash = await hashPassword(body.password);
      const result = await store.acceptInvitation(
        hashToken(body.token),
        { name: body.name, passwordHash },
        { at: clock.now(), ip: clientAddress(c, deps.config) },
      );
      if (!result.ok) {
        if (result.reason === 'email_taken')
          throw conflict('Someone already uses Arco with this e-mail address.', { reason: 'email_taken' });
        throw linkProblem(result.reason);
      }
      await startSessionFor(c, result.user, deps);
      c.get('log').info({ event: 'invitation_accepted', userId: result.user.id }, 'invitation accepted');
      return c.json({ user: result.user }, 201);
    });
}

/**
 * `/api/setup` — the first run in the browser: only while the database has no organization (afterwards 409,
 * whoever asks). Creates the organization and its admin and signs the admin in.
 */
export function setupRoutes(deps: AccountsDeps): Hono<AppEnv> {
  const { store, clock } = deps;
  return new Hono<AppEnv>()
    .get('/', async (c) => c.json({ needed: !(await store.hasOrganization()) }, 200))
    .post('/', limitBody(ACCOUNTS_BODY_LIMIT), async (c) => {
      if (await store.hasOrganization()) throw alreadySetUp();
      const body = await readJson(c, setupBodySchema);
      const user = await store.createOrganization(
        {
          organizationName: body.organizationName,
          locale: body.locale,
          admin: { email: body.email, name: body.name, passwordHash: await hashPassword(body.password) },
        },
        { at: clock.now(), ip: clientAddress(c, deps.config) },
      );
      if (!user) throw alreadySetUp();
      await startSessionFor(c, user, deps);
      c.get('log').info({ event: 'first_run', userId: user.id }, 'organization created');
      return c.json({ user }, 201);
    });
}

const alreadySetUp = () =>
  conflict('Arco is already set up: ask an administrator for an invitation.', { reason: 'already_set_up' });

const LINK_MESSAGES: Record<InvitationLinkProblem, string> = {
  unknown: 'This invitation link is not valid.',
  expired: 'This invitation has expired: ask for a new one.',
  used: 'This invitation has already been used: sign in instead.',
  revoked: 'This invitation was withdrawn.',
};

/** A link that no longer works is not found; `details.reason` tells the page which sentence to show. */
const linkProblem = (reason: InvitationLinkProblem) =>
  new ApiError('not_found', LINK_MESSAGES[reason], { reason });

const auditQuerySchema = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

function pathId(value: string): string {
  const parsed = idSchema.safeParse(value);
  if (!parsed.success) throw notFound('Not found.');
  return parsed.data;
}

/**
 * Mails an invitation link after the invitation committed. A mail that fails is logged and reported as
 * `mailed: false` (the invitation stays; "Reenviar" sends a new link) rather than failing the request.
 */
async function sendInvitation(
  c: Context<AuthedEnv>,
  deps: AccountsDeps,
  invitation: InvitationSummary,
  organizationName: string,
  token: string,
): Promise<boolean> {
  const url = invitationUrl(expectedOrigin(c, deps.config), token);
  try {
    await deps.mailer.send(
      invitationMail({ invitation, organizationName, inviterName: c.get('user').name, url }),
    );
    return true;
  } catch (err) {
    c.get('log').error({ err, invitationId: invitation.id }, 'invitation mail failed');
    return false;
  }
}

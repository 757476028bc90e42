import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { conflict, notFound, unauthorized } from '../../shared/api-errors.ts';
import type { Config } from '../config.ts';
import { limitBody, readJson } from '../http/body.ts';
import type { AppEnv, Clock } from '../http/context.ts';
import { addressKey, clientAddress, expectedOrigin } from '../http/request-info.ts';
import { DuplicateCredentialError, type AccountStore, type PasskeyInfo } from './account-store.ts';
import { checkRateLimits } from './account-rate-limits.ts';
import { requireUser } from './require-user.ts';
import type { SessionEndedHandler } from './routes.ts';
import { hashToken, type RandomBytes } from './tokens.ts';
import { startSessionFor } from '../users/start-session.ts';

/**
 * `/api/auth/passkeys` (docs/api.md "Passkeys"): WebAuthn through @simplewebauthn/server. Invariants:
 * - Every ceremony starts with options carrying a fresh 256-bit challenge, stored server-side (its SHA-256)
 *   for CHALLENGE_MS and consumed by the first response that names it — a replayed or late response fails.
 *   A registration challenge belongs to the user it was issued to.
 * - The response must come from our origin (PUBLIC_ORIGIN, else the request's own) for our RP ID (that
 *   origin's host name), with user verification (the seed's "biometric" sign-in), and for sign-in with a
 *   signature counter above the stored one (a cloned authenticator is refused).
 * - Sign-in uses discoverable credentials: no e-mail is asked; the credential names the user. Every failure
 *   is the same 401, so the answer never tells whether a credential exists.
 * - A disabled user's passkey signs nobody in.
 */
export const CHALLENGE_MS = 5 * 60_000;

/** Sign-in options handed out per client address per window (each stores a challenge). */
export const PASSKEY_LIMITS = { windowMs: 10 * 60_000, perAddress: 60 } as const;

export const PASSKEY_FAILED = 'This passkey could not be verified.';

const BODY_LIMIT = 32 * 1024;
const RP_NAME = 'Arco';

const b64url = z.string().regex(/^[A-Za-z0-9_-]*$/, 'expected base64url');
const credentialBase = {
  id: b64url.min(1).max(1366),
  rawId: b64url.min(1).max(1366),
  type: z.literal('public-key'),
  clientExtensionResults: z.record(z.string(), z.unknown()),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
};
const registrationSchema = z.object({
  name: z.string().trim().min(1, 'Name this passkey.').max(60),
  response: z.object({
    ...credentialBase,
    response: z.looseObject({
      clientDataJSON: b64url,
      attestationObject: b64url,
      transports: z.array(z.string().max(32)).max(10).optional(),
    }),
  }),
});
const authenticationSchema = z.object({
  response: z.object({
    ...credentialBase,
    response: z.looseObject({
      clientDataJSON: b64url,
      authenticatorData: b64url,
      signature: b64url,
      userHandle: b64url.optional(),
    }),
  }),
});

export function passkeyRoutes(deps: {
  readonly accounts: AccountStore;
  readonly clock: Clock;
  readonly random: RandomBytes;
  readonly config: Pick<Config, 'publicOrigin' | 'trustProxy'>;
  readonly onSessionEnded?: SessionEndedHandler;
}) {
  const { accounts, clock, random, config } = deps;
  const relyingParty = (c: Context) => {
    const origin = expectedOrigin(c, config);
    return { origin, rpID: new URL(origin).hostname };
  };
  const saveChallenge = async (
    challenge: string,
    purpose: 'registration' | 'authentication',
    userId: string | null,
  ) => {
    const now = clock.now();
    await accounts.saveChallenge({
      challengeHash: hashToken(challenge),
      purpose,
      userId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + CHALLENGE_MS),
    });
  };

  return (
    new Hono<AppEnv>()
      // --- sign-in (no session) ---
      .post('/authentication/options', limitBody(BODY_LIMIT), async (c) => {
        await checkRateLimits(accounts, clock.now(), PASSKEY_LIMITS.windowMs, [
          {
            bucket: 'passkey_ip',
            key: addressKey(clientAddress(c, config)),
            limit: PASSKEY_LIMITS.perAddress,
          },
        ]);
        const { rpID } = relyingParty(c);
        const options = await generateAuthenticationOptions({
          rpID,
          challenge: new Uint8Array(random(32)),
          userVerification: 'required',
          timeout: CHALLENGE_MS,
        });
        await saveChallenge(options.challenge, 'authentication', null);
        return c.json(options, 200);
      })
      .post('/authentication', limitBody(BODY_LIMIT), async (c) => {
        const { response } = await readJson(c, authenticationSchema);
        const log = c.get('log');
        const challenge = challengeOf(response.response.clientDataJSON);
        const now = clock.now();
        // Consumed before anything else: a response naming it again fails, whatever happens next.
        if (!challenge || !(await accounts.consumeChallenge(hashToken(challenge), 'authentication', now))) {
          log.info({ event: 'passkey_failed', reason: 'challenge' }, 'passkey sign-in failed');
          throw unauthorized(PASSKEY_FAILED);
        }
        const passkey = await accounts.findPasskeyLogin(response.id);
        if (!passkey || passkey.userDisabled) {
          log.info({ event: 'passkey_failed', reason: 'credential' }, 'passkey sign-in failed');
          throw unauthorized(PASSKEY_FAILED);
        }
        const { origin, rpID } = relyingParty(c);
        let newCounter: number;
        try {
          const result = await verifyAuthenticationResponse({
            response: response as AuthenticationResponseJSON,
            expectedChallenge: challenge,
            expectedOrigin: origin,
            expectedRPID: rpID,
            requireUserVerification: true,
            credential: {
              id: passkey.credentialId,
              publicKey: new Uint8Array(passkey.publicKey),
              counter: passkey.counter,
              transports: passkey.transports as AuthenticatorTransportFuture[],
            },
          });
          if (!result.verified) throw new Error('not verified');
          newCounter = result.authenticationInfo.newCounter;
        } catch (err) {
          log.info({ event: 'passkey_failed', reason: 'verification', err }, 'passkey sign-in failed');
          throw unauthorized(PASSKEY_FAILED);
        }
        // The store re-checks the counter atomically (two sign-ins racing with one assertion).
        if (!(await accounts.usePasskey({ id: passkey.id, user: passkey.user }, newCounter, now))) {
          log.warn(
            { event: 'passkey_failed', reason: 'counter', userId: passkey.user.id },
            'passkey counter',
          );
          throw unauthorized(PASSKEY_FAILED);
        }

        // Same session rotation as a password sign-in (routes.ts).
        await startSessionFor(c, passkey.user, {
          config,
          ...(deps.onSessionEnded ? { onSessionEnded: deps.onSessionEnded } : {}),
        });
        log.info({ event: 'login_succeeded', method: 'passkey', userId: passkey.user.id }, 'signed in');
        return c.json({ user: passkey.user }, 200);
      })
      // --- the signed-in user's own passkeys ---
      .get('/', requireUser, async (c) => {
        const passkeys = await accounts.listPasskeys(c.get('user'));
        return c.json({ passkeys: passkeys.map(passkeyJson) }, 200);
      })
      .post('/registration/options', requireUser, limitBody(BODY_LIMIT), async (c) => {
        const user = c.get('user');
        const { rpID } = relyingParty(c);
        const options = await generateRegistrationOptions({
          rpName: RP_NAME,
          rpID,
          userName: user.email,
          userDisplayName: user.name,
          userID: new TextEncoder().encode(user.id),
          challenge: new Uint8Array(random(32)),
          attestationType: 'none',
          timeout: CHALLENGE_MS,
          authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
        });
        await saveChallenge(options.challenge, 'registration', user.id);
        return c.json(options, 200);
      })
      .post('/registration', requireUser, limitBody(BODY_LIMIT), async (c) => {
        const user = c.get('user');
        const { name, response } = await readJson(c, registrationSchema);
        const challenge = challengeOf(response.response.clientDataJSON);
        const now = clock.now();
        const issued = challenge
          ? await accounts.consumeChallenge(hashToken(challenge), 'registration', now)
          : null;
        if (!challenge || !issued || issued.userId !== user.id) throw unauthorized(PASSKEY_FAILED);
        const { origin, rpID } = relyingParty(c);
        let info;
        try {
          const result = await verifyRegistrationResponse({
            response: response as RegistrationResponseJSON,
            expectedChallenge: challenge,
            expectedOrigin: origin,
            expectedRPID: rpID,
            requireUserVerification: true,
          });
          if (!result.verified) throw new Error('not verified');
          info = result.registrationInfo;
        } catch (err) {
          c.get('log').info({ event: 'passkey_registration_failed', err }, 'passkey registration failed');
          throw unauthorized(PASSKEY_FAILED);
        }
        try {
          const passkey = await accounts.addPasskey(
            user,
            {
              credentialId: info.credential.id,
              publicKey: info.credential.publicKey,
              counter: info.credential.counter,
              transports: info.credential.transports ?? [],
              deviceType: info.credentialDeviceType,
              backedUp: info.credentialBackedUp,
              name,
            },
            now,
          );
          return c.json({ passkey: passkeyJson(passkey) }, 201);
        } catch (error) {
          if (error instanceof DuplicateCredentialError)
            throw conflict('This passkey is already registered.');
          throw error;
        }
      })
      .delete('/:id', requireUser, async (c) => {
        const removed = await accounts.removePasskey(c.get('user'), c.req.param('id'), clock.now());
        if (!removed) throw notFound('No such passkey.');
        return c.body(null, 204);
      })
  );
}

/** The challenge a response's client data names (base64url JSON), or null when it does not parse. */
function challengeOf(clientDataJSON: string): string | null {
  try {
    const data: unknown = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8'));
    const challenge = (data as { challenge?: unknown }).challenge;
    return typeof challenge === 'string' && /^[A-Za-z0-9_-]{16,128}$/.test(challenge) ? challenge : null;
  } catch {
    return null;
  }
}

const passkeyJson = (p: PasskeyInfo) => ({
  id: p.id,
  name: p.name,
  createdAt: p.createdAt.toISOString(),
  lastUsedAt: p.lastUsedAt?.toISOString() ?? null,
  backedUp: p.backedUp,
});

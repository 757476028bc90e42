import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { Writable } from 'node:stream';
import { isoCBOR } from '@simplewebauthn/server/helpers';
import { createApp } from '../app.ts';
import { testConfig, type Config } from '../config.ts';
import { createLogger } from '../logger.ts';
import type { MailMessage, Mailer } from '../mail/mailer.ts';
import { testClock, type TestClock } from '../http/testing.ts';
import { MemoryAccountStore } from './account-memory-store.ts';
import type { LoginRecord } from './store.ts';

/**
 * Route-test helpers for password reset, passkeys and signed-in devices: the app over `MemoryAccountStore`
 * (users, sessions and account records in one), a mailer that keeps what it was asked to send, the reset
 * requests' background work collected so a test can wait for it, and a software WebAuthn authenticator.
 */
export interface AccountsTestApp {
  readonly app: ReturnType<typeof createApp>;
  readonly store: MemoryAccountStore;
  readonly clock: TestClock;
  readonly config: Config;
  readonly sent: MailMessage[];
  /** Waits for every background task started so far (the reset mails). */
  settle(): Promise<void>;
  readonly logs: string[];
}

export function makeAccountsApp(
  logins: readonly LoginRecord[],
  options: { config?: Partial<Config> } = {},
): AccountsTestApp {
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const config = testConfig({ trustProxy: 1, publicOrigin: 'http://localhost', ...options.config });
  const store = new MemoryAccountStore(logins);
  const clock = testClock();
  const sent: MailMessage[] = [];
  const tasks: Promise<void>[] = [];
  const mailer: Mailer = {
    send: async (message) => void sent.push(message),
    close: () => undefined,
  };
  const app = createApp({
    config,
    clock,
    auth: store,
    accounts: { store, mailer, background: (task) => void tasks.push(task) },
    health: { check: async () => undefined },
    logger: createLogger({ level: 'debug' }, sink),
  });
  return {
    app,
    store,
    clock,
    config,
    sent,
    logs,
    settle: async () => {
      await Promise.all(tasks);
    },
  };
}

const b64url = (bytes: Uint8Array | Buffer) => Buffer.from(bytes).toString('base64url');
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();

/**
 * A software passkey (ES256, discoverable, user-verifying, "none" attestation): enough of an authenticator to
 * drive the server through real registration and assertion ceremonies. `counter` is what the next assertion
 * reports; set it back to act like a cloned authenticator.
 */
export class SoftAuthenticator {
  readonly credentialId = new Uint8Array(sha256(`cred-${Math.random()}`).subarray(0, 16));
  private readonly privateKey: KeyObject;
  private readonly coseKey: Uint8Array;
  counter = 0;

  constructor(
    private readonly origin: string,
    private readonly rpId: string,
  ) {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.privateKey = privateKey;
    const jwk = publicKey.export({ format: 'jwk' });
    this.coseKey = isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, new Uint8Array(Buffer.from(jwk.x!, 'base64url'))],
        [-3, new Uint8Array(Buffer.from(jwk.y!, 'base64url'))],
      ]),
    );
  }

  get id(): string {
    return b64url(this.credentialId);
  }

  /** The response `navigator.credentials.create()` would give for `options` (as the server sent them). */
  register(options: { challenge: string }, overrides: { origin?: string; rpId?: string } = {}) {
    const clientData = this.clientData('webauthn.create', options.challenge, overrides.origin);
    const credLength = Buffer.alloc(2);
    credLength.writeUInt16BE(this.credentialId.length);
    const authData = Buffer.concat([
      this.authPrefix(0x45, overrides.rpId),
      Buffer.alloc(16), // AAGUID
      credLength,
      this.credentialId,
      this.coseKey,
    ]);
    const attestationObject = isoCBOR.encode(
      new Map<string, string | Map<string, string> | Uint8Array>([
        ['fmt', 'none'],
        ['attStmt', new Map<string, string>()],
        ['authData', new Uint8Array(authData)],
      ]),
    );
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key' as const,
      clientExtensionResults: {},
      authenticatorAttachment: 'platform' as const,
      response: {
        clientDataJSON: b64url(clientData),
        attestationObject: b64url(attestationObject),
        transports: ['internal'],
      },
    };
  }

  /** The response `navigator.credentials.get()` would give, for `userId`'s discoverable credential. */
  assert(options: { challenge: string }, userId: string, overrides: { origin?: string; rpId?: string } = {}) {
    const clientData = this.clientData('webauthn.get', options.challenge, overrides.origin);
    const authData = this.authPrefix(0x05, overrides.rpId);
    const signature = sign('sha256', Buffer.concat([authData, sha256(clientData)]), this.privateKey);
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key' as const,
      clientExtensionResults: {},
      authenticatorAttachment: 'platform' as const,
      response: {
        clientDataJSON: b64url(clientData),
        authenticatorData: b64url(authData),
        signature: b64url(signature),
        userHandle: b64url(Buffer.from(userId)),
      },
    };
  }

  private clientData(type: string, challenge: string, origin = this.origin): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  }

  /** rpIdHash | flags | signCount (each assertion moves the counter on first, like a real authenticator). */
  private authPrefix(flags: number, rpId = this.rpId): Buffer {
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(this.counter);
    this.counter += 1;
    return Buffer.concat([sha256(rpId), Buffer.from([flags]), counter]);
  }
}

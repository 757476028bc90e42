import { execFileSync } from 'node:child_process';
import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A local push service for tests and benchmarks (RFC 8030 receiving end): HTTPS on loopback with a self-signed
 * certificate made for the run, which **checks what a real push service checks** — the VAPID JWT (RFC 8292: ES256
 * over `aud` = the endpoint's origin, `exp` within 24 h, `k` = the key the subscription was made with) — and
 * **decrypts the aes128gcm payload** (RFC 8188 + RFC 8291) with the subscription's private key, like the browser.
 * Each subscription is a real P-256 key pair and auth secret made by `subscribe()`.
 *
 * Not a production component: it lives beside the sender so the tests and the bench share one verifier.
 */

export interface ReceivedPush {
  readonly subscriptionId: string;
  readonly plaintext: string;
  readonly ttl: number;
  readonly urgency: string | null;
  readonly topic: string | null;
  readonly jwtClaims: { aud: string; exp: number; sub: string };
}

export interface StandInSubscription {
  readonly id: string;
  /** The browser's `PushSubscription.toJSON()`. */
  readonly json: { endpoint: string; expirationTime: null; keys: { p256dh: string; auth: string } };
}

export interface PushServiceStandIn {
  readonly origin: string;
  /** PEM of the self-signed certificate: trust it through an https.Agent `ca`. */
  readonly certificate: string;
  readonly received: ReceivedPush[];
  /** Requests refused (bad JWT, bad payload…), with why. */
  readonly refused: { subscriptionId: string; reason: string }[];
  /** Number of POSTs per subscription id, whatever the answer. */
  readonly attempts: Map<string, number>;
  subscribe(): StandInSubscription;
  /** From now on this subscription answers `status` (e.g. 410 Gone). */
  answer(subscriptionId: string, status: number): void;
  close(): Promise<void>;
}

function selfSignedCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'arco-push-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return {
      key: readFileSync(join(dir, 'key.pem'), 'utf8'),
      cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Verifies `Authorization: vapid t=<jwt>, k=<key>`; returns the claims or why it is refused. */
export function verifyVapid(
  header: string | undefined,
  origin: string,
  expectedKey: string | null,
  nowSeconds: number,
): { claims: ReceivedPush['jwtClaims'] } | { error: string } {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? '');
  if (!match) return { error: 'no vapid authorization' };
  const [, jwt, key] = match as unknown as [string, string, string];
  if (expectedKey !== null && key !== expectedKey)
    return { error: 'vapid key differs from the subscription’s' };
  const [h, p, s] = jwt.split('.');
  if (!h || !p || !s) return { error: 'malformed jwt' };
  const header_ = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as { alg?: string };
  if (header_.alg !== 'ES256') return { error: 'alg is not ES256' };
  const point = Buffer.from(key, 'base64url');
  if (point.length !== 65 || point[0] !== 4) return { error: 'k is not an uncompressed P-256 point' };
  const publicKey = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33).toString('base64url'),
    },
    format: 'jwk',
  });
  const ok = verify(
    'sha256',
    Buffer.from(`${h}.${p}`),
    { key: publicKey, dsaEncoding: 'ieee-p1363' },
    Buffer.from(s, 'base64url'),
  );
  if (!ok) return { error: 'bad jwt signature' };
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as ReceivedPush['jwtClaims'];
  if (claims.aud !== origin) return { error: `aud ${claims.aud} is not ${origin}` };
  if (!(claims.exp > nowSeconds && claims.exp <= nowSeconds + 24 * 3600))
    return { error: 'exp out of range' };
  if (!/^(mailto:|https:)/.test(claims.sub ?? '')) return { error: 'no sub' };
  return { claims };
}

/** RFC 8291 decryption of an aes128gcm body with the subscription's private key and auth secret. */
export function decryptAes128gcm(
  body: Buffer,
  uaPrivate: Buffer,
  uaPublic: Buffer,
  authSecret: Buffer,
): string {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body[20]!;
  const asPublic = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  if (ciphertext.length > recordSize) throw new Error('more than one record');
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(uaPrivate);
  const ecdhSecret = ecdh.computeSecret(asPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, asPublic]);
  const ikm = Buffer.from(hkdfSync('sha256', ecdhSecret, authSecret, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([
    decipher.update(ciphertext.subarray(0, ciphertext.length - 16)),
    decipher.final(),
  ]);
  // Last record: the plaintext ends with the delimiter 0x02 followed by zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error('no last-record padding delimiter');
  return padded.subarray(0, end).toString('utf8');
}

export async function startPushServiceStandIn(options: {
  /** The VAPID public key pushes must be signed with (null: any valid key). */
  readonly vapidPublicKey: string | null;
  readonly now?: () => Date;
  /**
   * Verify and decrypt every `verifyEvery`-th push (default 1 = all). The bench samples (100) so the stand-in's
   * own decryption, in the same process, does not dominate what it measures; the others are counted.
   */
  readonly verifyEvery?: number;
}): Promise<PushServiceStandIn> {
  const { key, cert } = selfSignedCertificate();
  const subscriptions = new Map<
    string,
    { privateKey: Buffer; publicKey: Buffer; auth: Buffer; status: number }
  >();
  const received: ReceivedPush[] = [];
  const refused: { subscriptionId: string; reason: string }[] = [];
  const attempts = new Map<string, number>();
  const now = options.now ?? (() => new Date());
  let origin = '';

  const server: Server = createServer({ key, cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const id = /^\/push\/([A-Za-z0-9_-]+)$/.exec(req.url ?? '')?.[1] ?? '';
      const sub = subscriptions.get(id);
      attempts.set(id, (attempts.get(id) ?? 0) + 1);
      const refuse = (status: number, reason: string) => {
        refused.push({ subscriptionId: id, reason });
        res.writeHead(status).end(reason);
      };
      if (req.method !== 'POST' || !sub) return refuse(404, 'no such subscription');
      if (sub.status !== 201) return res.writeHead(sub.status).end();
      const seen = [...attempts.values()].reduce((a, b) => a + b, 0);
      if (seen % (options.verifyEvery ?? 1) !== 0) {
        received.push({
          subscriptionId: id,
          plaintext: '',
          ttl: Number(req.headers.ttl),
          urgency: null,
          topic: null,
          jwtClaims: { aud: '', exp: 0, sub: '' },
        });
        return res.writeHead(201).end();
      }
      const vapid = verifyVapid(
        req.headers.authorization,
        origin,
        options.vapidPublicKey,
        Math.floor(now().getTime() / 1000),
      );
      if ('error' in vapid) return refuse(401, vapid.error);
      if (req.headers['content-encoding'] !== 'aes128gcm') return refuse(415, 'not aes128gcm');
      const ttl = Number(req.headers.ttl);
      if (!Number.isInteger(ttl) || ttl < 0) return refuse(400, 'no TTL');
      const body = Buffer.concat(chunks);
      if (body.length > 4096) return refuse(413, 'payload over 4096 bytes');
      let plaintext: string;
      try {
        plaintext = decryptAes128gcm(body, sub.privateKey, sub.publicKey, sub.auth);
      } catch (err) {
        return refuse(400, `cannot decrypt: ${String(err)}`);
      }
      received.push({
        subscriptionId: id,
        plaintext,
        ttl,
        urgency: typeof req.headers.urgency === 'string' ? req.headers.urgency : null,
        topic: typeof req.headers.topic === 'string' ? req.headers.topic : null,
        jwtClaims: vapid.claims,
      });
      res.writeHead(201, { location: `${origin}/message/${received.length}` }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    certificate: cert,
    received,
    refused,
    attempts,
    subscribe() {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const id = randomBytes(12).toString('base64url');
      const auth = randomBytes(16);
      subscriptions.set(id, {
        privateKey: ecdh.getPrivateKey(),
        publicKey: ecdh.getPublicKey(),
        auth,
        status: 201,
      });
      return {
        id,
        json: {
          endpoint: `${origin}/push/${id}`,
          expirationTime: null,
          keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') },
        },
      };
    },
    answer(subscriptionId, status) {
      const sub = subscriptions.get(subscriptionId);
      if (sub) sub.status = status;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

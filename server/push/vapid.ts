import webpush from 'web-push';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';

/**
 * The server's VAPID key pair (RFC 8292) — what lets push services check that a push comes from the server the
 * browser subscribed with. Push works on a fresh install: when `VAPID_PUBLIC_KEY`/`VAPID_PRIVATE_KEY` are not
 * configured, a pair is generated on the first start and kept in `app_settings` (key `vapid`), so every later
 * start and every instance sharing the database signs with the same pair (browsers' subscriptions are bound to
 * the public key: a new pair would silently orphan them all).
 *
 * Invariants:
 * - Configured keys always win and are never written to the database.
 * - Concurrent first starts agree: the pair is inserted with ON CONFLICT DO NOTHING and read back, so the
 *   instance that lost the race uses the winner's pair.
 * - The private key never leaves the server (only `publicKey` is served).
 */

export interface VapidKeys {
  readonly publicKey: string;
  readonly privateKey: string;
  /** `mailto:` or `https:` contact the push services may use (VAPID `sub`). */
  readonly subject: string;
}

const SETTING_KEY = 'vapid';
const base64url = /^[A-Za-z0-9_-]+$/;

export async function loadVapidKeys(
  db: Pick<Database, 'privileged'>,
  config: Pick<Config, 'vapid' | 'vapidSubject'>,
  generate: () => { publicKey: string; privateKey: string } = () => webpush.generateVAPIDKeys(),
): Promise<VapidKeys> {
  if (config.vapid) return config.vapid;
  // The owner role: app_settings is process-wide (no tenant) and read-only for the request role.
  const stored = await db.privileged(async (client) => {
    const fresh = generate();
    await client.query(`INSERT INTO app_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`, [
      SETTING_KEY,
      JSON.stringify({ publicKey: fresh.publicKey, privateKey: fresh.privateKey }),
    ]);
    const { rows } = await client.query<{ value: { publicKey?: unknown; privateKey?: unknown } }>(
      'SELECT value FROM app_settings WHERE key = $1',
      [SETTING_KEY],
    );
    return rows[0]?.value;
  });
  const { publicKey, privateKey } = stored ?? {};
  if (
    typeof publicKey !== 'string' ||
    typeof privateKey !== 'string' ||
    !base64url.test(publicKey + privateKey)
  )
    throw new Error('app_settings.vapid is not a VAPID key pair; delete the row to generate a new one');
  return { publicKey, privateKey, subject: config.vapidSubject };
}

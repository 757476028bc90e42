import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Credentials at rest (docs/api.md "Integrations"): AES-256-GCM from node:crypto — the platform's own
 * authenticated cipher, so no library is needed. A sealed value is `v1.<iv>.<tag>.<ciphertext>` (base64url,
 * 96-bit random IV, 128-bit tag); the associated data names the row it belongs to (organization, customer,
 * source), so a value copied into another row fails to open instead of leaking into another tenant's import.
 *
 * Invariants:
 * - The key never leaves this module's closure: not in errors, not in logs.
 * - `open` throws one fixed message on any failure (wrong key, tampering, another row's value).
 */
export interface SecretBox {
  seal(plaintext: string, associatedData: string): string;
  open(sealed: string, associatedData: string): string;
}

const KEY_BYTES = 32;
const IV_BYTES = 12;

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== KEY_BYTES) throw new Error('the integrations key must be 32 bytes');
  const secret = Buffer.from(key);
  return {
    seal(plaintext, associatedData) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', secret, iv);
      cipher.setAAD(Buffer.from(associatedData, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return ['v1', iv, tag, body]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join('.');
    },
    open(sealed, associatedData) {
      try {
        const [version, iv, tag, body] = sealed.split('.');
        if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('format');
        const decipher = createDecipheriv('aes-256-gcm', secret, Buffer.from(iv, 'base64url'));
        decipher.setAAD(Buffer.from(associatedData, 'utf8'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
          'utf8',
        );
      } catch {
        throw new Error('stored credentials cannot be opened (wrong key or altered value)');
      }
    },
  };
}

/** `INTEGRATIONS_KEY`: 32 bytes as 64 hex digits or base64/base64url. */
export function parseIntegrationsKey(value: string): Buffer | null {
  const v = value.trim();
  if (/^[0-9a-fA-F]{64}$/.test(v)) return Buffer.from(v, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(v)) {
    const key = Buffer.from(v.replace(/\+/g, '-').replace(/\//g, '_').replace(/=$/, ''), 'base64url');
    return key.length === KEY_BYTES ? key : null;
  }
  return null;
}

export const KEY_FILE = 'integrations.key';

/**
 * The key: `INTEGRATIONS_KEY` when set; otherwise, outside production, one generated on the first start and kept
 * in `<DATA_DIR>/integrations.key` (mode 0600) so credentials survive restarts (under NODE_ENV=test, a random key
 * kept in memory); in production without the variable, null (integrations are off: the routes answer 503 and the job skips).
 */
export async function loadIntegrationsKey(options: {
  readonly configured: Buffer | undefined;
  readonly env: 'development' | 'production' | 'test';
  readonly dataDir: string;
}): Promise<Buffer | null> {
  if (options.configured) return options.configured;
  if (options.env === 'production') return null;
  // Tests start servers by the dozen: a key per process, nothing written to the working copy.
  if (options.env === 'test') return randomBytes(KEY_BYTES);
  const file = join(options.dataDir, KEY_FILE);
  try {
    const stored = parseIntegrationsKey(await readFile(file, 'utf8'));
    if (stored) return stored;
    throw new Error(`${file} does not hold a 32-byte hex key`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(KEY_BYTES);
  await mkdir(options.dataDir, { recursive: true });
  // 'wx': never overwrite a key another process wrote meanwhile (that would orphan its sealed values).
  try {
    await writeFile(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    await chmod(file, 0o600);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const stored = parseIntegrationsKey(await readFile(file, 'utf8'));
    if (!stored) throw new Error(`${file} does not hold a 32-byte hex key`);
    return stored;
  }
}

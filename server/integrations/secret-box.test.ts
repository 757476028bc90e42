import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSecretBox, KEY_FILE, loadIntegrationsKey, parseIntegrationsKey } from './secret-box.ts';

describe('secret box (AES-256-GCM)', () => {
  const box = createSecretBox(randomBytes(32));
  const secret = 'ya29.a0-super-secret-token';

  it('seals to v1.<iv>.<tag>.<body> without the plaintext, and opens with the same associated data', () => {
    const sealed = box.seal(secret, 'org:customer:ga4');
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain(secret);
    expect(box.seal(secret, 'org:customer:ga4')).not.toBe(sealed); // fresh IV each time
    expect(box.open(sealed, 'org:customer:ga4')).toBe(secret);
  });

  it("refuses another row's value, a tampered value and another key, with one fixed message", () => {
    const sealed = box.seal(secret, 'org:a:ga4');
    const fixed = 'stored credentials cannot be opened (wrong key or altered value)';
    expect(() => box.open(sealed, 'org:b:ga4')).toThrow(fixed);
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    expect(() => box.open([...parts.slice(0, 3), body.toString('base64url')].join('.'), 'org:a:ga4')).toThrow(
      fixed,
    );
    expect(() => createSecretBox(randomBytes(32)).open(sealed, 'org:a:ga4')).toThrow(fixed);
  });

  it('reads INTEGRATIONS_KEY as hex or base64, and refuses other lengths', () => {
    const key = randomBytes(32);
    expect(parseIntegrationsKey(key.toString('hex'))).toEqual(key);
    expect(parseIntegrationsKey(key.toString('base64'))).toEqual(key);
    expect(parseIntegrationsKey(key.toString('base64url'))).toEqual(key);
    expect(parseIntegrationsKey(randomBytes(16).toString('hex'))).toBeNull();
  });

  it('generates the development key once under the data folder (0600) and reuses it; none in production', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'arco-key-'));
    try {
      const first = await loadIntegrationsKey({ configured: undefined, env: 'development', dataDir: dir });
      const again = await loadIntegrationsKey({ configured: undefined, env: 'development', dataDir: dir });
      expect(first).toHaveLength(32);
      expect(again).toEqual(first);
      expect((await readFile(join(dir, KEY_FILE), 'utf8')).trim()).toBe(first!.toString('hex'));
      expect((await stat(join(dir, KEY_FILE))).mode & 0o777).toBe(0o600);
      expect(
        await loadIntegrationsKey({ configured: undefined, env: 'production', dataDir: dir }),
      ).toBeNull();
      const configured = randomBytes(32);
      expect(await loadIntegrationsKey({ configured, env: 'production', dataDir: dir })).toBe(configured);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

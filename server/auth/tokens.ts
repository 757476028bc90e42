import { createHash, randomBytes } from 'node:crypto';

/** Source of randomness, injectable so tests can make tokens predictable. */
export type RandomBytes = (size: number) => Uint8Array;
export const systemRandomBytes: RandomBytes = (size) => randomBytes(size);

/** 256-bit opaque token (session or device), base64url without padding: 43 characters. */
export const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newToken(random: RandomBytes): string {
  return Buffer.from(random(TOKEN_BYTES)).toString('base64url');
}

/** Cheap shape check before touching storage: anything else a client sends is simply not a token. */
export const isWellFormedToken = (value: string | undefined): value is string =>
  value !== undefined && TOKEN_PATTERN.test(value);

/**
 * What is stored instead of the token (hex SHA-256). A fast hash is right here: the token has 256 bits of
 * entropy, so it cannot be brute-forced, and a database leak then yields no usable cookies.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

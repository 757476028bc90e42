import { z } from 'zod';

/**
 * What a new password must be (a reset, and any other place a person chooses one): long enough to resist
 * guessing, short enough that hashing it cannot be used to burn the server's CPU (server/auth/passwords.ts
 * refuses longer inputs before hashing). No composition rules: length is what matters (NIST SP 800-63B).
 */
export const NEW_PASSWORD_MIN_LENGTH = 10;
export const NEW_PASSWORD_MAX_LENGTH = 1024;

export const newPasswordSchema = z
  .string()
  .min(NEW_PASSWORD_MIN_LENGTH, `Use at least ${NEW_PASSWORD_MIN_LENGTH} characters.`)
  .max(NEW_PASSWORD_MAX_LENGTH, `Use at most ${NEW_PASSWORD_MAX_LENGTH} characters.`);

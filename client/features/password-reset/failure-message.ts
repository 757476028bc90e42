import type { TFunction } from 'i18next';
import type { ResetFailure } from './password-reset-api.ts';

/** One plain sentence per failure of the reset calls (`invalid_link` has its own screen, not a sentence). */
export function resetFailureMessage(failure: ResetFailure, t: TFunction<'passwordReset'>): string {
  switch (failure.kind) {
    case 'rate_limited':
      return failure.retryAfterSeconds === null
        ? t('errors.rateLimitedLater')
        : t('errors.rateLimited', { count: Math.max(1, Math.ceil(failure.retryAfterSeconds / 60)) });
    case 'offline':
      return t('errors.offline');
    default:
      return t('errors.server');
  }
}

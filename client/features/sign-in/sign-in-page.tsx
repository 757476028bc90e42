import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { firstRunPaths } from '../first-run/paths.ts';
import { useSetupNeeded } from '../first-run/use-setup-needed.ts';
import type { AuthFailure } from '../../auth/auth-api.ts';
import { useSession } from '../../auth/session-context.tsx';
import { useShellNavigation } from '../../platform/shell-navigation.tsx';
import { Button } from '../../ui/button.tsx';
import { Notice } from '../../ui/notice.tsx';
import { usePageTitle } from '../../ui/page.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { passwordResetPaths } from '../password-reset/paths.ts';
import { PasskeySignIn } from '../security/passkey-sign-in.tsx';
import { NEXT_PARAM } from './paths.ts';
import styles from '../../ui/auth-card.module.css';

/**
 * Email + password sign-in (`POST /api/auth/login`), a passkey instead (client/features/security: in the
 * e-mail field's suggestions where the browser offers them, or its own button), and "Esqueci minha senha". Every failure gets its own plain pt-BR sentence; the
 * error is announced (role="alert") and focused so it is not missed. Signed-in visitors go straight on to
 * where they were heading (`?next=`) or their home.
 */
export function SignInPage() {
  const { t } = useTranslation();
  const { user, signIn, signedOutReason } = useSession();
  const [params] = useSearchParams();
  const { postSignInPath } = useShellNavigation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<AuthFailure | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  usePageTitle(t('signIn.submit'));
  const setupNeeded = useSetupNeeded();

  useEffect(() => {
    if (failure) errorRef.current?.focus();
  }, [failure]);

  if (user) return <Navigate to={postSignInPath(params.get(NEXT_PARAM), user.role)} replace />;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    setFailure(null);
    const result = await signIn({ email, password });
    setSubmitting(false);
    if (!result.ok) {
      setFailure(result.error);
      if (result.error.kind === 'invalid_credentials') setPassword('');
    }
  };

  return (
    <div className={styles.wrap}>
      <section className={styles.card} aria-labelledby="sign-in-title">
        <header className={styles.header}>
          <h1 id="sign-in-title" className={styles.title} tabIndex={-1} data-page-heading="">
            {t('signIn.title')}
          </h1>
          <p className={styles.subtitle}>{t('signIn.subtitle')}</p>
        </header>

        {failure ? (
          <Notice tone="error" role="alert" ref={errorRef}>
            <p>{failureMessage(failure, t)}</p>
          </Notice>
        ) : signedOutReason === 'expired' ? (
          <Notice tone="info" role="status">
            <p>{t('signIn.sessionExpired')}</p>
          </Notice>
        ) : signedOutReason === 'disabled' ? (
          <Notice tone="error" role="status">
            <p>{t('signIn.accountDisabled')}</p>
          </Notice>
        ) : null}
        {setupNeeded ? (
          <Notice tone="info" role="status">
            <p>
              <Link to={firstRunPaths.firstRun}>{t('signIn.firstRun')}</Link>
            </p>
          </Notice>
        ) : null}

        <form className={styles.form} onSubmit={onSubmit}>
          <TextField
            label={t('signIn.email')}
            type="email"
            name="email"
            // `webauthn`: the browser may list passkeys among the suggestions (passkey-sign-in.tsx).
            autoComplete="username webauthn"
            inputMode="email"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={failure?.kind === 'invalid_credentials' || undefined}
          />
          <TextField
            label={t('signIn.password')}
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={failure?.kind === 'invalid_credentials' || undefined}
          />
          <Button type="submit" block disabled={submitting} aria-busy={submitting}>
            {submitting ? t('signIn.submitting') : t('signIn.submit')}
          </Button>
          <Link className={styles.forgot} to={passwordResetPaths.forgot} state={{ email }}>
            {t('signIn.forgotPassword')}
          </Link>
        </form>
        <PasskeySignIn />
        <p className={styles.tagline}>{t('app.tagline')}</p>
      </section>
    </div>
  );
}

type T = TFunction<'translation'>;

function failureMessage(failure: AuthFailure, t: T): string {
  switch (failure.kind) {
    case 'account_disabled':
      return t('signIn.accountDisabled');
    case 'invalid_credentials':
    case 'unauthenticated':
      return t('signIn.errorInvalid');
    case 'rate_limited': {
      if (failure.retryAfterSeconds === null) return t('signIn.errorRateLimitedLater');
      return t('signIn.errorRateLimited', { count: Math.max(1, Math.ceil(failure.retryAfterSeconds / 60)) });
    }
    case 'offline':
      return t('signIn.errorOffline');
    case 'server':
      return t('signIn.errorServer');
  }
}

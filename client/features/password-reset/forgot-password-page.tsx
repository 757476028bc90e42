import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { AuthFailure } from '../../auth/auth-api.ts';
import { useDependencies } from '../../platform/dependencies.tsx';
import { Button } from '../../ui/button.tsx';
import { Notice } from '../../ui/notice.tsx';
import { usePageTitle } from '../../ui/page.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { signInPaths } from '../sign-in/paths.ts';
import { resetFailureMessage } from './failure-message.ts';
import { requestPasswordReset } from './password-reset-api.ts';
import styles from '../../ui/auth-card.module.css';

/**
 * `/esqueci-a-senha`: asks for the account's e-mail and says the same thing whatever the server knows ("if
 * there is an account…"), because the server's answer is the same too. The address typed on the sign-in page
 * comes along (router state), so the user does not type it twice.
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation('passwordReset');
  const { fetch: fetchFn } = useDependencies();
  const location = useLocation();
  const initial = (location.state as { email?: unknown } | null)?.email;
  const [email, setEmail] = useState(typeof initial === 'string' ? initial : '');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<AuthFailure | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  usePageTitle(t('forgot.title'));

  useEffect(() => {
    if (failure || sentTo) messageRef.current?.focus();
  }, [failure, sentTo]);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    setFailure(null);
    const result = await requestPasswordReset(fetchFn, email);
    setSubmitting(false);
    if (result.ok) setSentTo(email.trim());
    else setFailure(result.error);
  };

  return (
    <div className={styles.wrap}>
      <section className={styles.card} aria-labelledby="forgot-title">
        <header className={styles.header}>
          <h1 id="forgot-title" className={styles.title} tabIndex={-1} data-page-heading="">
            {sentTo ? t('forgot.sentTitle') : t('forgot.title')}
          </h1>
          {sentTo ? null : <p className={styles.subtitle}>{t('forgot.intro')}</p>}
        </header>

        {sentTo ? (
          <>
            <Notice tone="info" role="status" ref={messageRef}>
              <p>{t('forgot.sent', { email: sentTo })}</p>
            </Notice>
            <div className={styles.links}>
              <Button variant="secondary" onClick={() => setSentTo(null)}>
                {t('forgot.sendAnother')}
              </Button>
            </div>
          </>
        ) : (
          <>
            {failure ? (
              <Notice tone="error" role="alert" ref={messageRef}>
                <p>{resetFailureMessage(failure, t)}</p>
              </Notice>
            ) : null}
            <form className={styles.form} onSubmit={onSubmit}>
              <TextField
                label={t('forgot.email')}
                type="email"
                name="email"
                autoComplete="username"
                inputMode="email"
                autoCapitalize="none"
                spellCheck={false}
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
              <Button type="submit" block disabled={submitting} aria-busy={submitting}>
                {submitting ? t('forgot.submitting') : t('forgot.submit')}
              </Button>
            </form>
          </>
        )}
        <p className={styles.tagline}>
          <Link to={signInPaths.signIn}>{t('forgot.backToSignIn')}</Link>
        </p>
      </section>
    </div>
  );
}

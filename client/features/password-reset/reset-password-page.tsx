import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH as NEW_PASSWORD_MIN_LENGTH } from '../../../shared/accounts.ts';
import { useDependencies } from '../../platform/dependencies.tsx';
import { Button, ButtonLink } from '../../ui/button.tsx';
import { Notice } from '../../ui/notice.tsx';
import { usePageTitle } from '../../ui/page.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { signInPaths } from '../sign-in/paths.ts';
import { resetFailureMessage } from './failure-message.ts';
import { confirmPasswordReset, verifyResetLink, type ResetFailure } from './password-reset-api.ts';
import { passwordResetPaths } from './paths.ts';
import styles from '../../ui/auth-card.module.css';

type Stage =
  | { readonly kind: 'checking' }
  | { readonly kind: 'form'; readonly email: string }
  | { readonly kind: 'invalid' }
  | { readonly kind: 'done' };

/** The mailed link's token, from the URL fragment (`#token=…`, never sent to any server by the browser). */
function tokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null;
}

/**
 * `/redefinir-senha#token=…`, the page the reset mail links to. The token is read once and removed from the
 * address bar (so it is not left in history, a screenshot or a bookmark); the link is checked before the
 * form shows, so a spent or expired link says so at once. Saving ends every session of the account: the
 * page then sends the person to sign in with the new password.
 */
export function ResetPasswordPage() {
  const { t } = useTranslation('passwordReset');
  const { fetch: fetchFn } = useDependencies();
  const [token] = useState(() => tokenFromHash(window.location.hash));
  const [stage, setStage] = useState<Stage>(token ? { kind: 'checking' } : { kind: 'invalid' });
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const messageRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  usePageTitle(t('reset.title'));

  useEffect(() => {
    if (window.location.hash)
      window.history.replaceState(
        window.history.state,
        '',
        window.location.pathname + window.location.search,
      );
  }, []);

  useEffect(() => {
    if (!token) return;
    let cancelled = false;
    void verifyResetLink(fetchFn, token).then((result) => {
      if (cancelled) return;
      if (result.ok) setStage({ kind: 'form', email: result.value.email });
      else if (result.error.kind === 'invalid_link') setStage({ kind: 'invalid' });
      else {
        setStage({ kind: 'form', email: '' });
        setProblem(resetFailureMessage(result.error, t));
      }
    });
    return () => {
      cancelled = true;
    };
  }, [fetchFn, t, token]);

  useEffect(() => {
    if (stage.kind === 'done' || stage.kind === 'invalid') headingRef.current?.focus();
  }, [stage.kind]);
  useEffect(() => {
    if (problem) messageRef.current?.focus();
  }, [problem]);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting || !token) return;
    if (password.length < NEW_PASSWORD_MIN_LENGTH)
      return setProblem(t('reset.tooShort', { count: NEW_PASSWORD_MIN_LENGTH }));
    if (password !== repeat) return setProblem(t('reset.mismatch'));
    setSubmitting(true);
    setProblem(null);
    const result = await confirmPasswordReset(fetchFn, token, password);
    setSubmitting(false);
    if (result.ok) setStage({ kind: 'done' });
    else if (result.error.kind === 'invalid_link') setStage({ kind: 'invalid' });
    else setProblem(resetFailureMessage(result.error as ResetFailure, t));
  };

  const title =
    stage.kind === 'done'
      ? t('reset.doneTitle')
      : stage.kind === 'invalid'
        ? t('reset.invalidTitle')
        : t('reset.title');

  return (
    <div className={styles.wrap}>
      <section className={styles.card} aria-labelledby="reset-title" aria-busy={stage.kind === 'checking'}>
        <header className={styles.header}>
          <h1 id="reset-title" ref={headingRef} className={styles.title} tabIndex={-1} data-page-heading="">
            {title}
          </h1>
        </header>

        {stage.kind === 'checking' ? <p role="status">{t('reset.checking')}</p> : null}

        {stage.kind === 'invalid' ? (
          <>
            <p>{t('reset.invalid')}</p>
            <ButtonLink to={passwordResetPaths.forgot} variant="primary" block>
              {t('reset.askAgain')}
            </ButtonLink>
          </>
        ) : null}

        {stage.kind === 'done' ? (
          <>
            <Notice tone="info" role="status">
              <p>{t('reset.done')}</p>
            </Notice>
            <ButtonLink to={signInPaths.signIn} variant="primary" block>
              {t('reset.signIn')}
            </ButtonLink>
          </>
        ) : null}

        {stage.kind === 'form' ? (
          <>
            {stage.email ? (
              <p className={styles.subtitle}>{t('reset.forAccount', { email: stage.email })}</p>
            ) : null}
            {problem ? (
              <Notice tone="error" role="alert" ref={messageRef}>
                <p>{problem}</p>
              </Notice>
            ) : null}
            <form className={styles.form} onSubmit={onSubmit} noValidate>
              {/* Lets password managers file the new password under the right account. */}
              <input
                type="email"
                name="username"
                autoComplete="username"
                value={stage.email}
                readOnly
                hidden
              />
              <TextField
                label={t('reset.password')}
                hint={t('reset.passwordHint', { count: NEW_PASSWORD_MIN_LENGTH })}
                type="password"
                name="new-password"
                autoComplete="new-password"
                required
                minLength={NEW_PASSWORD_MIN_LENGTH}
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
              <TextField
                label={t('reset.confirm')}
                type="password"
                name="confirm-password"
                autoComplete="new-password"
                required
                value={repeat}
                onChange={(e) => setRepeat(e.target.value)}
              />
              <Button type="submit" block disabled={submitting} aria-busy={submitting}>
                {submitting ? t('reset.submitting') : t('reset.submit')}
              </Button>
            </form>
          </>
        ) : null}
      </section>
    </div>
  );
}

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { z } from 'zod';
import {
  INVITATION_LINK_PROBLEMS,
  invitationPreviewSchema,
  signedInResponseSchema,
  type InvitationPreview,
} from '../../../shared/accounts.ts';
import { useSession } from '../../auth/session-context.tsx';
import { useDependencies } from '../../platform/dependencies.tsx';
import { useShellNavigation } from '../../platform/shell-navigation.tsx';
import { Button } from '../../ui/button.tsx';
import { Notice } from '../../ui/notice.tsx';
import { usePageTitle } from '../../ui/page.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { signInPaths } from '../sign-in/paths.ts';
import styles from '../../ui/auth-card.module.css';
import { callAccounts, type ApiFailure } from '../users/accounts-api.ts';

type Problem = (typeof INVITATION_LINK_PROBLEMS)[number] | 'email_taken';
const PROBLEMS: readonly string[] = [...INVITATION_LINK_PROBLEMS, 'email_taken'];
const lookupSchema = z.object({ invitation: invitationPreviewSchema });

/**
 * `/convite#<token>`, the mailed invitation link: says what the invitation is for, asks for a name and a
 * password (`POST /api/invitations/accept`), then signs the person in and takes them home. The token is read
 * from the fragment once and removed from the address bar, so it does not linger in the history.
 */
export function InvitationPage() {
  const { t } = useTranslation('invitation');
  usePageTitle(t('title'));
  const { fetch: fetchFn } = useDependencies();
  const { user, signIn } = useSession();
  const { postSignInPath } = useShellNavigation();
  const [token] = useState(() => window.location.hash.slice(1));
  const [preview, setPreview] = useState<InvitationPreview | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (window.location.hash) window.history.replaceState(window.history.state, '', window.location.pathname);
    let cancelled = false;
    void callAccounts(fetchFn, 'POST', '/api/invitations/lookup', lookupSchema, { token }).then((r) => {
      if (cancelled) return;
      if (r.ok && r.value) setPreview(r.value.invitation);
      else if (!r.ok) onFailure(r.error);
    });
    return () => {
      cancelled = true;
    };
  }, [fetchFn, token]);
  useEffect(() => {
    if (failure || problem) errorRef.current?.focus();
  }, [failure, problem]);

  function onFailure(error: ApiFailure) {
    if (error.kind === 'http' && error.reason && PROBLEMS.includes(error.reason))
      setProblem(error.reason as Problem);
    else if (error.kind === 'http' && error.status === 422 && 'token' in error.fields) setProblem('unknown');
    else setFailure(error);
  }

  if (user && !submitting) return <Navigate to={postSignInPath(null, user.role)} replace />;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting || !preview) return;
    setSubmitting(true);
    setFailure(null);
    const result = await callAccounts(fetchFn, 'POST', '/api/invitations/accept', signedInResponseSchema, {
      token,
      name,
      password,
    });
    if (result.ok) {
      const signedIn = await signIn({ email: preview.email, password });
      setSubmitting(false);
      if (signedIn.ok) return;
      setFailure({ kind: 'http', status: 500, code: null, reason: null, fields: {} });
      return;
    }
    setSubmitting(false);
    onFailure(result.error);
  };

  const fields = failure?.kind === 'http' ? failure.fields : {};
  return (
    <div className={styles.wrap}>
      <section className={styles.card} aria-labelledby="invitation-title">
        <header className={styles.header}>
          <h1 id="invitation-title" className={styles.title} tabIndex={-1} data-page-heading="">
            {t('title')}
          </h1>
          {preview ? (
            <p className={styles.subtitle}>
              {preview.role === 'client'
                ? t('forClient', {
                    organization: preview.organizationName,
                    customer: preview.customerName ?? '',
                  })
                : t('forStaff', { organization: preview.organizationName, role: t(`roles.${preview.role}`) })}
            </p>
          ) : null}
        </header>
        {problem ? (
          <Notice tone="error" role="alert" ref={errorRef}>
            <p>{t(`problems.${problem}`)}</p>
            <p>
              <Link to={signInPaths.signIn}>{t('goToSignIn')}</Link>
            </p>
          </Notice>
        ) : !preview ? (
          failure ? (
            <Notice tone="error" role="alert" ref={errorRef}>
              <p>{failure.kind === 'offline' ? t('errorOffline') : t('errorServer')}</p>
            </Notice>
          ) : (
            <p role="status">{t('loading')}</p>
          )
        ) : (
          <>
            {failure ? (
              <Notice tone="error" role="alert" ref={errorRef}>
                <p>
                  {failure.kind === 'offline'
                    ? t('errorOffline')
                    : failure.status === 422
                      ? t('errorInvalid')
                      : t('errorServer')}
                </p>
              </Notice>
            ) : null}
            <form className={styles.form} onSubmit={onSubmit} noValidate>
              <TextField
                label={t('email')}
                type="email"
                name="email"
                autoComplete="username"
                value={preview.email}
                readOnly
              />
              <TextField
                label={t('name')}
                name="name"
                autoComplete="name"
                required
                value={name}
                onChange={(e) => setName(e.target.value)}
                aria-invalid={fields.name ? true : undefined}
                {...(fields.name ? { hint: t('fields.name') } : {})}
              />
              <TextField
                label={t('password')}
                type="password"
                name="password"
                autoComplete="new-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                aria-invalid={fields.password ? true : undefined}
                hint={fields.password ? t('fields.password') : t('passwordHint')}
              />
              <Button type="submit" block disabled={submitting} aria-busy={submitting}>
                {submitting ? t('submitting') : t('submit')}
              </Button>
            </form>
          </>
        )}
      </section>
    </div>
  );
}

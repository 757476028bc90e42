import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { setupStatusSchema, signedInResponseSchema } from '../../../shared/accounts.ts';
import { useSession } from '../../auth/session-context.tsx';
import { useDependencies } from '../../platform/dependencies.tsx';
import { useShellNavigation } from '../../platform/shell-navigation.tsx';
import { Button } from '../../ui/button.tsx';
import { Notice } from '../../ui/notice.tsx';
import { usePageTitle } from '../../ui/page.tsx';
import { TextField } from '../../ui/text-field.tsx';
import styles from '../../ui/auth-card.module.css';
import { signInPaths } from '../sign-in/paths.ts';
import { callAccounts, type ApiFailure } from '../users/accounts-api.ts';

type Field = 'organizationName' | 'name' | 'email' | 'password';
const FIELDS: readonly Field[] = ['organizationName', 'name', 'email', 'password'];

/**
 * `/primeiro-acesso`: the first organization and its admin (`POST /api/setup`), offered only while the server
 * has none — the server refuses it otherwise, so this page only mirrors that answer. On success the admin is
 * signed in and lands on their home.
 */
export function FirstRunPage() {
  const { t, i18n } = useTranslation('firstRun');
  usePageTitle(t('title'));
  const { fetch: fetchFn } = useDependencies();
  const { user, signIn } = useSession();
  const { postSignInPath } = useShellNavigation();
  const [needed, setNeeded] = useState<boolean | null>(null);
  const [values, setValues] = useState<Record<Field, string>>({
    organizationName: '',
    name: '',
    email: '',
    password: '',
  });
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let cancelled = false;
    void callAccounts(fetchFn, 'GET', '/api/setup', setupStatusSchema).then((r) => {
      if (!cancelled) setNeeded(r.ok && r.value ? r.value.needed : null);
    });
    return () => {
      cancelled = true;
    };
  }, [fetchFn]);
  useEffect(() => {
    if (failure) errorRef.current?.focus();
  }, [failure]);

  if (user) return <Navigate to={postSignInPath(null, user.role)} replace />;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    setFailure(null);
    const locale = i18n.language === 'en' ? 'en' : 'pt-BR';
    const result = await callAccounts(fetchFn, 'POST', '/api/setup', signedInResponseSchema, {
      ...values,
      locale,
    });
    if (result.ok) {
      const signedIn = await signIn({ email: values.email, password: values.password });
      if (signedIn.ok) return; // the session re-renders this page into a redirect home
    } else if (result.error.kind === 'http' && result.error.reason === 'already_set_up') setNeeded(false);
    setSubmitting(false);
    if (!result.ok) setFailure(result.error);
  };

  const fieldErrors = failure?.kind === 'http' ? failure.fields : {};
  const set = (field: Field) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: e.target.value }));

  return (
    <div className={styles.wrap}>
      <section className={styles.card} aria-labelledby="first-run-title">
        <header className={styles.header}>
          <h1 id="first-run-title" className={styles.title} tabIndex={-1} data-page-heading="">
            {t('title')}
          </h1>
          <p className={styles.subtitle}>{t('subtitle')}</p>
        </header>
        {needed === false ? (
          <Notice tone="info" role="status">
            <p>{t('alreadySetUp')}</p>
            <p>
              <Link to={signInPaths.signIn}>{t('goToSignIn')}</Link>
            </p>
          </Notice>
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
              {FIELDS.map((field) => (
                <TextField
                  key={field}
                  label={t(field)}
                  name={field}
                  required
                  value={values[field]}
                  onChange={set(field)}
                  aria-invalid={fieldErrors[field] ? true : undefined}
                  {...(field === 'password'
                    ? {
                        type: 'password',
                        autoComplete: 'new-password',
                        hint: fieldErrors.password ? t('fields.password') : t('passwordHint'),
                      }
                    : field === 'email'
                      ? {
                          type: 'email',
                          autoComplete: 'username',
                          inputMode: 'email' as const,
                          autoCapitalize: 'none',
                          spellCheck: false,
                          hint: fieldErrors.email ? t('fields.email') : undefined,
                        }
                      : {
                          autoComplete: field === 'name' ? 'name' : 'organization',
                          hint: fieldErrors[field] ? t(`fields.${field}`) : undefined,
                        })}
                />
              ))}
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

import { useCallback, useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { z } from 'zod';
import {
  invitationSummarySchema,
  LANGUAGES,
  userSummarySchema,
  usersListSchema,
  type InvitationSummary,
  type Language,
  type UsersList,
  type UserSummary,
} from '../../../shared/accounts.ts';
import { auditPageSchema, type AuditEntry } from '../../../shared/audit.ts';
import { ROLES, type Role } from '../../../shared/identity.ts';
import { useSession } from '../../auth/session-context.tsx';
import { useLiveDocuments } from '../../db/device-data.tsx';
import { useDependencies } from '../../platform/dependencies.tsx';
import { useFormat } from '../../platform/use-format.ts';
import { useOnline } from '../../platform/use-online.ts';
import { Button } from '../../ui/button.tsx';
import { Notice } from '../../ui/notice.tsx';
import { Page } from '../../ui/page.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { callAccounts, type ApiFailure } from './accounts-api.ts';
import { usersPaths } from './paths.ts';
import styles from './users.module.css';

const TAB_PARAM = 'aba';
const LOG_TAB = 'registro';
const ALL_CUSTOMERS = {};
const invitationAnswer = z.object({ invitation: invitationSummarySchema, mailed: z.boolean() });
const userAnswer = z.object({ user: userSummarySchema });

type Say = { readonly tone: 'info' | 'error'; readonly text: string } | null;

/**
 * `/usuarios` (admins): the organization's people with role, customer and last activity; invitations (new,
 * resend, cancel); role changes and disabling; and, on the "Registro" tab, the audit log. Everything here is
 * the server's current answer (`/api/users`), so the screen needs a connection and says so offline.
 */
export function UsersPage() {
  const { t } = useTranslation('users');
  const [params] = useSearchParams();
  const online = useOnline();
  const onLog = params.get(TAB_PARAM) === LOG_TAB;
  return (
    <Page title={t('title')} description={t('description')}>
      <nav aria-label={t('tabs.label')} className={styles.tabs}>
        <Link className={styles.tab} to={usersPaths.users} aria-current={onLog ? undefined : 'page'}>
          {t('tabs.people')}
        </Link>
        <Link
          className={styles.tab}
          to={`${usersPaths.users}?${TAB_PARAM}=${LOG_TAB}`}
          aria-current={onLog ? 'page' : undefined}
        >
          {t('tabs.log')}
        </Link>
      </nav>
      {!online ? (
        <Notice tone="warning" role="status">
          <p>{t('offline')}</p>
        </Notice>
      ) : onLog ? (
        <AuditLog />
      ) : (
        <People />
      )}
    </Page>
  );
}

function People() {
  const { t } = useTranslation('users');
  const { fetch: fetchFn } = useDependencies();
  const [list, setList] = useState<UsersList | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [say, setSay] = useState<Say>(null);

  const load = useCallback(async () => {
    const result = await callAccounts(fetchFn, 'GET', '/api/users', usersListSchema);
    if (result.ok && result.value) {
      setList(result.value);
      setLoadFailed(false);
    } else setLoadFailed(true);
  }, [fetchFn]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      {say ? (
        <Notice tone={say.tone} role="status">
          <p>{say.text}</p>
        </Notice>
      ) : null}
      <div className={styles.layout}>
        <InviteForm
          onInvited={(text) => {
            setSay({ tone: 'info', text });
            void load();
          }}
        />
        <div className={styles.column}>
          {loadFailed ? (
            <Notice tone="error" role="alert">
              <p>{t('loadError')}</p>
              <Button variant="secondary" onClick={() => void load()}>
                {t('retry')}
              </Button>
            </Notice>
          ) : !list ? (
            <p role="status">{t('loading')}</p>
          ) : (
            <>
              <InvitationList invitations={list.invitations} onDone={(s) => (setSay(s), void load())} />
              <PeopleList users={list.users} onDone={(s) => (setSay(s), void load())} />
            </>
          )}
        </div>
      </div>
    </>
  );
}

function InviteForm({ onInvited }: { onInvited: (message: string) => void }) {
  const { t, i18n } = useTranslation('users');
  const { fetch: fetchFn } = useDependencies();
  const customers = useLiveDocuments('customers', ALL_CUSTOMERS);
  const sorted = useMemo(
    () => [...customers.docs].sort((a, b) => a.name.localeCompare(b.name, 'pt-BR')),
    [customers.docs],
  );
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('client');
  const [customerId, setCustomerId] = useState('');
  const [locale, setLocale] = useState<Language>(i18n.language === 'en' ? 'en' : 'pt-BR');
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const ids = { role: useId(), customer: useId(), language: useId(), customerError: useId() };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    setFailure(null);
    const result = await callAccounts(fetchFn, 'POST', '/api/users/invitations', invitationAnswer, {
      email,
      role,
      customerId: role === 'client' ? customerId || null : null,
      locale,
    });
    setSubmitting(false);
    if (!result.ok || !result.value) {
      if (!result.ok) setFailure(result.error);
      return;
    }
    const sentTo = result.value.invitation.email;
    setEmail('');
    onInvited(t(result.value.mailed ? 'invite.sent' : 'invite.notMailed', { email: sentTo }));
  };

  const fields = failure?.kind === 'http' ? failure.fields : {};
  const reason = failure?.kind === 'http' ? failure.reason : null;
  const message =
    failure === null
      ? null
      : failure.kind === 'offline'
        ? t('offline')
        : reason === 'user_exists' || reason === 'already_invited'
          ? t(`invite.errors.${reason}`)
          : failure.status === 422
            ? t('invite.errors.invalid')
            : t('invitations.error');

  return (
    <section className={styles.panel} aria-labelledby={`${ids.role}-heading`}>
      <h2 id={`${ids.role}-heading`} className={styles.heading}>
        {t('invite.heading')}
      </h2>
      {message ? (
        <Notice tone="error" role="alert">
          <p>{message}</p>
        </Notice>
      ) : null}
      <form className={styles.form} onSubmit={onSubmit} noValidate>
        <TextField
          label={t('invite.email')}
          type="email"
          name="email"
          autoComplete="off"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-invalid={fields.email ? true : undefined}
          {...(fields.email ? { hint: t('invite.errors.email') } : {})}
        />
        <div className={styles.field}>
          <label className={styles.label} htmlFor={ids.role}>
            {t('invite.role')}
          </label>
          <select
            id={ids.role}
            className={styles.select}
            value={role}
            onChange={(e) => setRole(e.target.value as Role)}
          >
            {[...ROLES].reverse().map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
        {role === 'client' ? (
          <div className={styles.field}>
            <label className={styles.label} htmlFor={ids.customer}>
              {t('invite.customer')}
            </label>
            <select
              id={ids.customer}
              className={styles.select}
              value={customerId}
              onChange={(e) => setCustomerId(e.target.value)}
              aria-invalid={fields.customerId ? true : undefined}
              aria-describedby={fields.customerId ? ids.customerError : undefined}
            >
              <option value="">{t('invite.chooseCustomer')}</option>
              {sorted.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
            {fields.customerId ? (
              <p id={ids.customerError} className={styles.error}>
                {t('invite.errors.customerId')}
              </p>
            ) : null}
          </div>
        ) : null}
        <div className={styles.field}>
          <label className={styles.label} htmlFor={ids.language}>
            {t('invite.language')}
          </label>
          <select
            id={ids.language}
            className={styles.select}
            value={locale}
            onChange={(e) => setLocale(e.target.value as Language)}
          >
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`invite.languages.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" disabled={submitting} aria-busy={submitting}>
          {submitting ? t('invite.submitting') : t('invite.submit')}
        </Button>
      </form>
    </section>
  );
}

function InvitationList({
  invitations,
  onDone,
}: {
  invitations: readonly InvitationSummary[];
  onDone: (say: Say) => void;
}) {
  const { t } = useTranslation('users');
  const { fetch: fetchFn } = useDependencies();
  const format = useFormat();
  const headingId = useId();
  const act = async (i: InvitationSummary, action: 'resend' | 'revoke') => {
    const result = await callAccounts(fetchFn, 'POST', `/api/users/invitations/${i.id}/${action}`, null, {});
    onDone(
      result.ok
        ? {
            tone: 'info',
            text: t(action === 'resend' ? 'invitations.resent' : 'invitations.revoked', { email: i.email }),
          }
        : { tone: 'error', text: t('invitations.error') },
    );
  };
  return (
    <section className={styles.panel} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {t('invitations.heading')}
      </h2>
      {invitations.length === 0 ? (
        <p className={styles.meta}>{t('invitations.none')}</p>
      ) : (
        <ul className={styles.list} aria-label={t('invitations.listLabel')}>
          {invitations.map((i) => (
            <li key={i.id} className={styles.item}>
              <p className={styles.name}>{i.email}</p>
              <p className={styles.meta}>
                {t(`roles.${i.role}`)}
                {i.customerName ? ` · ${i.customerName}` : ''}
              </p>
              <p className={styles.meta}>
                {t(i.state === 'expired' ? 'invitations.expired' : 'invitations.pending', {
                  when: format.dateTime(i.expiresAt),
                })}
                {i.invitedBy ? ` · ${t('invitations.invitedBy', { name: i.invitedBy.name })}` : ''}
              </p>
              <div className={styles.actions}>
                <Button
                  variant="secondary"
                  aria-label={t('invitations.resendLabel', { email: i.email })}
                  onClick={() => void act(i, 'resend')}
                >
                  {t('invitations.resend')}
                </Button>
                <Button
                  variant="danger"
                  aria-label={t('invitations.revokeLabel', { email: i.email })}
                  onClick={() => void act(i, 'revoke')}
                >
                  {t('invitations.revoke')}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function PeopleList({ users, onDone }: { users: readonly UserSummary[]; onDone: (say: Say) => void }) {
  const { t } = useTranslation('users');
  const { user: me } = useSession();
  const { fetch: fetchFn } = useDependencies();
  const format = useFormat();
  const headingId = useId();
  const update = async (u: UserSummary, change: { role?: 'admin' | 'csm'; disabled?: boolean }) => {
    if (change.disabled && !window.confirm(t('people.confirmDisable', { name: u.name }))) return;
    const result = await callAccounts(fetchFn, 'PATCH', `/api/users/${u.id}`, userAnswer, change);
    onDone(
      result.ok
        ? { tone: 'info', text: t('people.updated', { name: u.name }) }
        : { tone: 'error', text: t('people.updateError') },
    );
  };
  return (
    <section className={styles.panel} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {t('people.heading')}
      </h2>
      <ul className={styles.list} aria-label={t('people.listLabel')}>
        {users.map((u) => {
          const self = u.id === me?.id;
          return (
            <li key={u.id} className={styles.item}>
              <p className={styles.name}>
                {u.name}
                {self ? ` (${t('people.you')})` : ''}
              </p>
              <p className={styles.meta}>
                {u.email} · {t(`roles.${u.role}`)}
                {u.customerName ? ` · ${t('people.customer', { name: u.customerName })}` : ''}
              </p>
              <p className={styles.meta}>
                {u.lastActiveAt
                  ? t('people.lastActive', { when: format.dateTime(u.lastActiveAt) })
                  : t('people.never')}
              </p>
              {u.disabled ? <span className={styles.badge}>{t('people.disabled')}</span> : null}
              {self ? null : (
                <div className={styles.actions}>
                  {u.role !== 'client' ? (
                    <RoleSelect user={u} onChange={(role) => void update(u, { role })} />
                  ) : null}
                  <Button
                    variant={u.disabled ? 'secondary' : 'danger'}
                    onClick={() => void update(u, { disabled: !u.disabled })}
                  >
                    {u.disabled ? t('people.enable') : t('people.disable')}
                    <span className="visually-hidden"> {u.name}</span>
                  </Button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function RoleSelect({ user, onChange }: { user: UserSummary; onChange: (role: 'admin' | 'csm') => void }) {
  const { t } = useTranslation('users');
  const id = useId();
  return (
    <div className={styles.field}>
      <label className={styles.label} htmlFor={id}>
        {t('people.changeRole', { name: user.name })}
      </label>
      <select
        id={id}
        className={styles.select}
        value={user.role}
        onChange={(e) => onChange(e.target.value as 'admin' | 'csm')}
      >
        <option value="csm">{t('roles.csm')}</option>
        <option value="admin">{t('roles.admin')}</option>
      </select>
    </div>
  );
}

function AuditLog() {
  const { t } = useTranslation('users');
  const { fetch: fetchFn } = useDependencies();
  const format = useFormat();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [next, setNext] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);
  const headingId = useId();
  const load = useCallback(
    async (before: number | null) => {
      const result = await callAccounts(
        fetchFn,
        'GET',
        `/api/users/audit${before ? `?before=${before}` : ''}`,
        auditPageSchema,
      );
      if (!result.ok || !result.value) return setFailed(true);
      const page = result.value;
      setFailed(false);
      setEntries((prev) => [...(before ? (prev ?? []) : []), ...page.entries]);
      setNext(page.next);
    },
    [fetchFn],
  );
  useEffect(() => {
    void load(null);
  }, [load]);

  const describe = (e: AuditEntry) => {
    const key = `log.actions.${e.action}`;
    const role = typeof e.details.to === 'string' ? t(`roles.${e.details.to as Role}`) : '';
    const text = t(key as 'log.actions.update', {
      email: typeof e.details.email === 'string' ? e.details.email : '',
      subject: e.subject?.name ?? (typeof e.details.email === 'string' ? e.details.email : ''),
      role,
      entity: e.entity,
    });
    return text === key ? e.action : text;
  };

  return (
    <section className={styles.panel} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {t('log.heading')}
      </h2>
      {failed ? (
        <Notice tone="error" role="alert">
          <p>{t('loadError')}</p>
        </Notice>
      ) : entries === null ? (
        <p role="status">{t('loading')}</p>
      ) : entries.length === 0 ? (
        <p className={styles.meta}>{t('log.empty')}</p>
      ) : (
        <ul className={styles.list} aria-label={t('log.listLabel')}>
          {entries.map((e) => (
            <li key={e.id} className={styles.item}>
              <p className={styles.name}>
                {e.actor?.name ?? t('log.system')} {describe(e)}
              </p>
              <p className={styles.meta}>
                <time dateTime={e.at}>{format.dateTime(e.at)}</time>
                {e.ip ? ` · ${e.ip}` : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
      {next ? (
        <Button variant="secondary" onClick={() => void load(next)}>
          {t('log.more')}
        </Button>
      ) : null}
    </section>
  );
}

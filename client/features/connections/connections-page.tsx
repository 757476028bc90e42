import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import {
  OAUTH_SOURCES,
  type ConnectRequest,
  type ConnectionState,
  type ConnectionsResponse,
  type CredentialKind,
  type IntegrationSource,
} from '../../../shared/domain/integrations/connections.ts';
import { useDependencies } from '../../platform/dependencies.tsx';
import { useFormat } from '../../platform/use-format.ts';
import { Button, ButtonLink } from '../../ui/button.tsx';
import { Notice } from '../../ui/notice.tsx';
import { Page } from '../../ui/page.tsx';
import { customerPath } from '../customer-360/paths.ts';
import {
  connectSource,
  disconnectSource,
  readConnections,
  runImportNow,
  type ConnectionsAnswer,
} from './connections-api.ts';
import { useConnectionsText, type ConnectionsText } from './i18n.ts';
import styles from './connections.module.css';

type Message = { readonly tone: 'info' | 'warning' | 'error'; readonly text: string };

/** What an answer that is not `ok` tells the user. */
const problem = (t: ConnectionsText, answer: Exclude<ConnectionsAnswer, { kind: 'ok' }>): Message =>
  answer.kind === 'offline'
    ? { tone: 'warning', text: t.offline }
    : answer.kind === 'invalid'
      ? { tone: 'error', text: t.invalid }
      : answer.kind === 'unavailable'
        ? { tone: 'warning', text: t.unavailable }
        : { tone: 'error', text: t.failed };

/**
 * `/clientes/:id/conexoes` — one card per source (GA4, Google Ads, Meta Ads): connected or not (and how), the last
 * import's time, status, rows and error, the failure streak, "Reconectar" when the provider revoked the grant;
 * connect (account id + an access token, or for Google's sources an OAuth refresh token with its client id and
 * secret), replace the credential, disconnect, "Importar agora". Online only (the server holds the credentials
 * and runs the import); nothing here is stored on the device, and the secret fields are cleared as soon as they
 * are sent.
 */
export function ConnectionsPage() {
  const t = useConnectionsText();
  const { customerId = '' } = useParams();
  const deps = useDependencies();
  const [state, setState] = useState<ConnectionsResponse | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState<{ source: IntegrationSource; action: 'save' | 'run' | 'remove' } | null>(
    null,
  );

  const load = useCallback(async () => {
    const answer = await readConnections(deps.fetch, customerId);
    if (answer.kind === 'ok') setState(answer.value);
    else setMessage(problem(t, answer));
  }, [deps.fetch, customerId, t]);
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (
    source: IntegrationSource,
    action: 'save' | 'run' | 'remove',
    send: () => Promise<ConnectionsAnswer>,
  ) => {
    setBusy({ source, action });
    setMessage(null);
    const answer = await send();
    setBusy(null);
    if (answer.kind !== 'ok') {
      setMessage(problem(t, answer));
      return false;
    }
    setState(answer.value);
    if (answer.run)
      setMessage(
        answer.run.status === 'succeeded'
          ? { tone: 'info', text: t.ranOk(t.sources[source], answer.run.rows) }
          : { tone: 'error', text: t.ranFailed(t.sources[source]) },
      );
    return true;
  };

  return (
    <Page title={t.title} description={t.description}>
      <p>
        <ButtonLink to={customerPath(customerId)}>{t.back}</ButtonLink>
      </p>
      <div aria-live="polite" className={styles.live}>
        {message ? (
          <Notice tone={message.tone} role={message.tone === 'info' ? 'status' : 'alert'}>
            {message.text}
          </Notice>
        ) : null}
      </div>
      {state === null ? (
        message ? null : (
          <p role="status" aria-busy="true">
            {t.loading}
          </p>
        )
      ) : (
        <ul className={styles.list}>
          {state.connections.map((connection) => (
            <li key={connection.source}>
              <SourceCard
                connection={connection}
                busy={busy?.source === connection.source ? busy.action : null}
                disabled={busy !== null}
                onConnect={(request) =>
                  act(connection.source, 'save', () =>
                    connectSource(deps.fetch, customerId, connection.source, request),
                  )
                }
                onRun={() =>
                  void act(connection.source, 'run', () =>
                    runImportNow(deps.fetch, customerId, connection.source),
                  )
                }
                onDisconnect={() =>
                  void act(connection.source, 'remove', () =>
                    disconnectSource(deps.fetch, customerId, connection.source),
                  )
                }
              />
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}

function SourceCard({
  connection,
  busy,
  disabled,
  onConnect,
  onRun,
  onDisconnect,
}: {
  connection: ConnectionState;
  busy: 'save' | 'run' | 'remove' | null;
  disabled: boolean;
  onConnect: (request: ConnectRequest) => Promise<boolean>;
  onRun: () => void;
  onDisconnect: () => void;
}) {
  const t = useConnectionsText();
  const format = useFormat();
  const { source } = connection;
  const [editing, setEditing] = useState(false);
  const [accountId, setAccountId] = useState(connection.accountId ?? '');
  const oauthAllowed = OAUTH_SOURCES.includes(source);
  const [kind, setKind] = useState<CredentialKind>(connection.credentialKind ?? 'token');
  const [token, setToken] = useState('');
  const [refreshToken, setRefreshToken] = useState('');
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const run = connection.lastRun;
  const id = (what: string) => `${source}-${what}`;
  const showForm = !connection.connected || editing || connection.revoked;
  const oauth = oauthAllowed && kind === 'oauth';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const request: ConnectRequest = oauth
      ? { accountId: accountId.trim(), refreshToken, clientId: clientId.trim(), clientSecret }
      : { accountId: accountId.trim(), token };
    setToken('');
    setRefreshToken('');
    setClientSecret('');
    if (await onConnect(request)) setEditing(false);
  };
  const secretInput = (what: string, label: string, value: string, set: (v: string) => void) => (
    <>
      <label className={styles.field} htmlFor={id(what)}>
        {label}
      </label>
      <input
        id={id(what)}
        className={styles.input}
        type="password"
        value={value}
        onChange={(event) => set(event.target.value)}
        required
        minLength={8}
        autoComplete="off"
        aria-describedby={id('hint')}
      />
    </>
  );

  return (
    <section className={styles.card} aria-labelledby={id('title')}>
      <h2 id={id('title')} className={styles.title}>
        {t.sources[source]}
      </h2>
      <p className={styles.feeds}>{t.feeds[source]}</p>
      <p className={connection.connected ? styles.on : styles.off}>
        {connection.connected ? t.connected(connection.accountId ?? '') : t.notConnected}
        {connection.consecutiveFailures > 0 ? ` · ${t.failures(connection.consecutiveFailures)}` : ''}
      </p>
      {connection.connected && oauthAllowed ? (
        <p className={styles.hint}>{connection.credentialKind === 'oauth' ? t.viaOAuth : t.viaToken}</p>
      ) : null}
      {connection.revoked ? <p className={styles.error}>{t.revoked}</p> : null}
      <dl className={styles.run}>
        <dt>{t.lastRun}</dt>
        <dd>{run ? t.runLine(format.dateTime(run.startedAt), run.status, run.rows) : t.never}</dd>
        {run?.error ? (
          <>
            <dt>{t.errorLabel}</dt>
            <dd className={styles.error}>{run.error}</dd>
          </>
        ) : null}
      </dl>
      {showForm ? (
        <form className={styles.form} onSubmit={(event) => void submit(event)}>
          <label className={styles.field} htmlFor={id('account')}>
            {t.accountLabel[source]}
          </label>
          <input
            id={id('account')}
            className={styles.input}
            value={accountId}
            onChange={(event) => setAccountId(event.target.value)}
            required
            autoComplete="off"
            spellCheck={false}
          />
          {oauthAllowed ? (
            <fieldset className={styles.kinds}>
              <legend className={styles.field}>{t.kindLegend}</legend>
              {(['token', 'oauth'] as const).map((option) => (
                <label key={option} className={styles.kind}>
                  <input
                    type="radio"
                    name={id('kind')}
                    value={option}
                    checked={kind === option}
                    onChange={() => setKind(option)}
                  />{' '}
                  {option === 'oauth' ? t.kindOAuth : t.kindToken}
                </label>
              ))}
            </fieldset>
          ) : null}
          {oauth ? (
            <>
              {secretInput('refresh', t.refreshTokenLabel, refreshToken, setRefreshToken)}
              <label className={styles.field} htmlFor={id('client')}>
                {t.clientIdLabel}
              </label>
              <input
                id={id('client')}
                className={styles.input}
                value={clientId}
                onChange={(event) => setClientId(event.target.value)}
                required
                minLength={8}
                autoComplete="off"
                spellCheck={false}
              />
              {secretInput('secret', t.clientSecretLabel, clientSecret, setClientSecret)}
            </>
          ) : (
            secretInput('token', t.tokenLabel, token, setToken)
          )}
          <p id={id('hint')} className={styles.hint}>
            {oauth ? t.oauthHint : t.tokenHint}
          </p>
          <div className={styles.actions}>
            <Button type="submit" disabled={disabled}>
              {busy === 'save' ? t.saving : t.connect}
            </Button>
          </div>
        </form>
      ) : null}
      {connection.connected ? (
        <div className={styles.actions}>
          <Button onClick={onRun} disabled={disabled}>
            {busy === 'run' ? t.importing : t.importNow}
          </Button>
          {!editing ? (
            <Button variant="secondary" onClick={() => setEditing(true)} disabled={disabled}>
              {t.replace}
            </Button>
          ) : null}
          <Button variant="secondary" onClick={onDisconnect} disabled={disabled}>
            {t.disconnect}
          </Button>
        </div>
      ) : null}
    </section>
  );
}

import type { ConnectionsText } from './i18n.ts';

/** English strings of the Connections screen, fetched when the app is in English. */
export const connectionsEn: ConnectionsText = {
  link: 'Data connections',
  title: 'Data connections',
  description:
    "Where this customer's metrics and campaigns come from. The import runs every day at 02:15 and whenever you ask.",
  back: 'Back to the customer',
  sources: { ga4: 'Google Analytics 4', google_ads: 'Google Ads', meta_ads: 'Meta Ads' },
  feeds: {
    ga4: 'Sessions, page views, bounce rate, average duration, conversions and revenue per day.',
    google_ads: 'Campaigns: impressions, clicks, spend, conversions, budget and status.',
    meta_ads: 'Campaigns: impressions, clicks, spend, conversions, budget and status.',
  },
  accountLabel: {
    ga4: 'Property ID',
    google_ads: 'Customer ID (123-456-7890)',
    meta_ads: 'Ad account ID',
  },
  tokenLabel: 'Access token',
  tokenHint:
    'Paste an API access token. Signing in with Google or Meta (OAuth) is not available yet. The token is stored encrypted and never shown again.',
  kindLegend: 'Credential',
  kindToken: 'Access token (temporary)',
  kindOAuth: 'OAuth (refresh token)',
  refreshTokenLabel: 'Refresh token',
  clientIdLabel: 'Client ID',
  clientSecretLabel: 'Client secret',
  oauthHint:
    'Paste the refresh token and the OAuth client (ID and secret) from Google Cloud. On every import the server exchanges the refresh token for an access token. All of it is stored encrypted and never shown again.',
  viaOAuth: 'through OAuth (refresh token)',
  viaToken: 'through an access token',
  revoked: 'Reconnect: access was revoked',
  connected: (account) => `Connected to account ${account}`,
  notConnected: 'Not connected',
  connect: 'Connect',
  replace: 'Replace credential',
  disconnect: 'Disconnect',
  importNow: 'Import now',
  importing: 'Importing…',
  saving: 'Saving…',
  lastRun: 'Last import',
  never: 'No import yet.',
  runLine: (when, status, rows) =>
    status === 'succeeded'
      ? `${when} — done, ${rows.toLocaleString('en')} ${rows === 1 ? 'row' : 'rows'}`
      : status === 'failed'
        ? `${when} — failed`
        : `${when} — running`,
  failures: (n) => `${n} ${n === 1 ? 'failure' : 'failures'} in a row`,
  errorLabel: 'Error',
  loading: 'Loading connections…',
  offline: 'Offline: data connections need the server. Try again when online.',
  failed: 'Could not reach the server right now. Try again in a moment.',
  unavailable: 'Integrations are not configured on this server.',
  invalid: 'Check the ID and the token: the server refused them.',
  ranOk: (source, rows) =>
    `${source}: import done, ${rows.toLocaleString('en')} ${rows === 1 ? 'row' : 'rows'}.`,
  ranFailed: (source) => `${source}: the import failed. See the error below.`,
};

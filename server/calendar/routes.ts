import { Hono } from 'hono';
import { notFound } from '../../shared/api-errors.ts';
import type { CalendarFeedCreated, CalendarFeedStatus } from '../../shared/calendar-feed.ts';
import { identityOf, type UserIdentity } from '../../shared/identity.ts';
import { requireUser } from '../auth/require-user.ts';
import {
  hashToken,
  isWellFormedToken,
  newToken,
  systemRandomBytes,
  type RandomBytes,
} from '../auth/tokens.ts';
import type { Config } from '../config.ts';
import { readDocuments, type Database, type DbClient } from '../db/index.ts';
import type { AppEnv, AuthedEnv } from '../http/context.ts';
import { expectedOrigin } from '../http/request-info.ts';
import { buildMeetingsFeed, feedTextsFor, type FeedMeeting } from './feed-ics.ts';

/** How far back a feed reaches: older meetings are history, not something a calendar needs refreshed hourly. */
export const FEED_PAST_DAYS = 365;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface CalendarDeps {
  readonly db: Database;
  readonly config: Pick<Config, 'publicOrigin' | 'trustProxy'>;
  readonly clock: () => Date;
  readonly random?: RandomBytes;
}

/**
 * `/api/calendar` (docs/api.md "Calendar feed"):
 * - `GET /feed`, `POST /feed`, `DELETE /feed` — the signed-in user's feed: whether one is active, a new one
 *   (its URL is answered this once; any previous URL stops working), or none. The token is 256 random bits,
 *   stored only as its SHA-256; one per user (the table's primary key).
 * - `GET /<token>.ics` — the feed itself, no session (calendar apps fetch it on their own schedule). The token's
 *   hash is looked up through `arco_find_calendar_feed` (the one narrow way past RLS), then the meetings are
 *   read **as that user** (`withIdentity`), so RLS bounds the feed exactly like the user's own requests: staff
 *   get the meetings they are account manager of, a client user their customer's. An unknown, revoked or
 *   rotated token, or a disabled user's, is `404`. The path holds the secret, so the access log writes it
 *   redacted (server/http/request-context.ts).
 */
export function calendarRoutes(deps: CalendarDeps): Hono<AppEnv> {
  const { db } = deps;
  const random = deps.random ?? systemRandomBytes;
  const app = new Hono<AppEnv>();

  const authed = new Hono<AuthedEnv>();
  authed.use('*', requireUser);
  authed.get('/', async (c) => {
    const user = c.get('user');
    const { rows } = await db.withIdentity(c.get('identity'), (client) =>
      client.query<{ created_at: string }>(
        'SELECT created_at FROM calendar_feed_tokens WHERE organization_id = $1 AND user_id = $2',
        [user.organizationId, user.id],
      ),
    );
    const row = rows[0];
    const body: CalendarFeedStatus = {
      feed: row ? { createdAt: row.created_at } : null,
    };
    return c.json(body);
  });
  authed.post('/', async (c) => {
    const user = c.get('user');
    const token = newToken(random);
    const createdAt = deps.clock();
    await db.withIdentity(c.get('identity'), (client) =>
      client.query(
        `INSERT INTO calendar_feed_tokens (organization_id, user_id, token_hash, created_at)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (organization_id, user_id)
         DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = EXCLUDED.created_at`,
        [user.organizationId, user.id, hashToken(token), createdAt],
      ),
    );
    c.get('log').info({ event: 'calendar_feed_created' }, 'calendar feed created');
    const body: CalendarFeedCreated = {
      feed: {
        url: `${expectedOrigin(c, deps.config)}/api/calendar/${token}.ics`,
        createdAt: createdAt.toISOString(),
      },
    };
    return c.json(body, 201);
  });
  authed.delete('/', async (c) => {
    const user = c.get('user');
    const { rowCount } = await db.withIdentity(c.get('identity'), (client) =>
      client.query('DELETE FROM calendar_feed_tokens WHERE organization_id = $1 AND user_id = $2', [
        user.organizationId,
        user.id,
      ]),
    );
    if (rowCount) c.get('log').info({ event: 'calendar_feed_revoked' }, 'calendar feed revoked');
    return c.body(null, 204);
  });
  app.route('/feed', authed);

  app.get('/:file{[A-Za-z0-9_-]{43}\\.ics}', async (c) => {
    const token = c.req.param('file').slice(0, -'.ics'.length);
    if (!isWellFormedToken(token)) throw noSuchFeed();
    const owner = await findFeedOwner(db, hashToken(token));
    if (!owner) throw noSuchFeed();
    const since = new Date(deps.clock().getTime() - FEED_PAST_DAYS * DAY_MS);
    const meetings = await db.withIdentity(owner.identity, (client) =>
      readFeedMeetings(client, owner.identity, since),
    );
    const ics = buildMeetingsFeed(meetings, feedTextsFor(owner.locale));
    c.get('log').info(
      { event: 'calendar_feed_served', userId: owner.identity.userId, events: meetings.length },
      'calendar feed served',
    );
    return c.body(ics, 200, {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="arco.ics"',
      'X-Robots-Tag': 'noindex',
    });
  });

  return app;
}

/** Every failure of the feed is the same 404: a token is either a live feed or nothing. */
const noSuchFeed = () => notFound('No such calendar feed.');

interface FeedOwner {
  readonly identity: UserIdentity;
  readonly locale: string;
}

async function findFeedOwner(db: Database, tokenHash: string): Promise<FeedOwner | null> {
  const { rows } = await db.query<{
    organization_id: string;
    user_id: string;
    role: string;
    customer_id: string | null;
    locale: string;
    user_disabled_at: string | null;
  }>('SELECT * FROM arco_find_calendar_feed($1)', [tokenHash]);
  const row = rows[0];
  if (!row || row.user_disabled_at !== null) return null;
  const identity = identityOf({
    id: row.user_id,
    role: row.role as UserIdentity['role'],
    organizationId: row.organization_id,
    customerId: row.customer_id,
  });
  return identity ? { identity, locale: row.locale } : null;
}

/**
 * The user's meetings since `since` (not deleted: a deleted meeting leaves the feed, so subscribers drop it).
 * Staff: those they are account manager of, titled with the customer's name; a client: their customer's.
 */
async function readFeedMeetings(
  client: DbClient,
  identity: UserIdentity,
  since: Date,
): Promise<FeedMeeting[]> {
  const whose =
    identity.role === 'client'
      ? { column: 'customer_id', id: identity.customerId }
      : { column: 'account_manager_id', id: identity.userId };
  const stored = await readDocuments(client, 'meetings', {
    where: `organization_id = $1 AND NOT deleted AND ${whose.column} = $2 AND scheduled_at >= $3`,
    params: [identity.organizationId, whose.id, since],
  });
  if (identity.role === 'client') return stored.map(({ doc }) => ({ meeting: doc, customerName: null }));
  const customerIds = [...new Set(stored.map(({ doc }) => doc.customerId))];
  const { rows } = await client.query<{ id: string; name: string }>(
    'SELECT id, name FROM customers WHERE organization_id = $1 AND id = ANY($2::uuid[])',
    [identity.organizationId, customerIds],
  );
  const names = new Map(rows.map((r) => [r.id, r.name]));
  return stored.map(({ doc }) => ({ meeting: doc, customerName: names.get(doc.customerId) ?? null }));
}

import { Hono } from 'hono';
import { z } from 'zod';
import { badRequest, notFound } from '../../shared/api-errors.ts';
import type { ChatPresenceResponse } from '../../shared/chat-api.ts';
import {
  chatBusinessHours,
  chatPresence,
  chatResponseTime,
  RESPONSE_WINDOW_DAYS,
} from '../../shared/domain/portal/chat.ts';
import type { UserIdentity } from '../../shared/identity.ts';
import { requireUser } from '../auth/require-user.ts';
import type { Database } from '../db/index.ts';
import { systemClock, type AuthedEnv, type Clock } from '../http/context.ts';

/**
 * `GET /api/chat/presence[?customerId=]` — the §7B card's live facts (docs/api.md "Chat"): the customer's
 * account manager online or not, the median response time and the business hours. The chat itself is a
 * `tickets` row with `channel: 'chat'` and syncs like any ticket; only presence needs the server.
 *
 * Invariants:
 * - signed in (401 otherwise); a client user asks about their own customer (a `customerId` they pass is
 *   ignored), staff name the customer (`customerId` required: 400 without, 404 unknown or another tenant's);
 * - everything is read under the caller's own identity, so row-level security keeps a client to their customer
 *   and staff to their organization — the response time is computed over the messages that customer's chats
 *   hold, which the caller may read anyway;
 * - presence is the shared rule over `lastSeen` (when the account manager last held a live stream,
 *   server/http/streams.ts) and the organization's business hours, with the server's clock; never cached.
 */
export interface ChatSourceData {
  readonly timeZone: string;
  readonly accountManagerId: string | null;
  /** Each chat's messages (sender type and time) since the window's start. */
  readonly chats: readonly { senderType: 'client' | 'support'; createdAt: string }[][];
}

export interface ChatSource {
  /** The customer's chat facts as the caller may read them; null when the caller cannot see the customer. */
  read(identity: UserIdentity, customerId: string, since: Date): Promise<ChatSourceData | null>;
}

export function pgChatSource(db: Database): ChatSource {
  return {
    read: (identity, customerId, since) =>
      db.withIdentity(identity, async (client) => {
        const { rows: customers } = await client.query<{ csm_id: string | null; time_zone: string }>(
          `SELECT c.csm_id, o.time_zone FROM customers c JOIN organizations o ON o.id = c.organization_id
            WHERE c.organization_id = $1 AND c.id = $2 AND NOT c.deleted`,
          [identity.organizationId, customerId],
        );
        const customer = customers[0];
        if (!customer) return null;
        const { rows } = await client.query<{
          ticket_id: string;
          sender_type: string;
          created_at: string | Date;
        }>(
          `SELECT m.ticket_id, m.sender_type, m.created_at FROM ticket_messages m
             JOIN tickets t ON t.organization_id = m.organization_id AND t.id = m.ticket_id
            WHERE t.organization_id = $1 AND t.customer_id = $2 AND t.channel = 'chat' AND NOT t.deleted
              AND m.created_at >= $3
            ORDER BY m.created_at, m.id`,
          [identity.organizationId, customerId, since],
        );
        const byChat = new Map<string, { senderType: 'client' | 'support'; createdAt: string }[]>();
        for (const r of rows) {
          const list = byChat.get(r.ticket_id) ?? [];
          list.push({
            senderType: r.sender_type === 'support' ? 'support' : 'client',
            createdAt: new Date(r.created_at).toISOString(),
          });
          byChat.set(r.ticket_id, list);
        }
        return {
          timeZone: customer.time_zone,
          accountManagerId: customer.csm_id,
          chats: [...byChat.values()],
        };
      }),
  };
}

/** When a user was last seen on a live stream (epoch ms), or null — StreamRegistry.lastSeen. */
export interface PresenceBoard {
  lastSeen(userId: string): number | null;
}

const customerIdSchema = z.uuid();
const DAY_MS = 86_400_000;

export function chatRoutes(deps: {
  source: ChatSource;
  presence: PresenceBoard;
  clock?: Clock;
}): Hono<AuthedEnv> {
  const clock = deps.clock ?? systemClock;
  const app = new Hono<AuthedEnv>();
  app.use('*', requireUser);
  app.get('/presence', async (c) => {
    const identity = c.get('identity');
    let customerId: string;
    if (identity.role === 'client') {
      if (!identity.customerId) throw notFound('Customer not found.');
      customerId = identity.customerId;
    } else {
      const asked = c.req.query('customerId');
      if (asked === undefined) throw badRequest('Name the customer: ?customerId=<id>.');
      const id = customerIdSchema.safeParse(asked);
      // A malformed id cannot name a customer: the same 404 as an unknown one.
      if (!id.success) throw notFound('Customer not found.');
      customerId = id.data;
    }
    const now = clock.now();
    const data = await deps.source.read(
      identity,
      customerId,
      new Date(now.getTime() - RESPONSE_WINDOW_DAYS * DAY_MS),
    );
    if (data === null) throw notFound('Customer not found.');
    const hours = chatBusinessHours(data.timeZone);
    const seen = data.accountManagerId === null ? null : deps.presence.lastSeen(data.accountManagerId);
    const presence = chatPresence({
      hours,
      now: now.toISOString(),
      lastSeenAt: seen === null ? null : new Date(seen).toISOString(),
    });
    const body: ChatPresenceResponse = {
      customerId,
      accountManagerId: data.accountManagerId,
      presence: presence.state,
      opensAt: presence.opensAt,
      responseTimeMs: chatResponseTime({
        chats: data.chats.map((m) => [...m]),
        hours,
        now: now.toISOString(),
      }),
      businessHours: hours,
      now: now.toISOString(),
    };
    c.header('Cache-Control', 'no-store');
    return c.json(body);
  });
  return app;
}

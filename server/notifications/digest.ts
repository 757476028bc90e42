import { systemIdentity } from '../../shared/identity.ts';
import type { NotificationLanguage } from '../../shared/domain/notifications/texts.ts';
import type { Database } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import type { Mailer, MailMessage } from '../mail/mailer.ts';

/**
 * The e-mail digest, the third channel: every notification whose recipient wants e-mail for its type is queued
 * in the delivery ledger (`email_due`), and this sends each recipient one mail listing what is queued, then
 * marks those rows mailed.
 *
 * Invariants:
 * - One mail per recipient per run, listing every queued item oldest first; an item is in at most one sent
 *   mail (rows are marked after the SMTP server accepted the mail; a failed send leaves them for the next run —
 *   at-least-once, never lost).
 * - No transaction is held while talking to the SMTP server.
 * - Links are absolute when `PUBLIC_ORIGIN` is configured, in-app paths otherwise.
 */

interface QueuedRow {
  readonly eventKey: string;
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly locale: NotificationLanguage;
  readonly title: string;
  readonly body: string;
  readonly url: string;
}

export function composeDigest(
  recipient: { email: string; name: string; locale: NotificationLanguage },
  items: readonly { title: string; body: string; url: string }[],
  origin: string | undefined,
): MailMessage {
  const pt = recipient.locale === 'pt-BR';
  const subject = pt
    ? `Arco: ${items.length} ${items.length === 1 ? 'novidade' : 'novidades'}`
    : `Arco: ${items.length} ${items.length === 1 ? 'update' : 'updates'}`;
  const link = (url: string) => (origin ? `${origin}${url}` : url);
  const greeting = pt ? `Olá, ${recipient.name}!` : `Hello, ${recipient.name}!`;
  const text = [
    greeting,
    '',
    ...items.flatMap((i) => [`• ${i.title}`, `  ${i.body}`, `  ${link(i.url)}`, '']),
  ].join('\n');
  const escape = (s: string) =>
    s.replace(
      /[&<>"']/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
    );
  const html =
    `<p>${escape(greeting)}</p><ul>` +
    items
      .map(
        (i) =>
          `<li><a href="${escape(link(i.url))}"><strong>${escape(i.title)}</strong></a><br>${escape(i.body)}</li>`,
      )
      .join('') +
    '</ul>';
  return { to: recipient.email, subject, text, html };
}

export async function sendDigests(
  deps: { db: Database; mailer: Mailer; logger: Logger; publicOrigin: string | undefined },
  organizationId: string,
): Promise<{ mails: number; items: number }> {
  const identity = systemIdentity(organizationId);
  const { rows } = await deps.db.withIdentity(identity, (client) =>
    client.query<QueuedRow>(
      `SELECT d.event_key AS "eventKey", d.user_id AS "userId", u.email, u.name, u.locale, d.title, d.body, d.url
         FROM notification_deliveries d JOIN users u ON u.organization_id = d.organization_id AND u.id = d.user_id
        WHERE d.organization_id = $1 AND d.email_due AND d.emailed_at IS NULL AND u.disabled_at IS NULL
        ORDER BY d.user_id, d.created_at, d.event_key`,
      [organizationId],
    ),
  );
  const byUser = new Map<string, QueuedRow[]>();
  for (const row of rows) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);
  let mails = 0;
  for (const [userId, items] of byUser) {
    const first = items[0]!;
    try {
      await deps.mailer.send(composeDigest(first, items, deps.publicOrigin));
    } catch (err) {
      deps.logger.warn({ err, event: 'digest_failed', userId }, 'digest not sent; kept for the next run');
      continue;
    }
    await deps.db.withIdentity(identity, (client) =>
      client.query(
        `UPDATE notification_deliveries SET emailed_at = now()
          WHERE organization_id = $1 AND user_id = $2 AND event_key = ANY($3::text[])`,
        [organizationId, userId, items.map((i) => i.eventKey)],
      ),
    );
    mails++;
  }
  return { mails, items: rows.length };
}

import { Hono } from 'hono';
import { conflict, forbidden, notFound, unavailable } from '../../shared/api-errors.ts';
import { DEFAULT_TIME_ZONE, isKnownTimeZone } from '../../shared/domain/portal/time.ts';
import { customerSchema } from '../../shared/entities/customer.ts';
import { systemIdentity } from '../../shared/identity.ts';
import { checkoutRequestSchema, type CheckoutResponse } from '../../shared/payments.ts';
import { requireUser } from '../auth/require-user.ts';
import { centsToDecimal, decimalToCents, readDocument, type Database } from '../db/index.ts';
import { limitBody, readJson } from '../http/body.ts';
import type { AppEnv, AuthedEnv } from '../http/context.ts';
import { deriveBatchFields } from '../sync/push-derived.ts';
import type { ServerWriter } from '../sync/server-writes.ts';
import { invoiceAfterEvent } from './apply-payment.ts';
import type { PaymentEvent, PaymentGateway } from './gateway.ts';

/** Checkout bodies are one id; gateways' webhook bodies are small JSON documents. */
const CHECKOUT_BODY_LIMIT = 4 * 1024;
const WEBHOOK_BODY_LIMIT = 64 * 1024;

export interface PaymentsDeps {
  readonly db: Database;
  readonly writer: ServerWriter;
  /** The gateway new charges go to; null when payments are off (`PAYMENT_GATEWAY=off`). */
  readonly gateway: PaymentGateway | null;
  readonly clock: () => Date;
  readonly newId: () => string;
}

/**
 * `/api/payments` (docs/api.md "Payments"):
 * - `POST /checkout` — a client user opens a charge for one of their open invoices with the configured
 *   gateway. The charge is recorded (as the user, so RLS decides whether the invoice is theirs: another
 *   customer's invoice is `not_found`) **before** the gateway is called, never inside a transaction that waits
 *   on the gateway; the gateway's charge id is stored when it answers.
 * - `POST /webhook/<gateway>` — the gateway's events, no session: the signature over the raw body is checked
 *   first (401 otherwise); the charge's organization is found through `arco_find_payment_charge`; then one
 *   server write (system identity, organization lock) records the event id — a replay or retry of an event
 *   already applied is acknowledged and changes nothing — updates the charge and marks the invoice paid, and
 *   re-derives the customer's lifetime value. Devices receive the invoice through sync like any other change.
 */
export function paymentsRoutes(deps: PaymentsDeps): Hono<AppEnv> {
  const { db, gateway } = deps;
  const app = new Hono<AppEnv>();
  const authed = new Hono<AuthedEnv>();
  authed.use('*', requireUser);

  authed.post('/', limitBody(CHECKOUT_BODY_LIMIT), async (c) => {
    const user = c.get('user');
    // Checked before the body, like every role rule: staff do not pay a client's invoice from the portal.
    if (user.role !== 'client') throw forbidden('Only a client user pays their invoices here.');
    if (!gateway) throw unavailable('Payments are not available right now.');
    const { invoiceId } = await readJson(c, checkoutRequestSchema);
    const chargeId = deps.newId();
    const invoice = await db.withIdentity(c.get('identity'), async (client) => {
      const found = await readDocument(client, 'invoices', user.organizationId, invoiceId);
      if (!found || found.deleted) throw notFound('No such invoice.');
      const { doc } = found;
      if (doc.status === 'paid' || doc.status === 'cancelled')
        throw conflict('This invoice is already paid or cancelled.', { status: doc.status });
      await client.query(
        `INSERT INTO payment_charges (organization_id, id, customer_id, invoice_id, gateway, amount, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          user.organizationId,
          chargeId,
          doc.customerId,
          doc.id,
          gateway.id,
          centsToDecimal(doc.amountCents),
          user.id,
        ],
      );
      return doc;
    });
    const log = c.get('log');
    let opened;
    try {
      opened = await gateway.createCharge({
        reference: chargeId,
        invoiceNumber: invoice.number,
        description: invoice.description,
        amountCents: invoice.amountCents,
      });
    } catch (err) {
      log.error({ err, chargeId }, 'payment gateway refused or did not answer');
      await markCharge(db, user.organizationId, chargeId, { status: 'failed' });
      throw unavailable('The payment service did not answer. Please try again.');
    }
    await markCharge(db, user.organizationId, chargeId, { gatewayChargeId: opened.gatewayChargeId });
    log.info({ event: 'payment_charge_opened', chargeId, gateway: gateway.id }, 'payment charge opened');
    const body: CheckoutResponse = {
      charge: {
        id: chargeId,
        gateway: gateway.id,
        invoiceId: invoice.id,
        amountCents: invoice.amountCents,
        status: 'pending',
        checkoutUrl: opened.checkoutUrl,
      },
    };
    return c.json(body, 201);
  });
  app.route('/checkout', authed);

  app.post('/webhook/:gateway', limitBody(WEBHOOK_BODY_LIMIT), async (c) => {
    // Only the configured gateway's webhook exists; any other name is an unknown route.
    if (!gateway || c.req.param('gateway') !== gateway.id) throw notFound('No such payment gateway.');
    const rawBody = await c.req.text();
    const verified = gateway.verifyWebhook({ rawBody, header: (name) => c.req.header(name) });
    const log = c.get('log');
    if (verified === 'ignored') return c.json({ received: true, applied: false });
    const event = verified;
    const { rows } = await db.transaction((client) =>
      client.query<{ organization_id: string }>(
        'SELECT organization_id FROM arco_find_payment_charge($1, $2)',
        [gateway.id, event.reference],
      ),
    );
    const organizationId = rows[0]?.organization_id;
    // Unknown to us: 404, so a gateway that delivered too early retries; nothing else is revealed.
    if (!organizationId) throw notFound('No such charge.');
    const outcome = await applyEvent(deps, gateway.id, organizationId, event);
    log.info(
      { event: 'payment_webhook', type: event.type, eventId: event.eventId, outcome },
      'payment webhook',
    );
    return c.json({ received: true, applied: outcome === 'applied' });
  });

  return app;
}

type Outcome = 'applied' | 'duplicate' | 'no_change';

async function applyEvent(
  deps: PaymentsDeps,
  gatewayId: string,
  organizationId: string,
  event: PaymentEvent,
): Promise<Outcome> {
  return deps.writer.transaction(organizationId, async (tx) => {
    const recorded = await tx.client.query(
      `INSERT INTO payment_webhook_events (organization_id, gateway, event_id, charge_id, type)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (gateway, event_id) DO NOTHING RETURNING event_id`,
      [organizationId, gatewayId, event.eventId, event.reference, event.type],
    );
    if (recorded.rowCount === 0) return 'duplicate';
    const { rows } = await tx.client.query<{ invoice_id: string; amount: string; time_zone: string }>(
      `SELECT c.invoice_id, c.amount::text AS amount, o.time_zone
         FROM payment_charges c JOIN organizations o ON o.id = c.organization_id
        WHERE c.organization_id = $1 AND c.id = $2 FOR UPDATE OF c`,
      [organizationId, event.reference],
    );
    const charge = rows[0];
    if (!charge) throw notFound('No such charge.');
    if (decimalToCents(charge.amount) !== event.amountCents)
      throw conflict('The event amount differs from the charge.', { chargeId: event.reference });
    await tx.client.query(
      `UPDATE payment_charges SET status = $3, gateway_charge_id = $4, updated_at = now()
        WHERE organization_id = $1 AND id = $2`,
      [
        organizationId,
        event.reference,
        event.type === 'charge.paid' ? 'paid' : 'failed',
        event.gatewayChargeId,
      ],
    );
    const stored = await readDocument(tx.client, 'invoices', organizationId, charge.invoice_id);
    if (!stored || stored.deleted) return 'no_change';
    const next = invoiceAfterEvent({
      invoice: stored.doc,
      event,
      gateway: gatewayId,
      paymentId: deps.newId(),
      timeZone: isKnownTimeZone(charge.time_zone) ? charge.time_zone : DEFAULT_TIME_ZONE,
    });
    if (!next) return 'no_change';
    await tx.write('invoices', [next]);
    // The customer's lifetime value is derived from approved payments (shared/collections/customers.ts).
    const customer = await readDocument(tx.client, 'customers', organizationId, next.customerId);
    if (customer && !customer.deleted) {
      const [derived] = await deriveBatchFields(
        tx.client,
        organizationId,
        'customers',
        [customer.doc],
        deps.clock(),
      );
      const updated = customerSchema.parse(derived);
      if (JSON.stringify(updated) !== JSON.stringify(customer.doc)) await tx.write('customers', [updated]);
    }
    return 'applied';
  });
}

async function markCharge(
  db: Database,
  organizationId: string,
  chargeId: string,
  change: { status: 'failed' } | { gatewayChargeId: string },
): Promise<void> {
  await db.withIdentity(systemIdentity(organizationId), (client) =>
    'status' in change
      ? client.query(
          `UPDATE payment_charges SET status = 'failed', updated_at = now()
            WHERE organization_id = $1 AND id = $2 AND status = 'pending'`,
          [organizationId, chargeId],
        )
      : client.query(
          `UPDATE payment_charges SET gateway_charge_id = coalesce(gateway_charge_id, $3), updated_at = now()
            WHERE organization_id = $1 AND id = $2`,
          [organizationId, chargeId, change.gatewayChargeId],
        ),
  );
}

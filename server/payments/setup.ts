import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { createFakeGateway, FAKE_GATEWAY_ID } from './fake-gateway.ts';
import type { PaymentGateway } from './gateway.ts';

/**
 * The gateway `PAYMENT_GATEWAY` names (server/config.ts), or null when payments are off. The fake gateway
 * delivers its webhooks to this server itself through `selfRequest` (the app's in-process `request`), so
 * `npm start` pays an invoice end to end without any outside service; without `PAYMENT_WEBHOOK_SECRET` (allowed
 * outside production only) it signs with a random secret made at start, which only this process knows.
 */
export function createPaymentGateway(deps: {
  config: Config;
  clock: () => Date;
  logger: Logger;
  selfRequest: (path: string, init: RequestInit) => Response | Promise<Response>;
}): PaymentGateway | null {
  const { config, logger } = deps;
  if (config.payments.gateway === 'off') return null;
  const secret = config.payments.webhookSecret ?? randomBytes(32).toString('hex');
  return createFakeGateway({
    secret,
    clock: deps.clock,
    newId: uuidv7,
    deliver: async ({ rawBody, headers }) =>
      (
        await deps.selfRequest(`/api/payments/webhook/${FAKE_GATEWAY_ID}`, {
          method: 'POST',
          headers,
          body: rawBody,
        })
      ).status,
    onGiveUp: (event, lastStatus) =>
      logger.error(
        { eventId: event.eventId, lastStatus },
        'fake payment gateway gave up delivering a webhook',
      ),
  });
}

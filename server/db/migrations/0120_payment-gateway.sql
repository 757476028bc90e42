-- Up Migration
-- Payments through a gateway (docs/api.md "Payments", server/payments/): server-only tables, never synced.
--
-- payment_charges: one charge the server opened with a gateway when a client tapped "Pagar". Recorded before
-- the gateway is called, so a webhook that arrives before the gateway's own answer still finds it (by `id`,
-- which the gateway echoes as the charge's reference); `gateway_charge_id` is filled in when the gateway answers
-- or when its webhook does.
CREATE TABLE payment_charges (
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  customer_id uuid NOT NULL,
  invoice_id uuid NOT NULL,
  gateway text NOT NULL CHECK (gateway ~ '^[a-z0-9-]{1,50}$'),
  gateway_charge_id text CHECK (length(gateway_charge_id) BETWEEN 1 AND 255),
  amount numeric(15,2) NOT NULL CHECK (amount >= 0),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'paid', 'failed')),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, id),
  UNIQUE (id),
  UNIQUE (gateway, gateway_charge_id),
  FOREIGN KEY (organization_id, invoice_id) REFERENCES invoices (organization_id, id)
);
CREATE INDEX payment_charges_invoice_idx ON payment_charges (organization_id, invoice_id);

-- payment_webhook_events: the gateway events already applied, by the gateway's event id. A replayed or
-- retried delivery hits the primary key and changes nothing (it is still acknowledged, so the gateway stops).
CREATE TABLE payment_webhook_events (
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  gateway text NOT NULL,
  event_id text NOT NULL CHECK (length(event_id) BETWEEN 1 AND 255),
  charge_id uuid NOT NULL,
  type text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (gateway, event_id),
  FOREIGN KEY (organization_id, charge_id) REFERENCES payment_charges (organization_id, id)
);

-- A client opens charges for their own customer's invoices; staff read them; only the server (`system`)
-- changes a charge's status or records webhook events.
ALTER TABLE payment_charges ENABLE ROW LEVEL SECURITY;
ALTER TABLE payment_charges FORCE ROW LEVEL SECURITY;
CREATE POLICY payment_charges_select ON payment_charges FOR SELECT TO arco_app USING (
  organization_id = (SELECT arco_org()) AND ((SELECT arco_is_staff()) OR (SELECT arco_role()) = 'system'
    OR customer_id = (SELECT arco_customer())));
CREATE POLICY payment_charges_insert ON payment_charges FOR INSERT TO arco_app WITH CHECK (
  organization_id = (SELECT arco_org()) AND ((SELECT arco_role()) = 'system'
    OR ((SELECT arco_role()) = 'client' AND customer_id = (SELECT arco_customer()) AND status = 'pending')));
CREATE POLICY payment_charges_update ON payment_charges FOR UPDATE TO arco_app
  USING (organization_id = (SELECT arco_org()) AND (SELECT arco_role()) = 'system')
  WITH CHECK (organization_id = (SELECT arco_org()) AND (SELECT arco_role()) = 'system');
CREATE POLICY payment_charges_delete ON payment_charges FOR DELETE TO arco_app USING (
  organization_id = (SELECT arco_org()) AND (SELECT arco_role()) = 'system');
GRANT SELECT, INSERT, UPDATE, DELETE ON payment_charges TO arco_app;

ALTER TABLE payment_webhook_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE payment_webhook_events FORCE ROW LEVEL SECURITY;
CREATE POLICY payment_webhook_events_select ON payment_webhook_events FOR SELECT TO arco_app USING (
  organization_id = (SELECT arco_org()) AND ((SELECT arco_is_staff()) OR (SELECT arco_role()) = 'system'));
CREATE POLICY payment_webhook_events_insert ON payment_webhook_events FOR INSERT TO arco_app WITH CHECK (
  organization_id = (SELECT arco_org()) AND (SELECT arco_role()) = 'system');
CREATE POLICY payment_webhook_events_update ON payment_webhook_events FOR UPDATE TO arco_app
  USING (organization_id = (SELECT arco_org()) AND (SELECT arco_role()) = 'system')
  WITH CHECK (organization_id = (SELECT arco_org()) AND (SELECT arco_role()) = 'system');
CREATE POLICY payment_webhook_events_delete ON payment_webhook_events FOR DELETE TO arco_app USING (
  organization_id = (SELECT arco_org()) AND (SELECT arco_role()) = 'system');
GRANT SELECT, INSERT, UPDATE, DELETE ON payment_webhook_events TO arco_app;

-- The webhook request has no session: after its signature is verified, this is the one narrow way past RLS
-- to learn which organization a charge belongs to (like arco_find_session for a cookie).
CREATE FUNCTION arco_find_payment_charge(p_gateway text, p_charge_id uuid)
RETURNS TABLE (charge_id uuid, organization_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT c.id, c.organization_id FROM public.payment_charges c
   WHERE c.gateway = p_gateway AND c.id = p_charge_id
$$;
REVOKE ALL ON FUNCTION arco_find_payment_charge(text, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION arco_find_payment_charge(text, uuid) TO arco_app;

-- Down Migration
DROP FUNCTION arco_find_payment_charge(text, uuid);
DROP TABLE payment_webhook_events;
DROP TABLE payment_charges;

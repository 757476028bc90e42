-- Up Migration
-- Accounts (invitations, first run, user management; server/users/).
--
-- invitations: the language of the mail and of the account it creates, and when the link was last sent (a
-- resend replaces the token and the expiry, so the old link dies).
ALTER TABLE invitations
  ADD COLUMN locale text NOT NULL DEFAULT 'pt-BR' CHECK (locale IN ('pt-BR', 'en')),
  ADD COLUMN sent_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX invitations_email_idx ON invitations (organization_id, lower(email));

-- What the invitation page shows before anyone is identified: one exact token hash in, only what the page
-- needs out (the organization's and the customer's names, never other rows). Like arco_find_invitation, but
-- with the names and the language.
CREATE FUNCTION arco_invitation_preview(p_token_hash text)
RETURNS TABLE (invitation_id uuid, organization_id uuid, organization_name text, email text, role text,
  customer_id uuid, customer_name text, locale text, expires_at timestamptz, accepted_at timestamptz,
  revoked_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT i.id, i.organization_id, o.name, i.email, i.role, i.customer_id, c.name, i.locale, i.expires_at,
         i.accepted_at, i.revoked_at
    FROM public.invitations i
    JOIN public.organizations o ON o.id = i.organization_id
    LEFT JOIN public.customers c ON c.organization_id = i.organization_id AND c.id = i.customer_id
   WHERE i.token_hash = p_token_hash
$$;

-- First run: whether any organization exists (the setup screen and `npm run create-admin` only work on a
-- database without one). Answers a yes/no, nothing else.
CREATE FUNCTION arco_has_organization() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT EXISTS (SELECT 1 FROM public.organizations)
$$;

REVOKE ALL ON FUNCTION arco_invitation_preview(text), arco_has_organization() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION arco_invitation_preview(text), arco_has_organization() TO arco_app;

-- Down Migration
DROP FUNCTION arco_has_organization();
DROP FUNCTION arco_invitation_preview(text);
DROP INDEX invitations_email_idx;
ALTER TABLE invitations DROP COLUMN sent_at, DROP COLUMN locale;

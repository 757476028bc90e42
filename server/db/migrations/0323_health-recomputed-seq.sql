-- Up Migration
-- Health recompute coalesced per organization (server/health/recompute.ts `recomputeChangedHealth`, issue 16):
-- the organization's customers with an input document written up to this server_seq have been rescored; a
-- recompute job scores every customer with an input written after it, in one pass, then moves it forward. A burst
-- of pushes then costs one scoring pass instead of one recompute per pushed customer.
ALTER TABLE organizations ADD COLUMN health_recomputed_seq bigint NOT NULL DEFAULT 0;
-- Existing organizations start at the present: changes committed before this migration were queued as
-- per-customer recomputes (that job still runs them), and the nightly recompute covers the rest.
UPDATE organizations SET health_recomputed_seq = (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM sync_seq);

-- Down Migration
ALTER TABLE organizations DROP COLUMN health_recomputed_seq;

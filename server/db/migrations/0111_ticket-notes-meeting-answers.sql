-- Up Migration
-- Issue 10, staff side of tickets and meetings (docs/architecture.md §4.2).
--
-- Internal ticket notes are staff-only `activities` of type 'note' that name their ticket: clients sync
-- `tickets`, and visibility is per row, so a note can never live inside the ticket. ticket_id is not a foreign
-- key: collections replicate independently, so a note may arrive before its ticket, and a refused foreign key
-- would fail the whole push batch. The CHECK repeats the collection's invariant (shared/collections/activities.ts).
ALTER TABLE activities
  ADD COLUMN ticket_id uuid,
  ADD CONSTRAINT activities_ticket_note_check CHECK (ticket_id IS NULL OR type = 'note');
CREATE INDEX activities_ticket_idx ON activities (organization_id, ticket_id) WHERE ticket_id IS NOT NULL;

-- The agency's answer to a client's reschedule/cancel request, shown on the client's device
-- (shared/domain/portal/meeting-request.ts).
ALTER TABLE meetings
  ADD COLUMN request_answer jsonb CHECK (jsonb_typeof(request_answer) = 'object');

-- Down Migration
ALTER TABLE meetings DROP COLUMN request_answer;
DROP INDEX activities_ticket_idx;
ALTER TABLE activities DROP CONSTRAINT activities_ticket_note_check, DROP COLUMN ticket_id;

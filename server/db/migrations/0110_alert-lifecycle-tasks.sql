-- Up Migration
-- The alert lifecycle and tasks (docs/domain.md §6; docs/architecture.md §4.2 "collection budget": tasks and
-- interventions are `activities`, the lifecycle is fields of `signals`). Columns follow the collections' zod
-- schemas (shared/entities/csm.ts) by the table-spec convention; existing rows get null, which is what the
-- schemas' defaults give an older document.

-- Risk alerts gain `in_progress` and `dismissed` (with a reason); every signal records the first time it was
-- acted upon and the first time work on it started.
ALTER TABLE signals DROP CONSTRAINT signals_status_check;
ALTER TABLE signals DROP CONSTRAINT signals_status_matches_kind;
ALTER TABLE signals
  ADD CONSTRAINT signals_status_check CHECK (status IN ('open', 'acknowledged', 'in_progress', 'resolved',
    'identified', 'contacted', 'negotiating', 'won', 'lost', 'new', 'dismissed', 'actioned')),
  -- Each kind has its own lifecycle (SIGNAL_STATUSES in shared/entities/csm.ts).
  ADD CONSTRAINT signals_status_matches_kind CHECK (
    (kind = 'risk_alert' AND status IN ('open', 'acknowledged', 'in_progress', 'resolved', 'dismissed'))
    OR (kind = 'expansion' AND status IN ('identified', 'contacted', 'negotiating', 'won', 'lost'))
    OR (kind = 'insight' AND status IN ('new', 'dismissed', 'actioned'))),
  ADD COLUMN acknowledged_at timestamptz,
  ADD COLUMN started_at timestamptz,
  ADD COLUMN dismiss_reason text CHECK (dismiss_reason IN ('false_positive', 'handled_elsewhere',
    'expected_behaviour', 'customer_lost', 'other'));
-- Insights dismissed before reasons existed say "other".
UPDATE signals SET dismiss_reason = 'other' WHERE status = 'dismissed';
-- A dismissed signal says why, and only a dismissed one has a reason.
ALTER TABLE signals
  ADD CONSTRAINT signals_dismissed_has_reason CHECK ((status = 'dismissed') = (dismiss_reason IS NOT NULL));

-- Tasks are activities of type `task`; any activity may name the alert it was done for. signal_id is not a
-- foreign key: a signal is another aggregate, and a task may outlive the alert it came from.
ALTER TABLE activities DROP CONSTRAINT activities_type_check;
ALTER TABLE activities
  ADD CONSTRAINT activities_type_check CHECK (type IN ('call', 'email', 'meeting', 'note', 'support_ticket',
    'nps_response', 'contract_signed', 'payment_received', 'health_change', 'expansion_identified', 'task')),
  ADD COLUMN signal_id uuid,
  ADD COLUMN due_at timestamptz,
  ADD COLUMN completed_at timestamptz,
  ADD COLUMN assigned_to uuid,
  ADD CONSTRAINT activities_task_fields CHECK (
    type = 'task' OR (due_at IS NULL AND completed_at IS NULL AND assigned_to IS NULL));
-- "Minhas tarefas": a user's open tasks by due date; an alert's interventions.
CREATE INDEX activities_open_tasks_idx ON activities (organization_id, assigned_to, due_at)
  WHERE type = 'task' AND completed_at IS NULL AND NOT deleted;
CREATE INDEX activities_signal_idx ON activities (organization_id, signal_id) WHERE signal_id IS NOT NULL;

-- Down Migration
DROP INDEX activities_signal_idx;
DROP INDEX activities_open_tasks_idx;
DELETE FROM activities WHERE type = 'task';
ALTER TABLE activities
  DROP CONSTRAINT activities_task_fields,
  DROP COLUMN assigned_to,
  DROP COLUMN completed_at,
  DROP COLUMN due_at,
  DROP COLUMN signal_id,
  DROP CONSTRAINT activities_type_check;
ALTER TABLE activities
  ADD CONSTRAINT activities_type_check CHECK (type IN ('call', 'email', 'meeting', 'note', 'support_ticket',
    'nps_response', 'contract_signed', 'payment_received', 'health_change', 'expansion_identified'));

UPDATE signals SET status = 'acknowledged' WHERE kind = 'risk_alert' AND status = 'in_progress';
UPDATE signals SET status = 'resolved' WHERE kind = 'risk_alert' AND status = 'dismissed';
ALTER TABLE signals
  DROP CONSTRAINT signals_dismissed_has_reason,
  DROP COLUMN dismiss_reason,
  DROP COLUMN started_at,
  DROP COLUMN acknowledged_at,
  DROP CONSTRAINT signals_status_matches_kind,
  DROP CONSTRAINT signals_status_check;
ALTER TABLE signals
  ADD CONSTRAINT signals_status_check CHECK (status IN ('open', 'acknowledged', 'resolved', 'identified',
    'contacted', 'negotiating', 'won', 'lost', 'new', 'dismissed', 'actioned')),
  ADD CONSTRAINT signals_status_matches_kind CHECK (
    (kind = 'risk_alert' AND status IN ('open', 'acknowledged', 'resolved'))
    OR (kind = 'expansion' AND status IN ('identified', 'contacted', 'negotiating', 'won', 'lost'))
    OR (kind = 'insight' AND status IN ('new', 'dismissed', 'actioned')));

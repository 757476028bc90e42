import type { JobDefinition } from './define.ts';
import { pruneSessionsJob } from './prune-sessions.ts';
import { recomputeAllHealthJob } from './recompute-all-health.ts';
import { recomputeChangedHealthJob } from './recompute-changed-health.ts';
import { recomputeCustomerHealthJob } from './recompute-customer-health.ts';
import { notifyChangesJob } from './notify-changes.ts';
import { notifyScanJob } from './notify-scan.ts';
import { sendNotificationDigestJob } from './send-notification-digest.ts';
import { trainChurnModelsJob } from './train-churn-models.ts';
import { importIntegrationsJob } from './import-integrations.ts';
import { issueNfseJob } from './issue-nfse.ts';

/** Every background job the server runs (docs/architecture.md "Jobs"): add a file, then list it here. */
export const JOBS: readonly JobDefinition[] = [
  pruneSessionsJob,
  recomputeChangedHealthJob,
  // Still registered: per-customer recomputes queued before the coalesced one (migration 0323) run to the end.
  recomputeCustomerHealthJob,
  recomputeAllHealthJob,
  notifyChangesJob,
  notifyScanJob,
  sendNotificationDigestJob,
  trainChurnModelsJob,
  importIntegrationsJob,
  issueNfseJob,
];

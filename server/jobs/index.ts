import type { JobDefinition } from './define.ts';
import { pruneSessionsJob } from './prune-sessions.ts';
import { recomputeAllHealthJob } from './recompute-all-health.ts';
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
  recomputeCustomerHealthJob,
  recomputeAllHealthJob,
  notifyChangesJob,
  notifyScanJob,
  sendNotificationDigestJob,
  trainChurnModelsJob,
  importIntegrationsJob,
  issueNfseJob,
];

import { accountManagerFeature } from '../features/account-manager/manifest.ts';
import { agencyDashboardFeature } from '../features/agency-dashboard/manifest.tsx';
import { atRiskFeature } from '../features/at-risk/manifest.tsx';
import { activityFeature } from '../features/activity/manifest.tsx';
import { contactsFeature } from '../features/contacts/manifest.tsx';
import { contractsFeature } from '../features/contracts/manifest.tsx';
import { campaignsFeature } from '../features/campaigns/manifest.tsx';
import { contentFeature } from '../features/content/manifest.tsx';
import { leadsFeature } from '../features/leads/manifest.tsx';
import { csmHomeFeature } from '../features/csm-home/manifest.tsx';
import { customer360Feature } from '../features/customer-360/manifest.tsx';
import { customersFeature } from '../features/customers/manifest.tsx';
import { dataImportFeature } from '../features/data-import/manifest.tsx';
import { connectionsFeature } from '../features/connections/manifest.tsx';
import { staffPortalFeature } from '../features/staff-portal/manifest.tsx';
import { meetingsFeature } from '../features/meetings/manifest.ts';
import { moneyFeature } from '../features/money/manifest.tsx';
import { notFoundFeature } from '../features/not-found/manifest.tsx';
import { notificationsFeature } from '../features/notifications/manifest.tsx';
import { passwordResetFeature } from '../features/password-reset/manifest.tsx';
import { performanceFeature } from '../features/performance/manifest.tsx';
import { goalsFeature } from '../features/goals/manifest.tsx';
import { achievementsFeature } from '../features/achievements/manifest.tsx';
import { portalHomeFeature } from '../features/portal-home/manifest.tsx';
import { securityFeature } from '../features/security/manifest.tsx';
import { settingsFeature } from '../features/settings/manifest.tsx';
import { signInFeature } from '../features/sign-in/manifest.tsx';
import { firstRunFeature } from '../features/first-run/manifest.tsx';
import { invitationFeature } from '../features/invitation/manifest.tsx';
import { usersFeature } from '../features/users/manifest.tsx';
import { supportQueueFeature } from '../features/support-queue/manifest.tsx';
import { tasksFeature } from '../features/tasks/manifest.tsx';
import { ticketsFeature } from '../features/tickets/manifest.tsx';
import { chatFeature, staffChatFeature } from '../features/chat/manifest.tsx';

/**
 * Every feature of the app, one line each: the shell derives the route table (routes.tsx), the navigation
 * (shell/primary-nav.tsx), the i18n resources and their types (i18n.ts, i18next.d.ts), each role's home and
 * the sign-in `next` areas (paths.ts) from this list. The service worker finds the deep links on its own in
 * each feature's `paths.ts` (client/sw/deep-links.ts); features.test.ts checks both agree.
 *
 * Adding a screen: a folder `client/features/<feature>/` with its pages, `paths.ts` and `manifest.tsx`, and a
 * line here (docs/architecture.md, "Client: features as modules").
 */
export const features = [
  signInFeature,
  passwordResetFeature,
  customersFeature,
  contractsFeature,
  contactsFeature,
  activityFeature,
  csmHomeFeature,
  atRiskFeature,
  tasksFeature,
  agencyDashboardFeature,
  customer360Feature,
  dataImportFeature,
  connectionsFeature,
  staffPortalFeature,
  supportQueueFeature,
  staffChatFeature,
  portalHomeFeature,
  performanceFeature,
  goalsFeature,
  achievementsFeature,
  ticketsFeature,
  chatFeature,
  moneyFeature,
  meetingsFeature,
  accountManagerFeature,
  notificationsFeature,
  leadsFeature,
  campaignsFeature,
  contentFeature,
  settingsFeature,
  usersFeature,
  firstRunFeature,
  invitationFeature,
  securityFeature,
  notFoundFeature,
] as const;

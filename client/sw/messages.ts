/**
 * Messages between the service worker and the page (import-free: both bundles read it).
 *
 * `NAVIGATE_MESSAGE` — a notification was tapped while an Arco window is open: the page routes in place to
 * `url` (client/app/service-worker-navigation.ts) and, when `notificationId` names an inbox item, marks it read
 * (client/features/notifications/use-inbox.ts).
 */
export const NAVIGATE_MESSAGE = 'arco:navigate';

export interface NavigateMessage {
  readonly type: typeof NAVIGATE_MESSAGE;
  readonly url: string;
  readonly notificationId?: string | undefined;
}

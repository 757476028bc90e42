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

/**
 * `SCREEN_QUERY_MESSAGE` — a push arrived while an Arco window is focused: the worker asks, through the port it
 * sends along, which path the page shows (client/sw/on-screen.ts). A window's `url` as the worker sees it is the
 * address it loaded, not where in-app routing has taken it since, so only the page can say.
 */
export const SCREEN_QUERY_MESSAGE = 'arco:which-screen';

export interface ScreenAnswer {
  readonly path: string;
}

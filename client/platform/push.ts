/**
 * The browser's Web Push pieces the app uses (Notification permission, the service worker's PushManager),
 * behind a small interface so the opt-in and sign-out logic run in unit tests with a fake. `null` from
 * `browserPush` means this browser cannot receive pushes at all (no service worker, PushManager or
 * Notification API — e.g. iOS Safari outside an installed app); the UI then says so instead of offering it.
 */
export type PushPermission = 'default' | 'granted' | 'denied';

/** The parts of a `PushSubscription` the app touches. */
export interface DevicePushSubscription {
  readonly endpoint: string;
  toJSON(): unknown;
  unsubscribe(): Promise<boolean>;
  /** The VAPID key it was made with (null when the browser does not say). */
  readonly applicationServerKey: ArrayBuffer | null;
}

export interface PushPlatform {
  permission(): PushPermission;
  /** Shows the browser's own prompt; only ever called from a user's tap. */
  requestPermission(): Promise<PushPermission>;
  /** This device's current subscription (null when none, or no service worker yet). */
  currentSubscription(): Promise<DevicePushSubscription | null>;
  /** Subscribes with the server's VAPID public key (RFC 8292), user-visible pushes only. */
  subscribe(applicationServerKey: Uint8Array<ArrayBuffer>): Promise<DevicePushSubscription>;
}

/** How long to wait for the service worker before deciding there is none (first load, dev server). */
const READY_TIMEOUT_MS = 5_000;

export function browserPush(win: Window & typeof globalThis): PushPlatform | null {
  // Absent on browsers without them, whatever lib.dom says.
  const container: ServiceWorkerContainer | undefined = win.navigator.serviceWorker;
  if (!container || typeof win.PushManager !== 'function' || typeof win.Notification !== 'function') {
    return null;
  }
  const ready = (): Promise<ServiceWorkerRegistration | null> =>
    Promise.race([
      container.ready,
      new Promise<null>((resolve) => win.setTimeout(() => resolve(null), READY_TIMEOUT_MS)),
    ]);
  const wrap = (s: PushSubscription): DevicePushSubscription => ({
    endpoint: s.endpoint,
    toJSON: () => s.toJSON(),
    unsubscribe: () => s.unsubscribe(),
    applicationServerKey: s.options.applicationServerKey,
  });
  return {
    permission: () => win.Notification.permission,
    requestPermission: () => win.Notification.requestPermission(),
    async currentSubscription() {
      const registration = await ready();
      const subscription = await registration?.pushManager.getSubscription();
      return subscription ? wrap(subscription) : null;
    },
    async subscribe(applicationServerKey) {
      const registration = await ready();
      if (!registration) throw new Error('no service worker');
      return wrap(await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey }));
    },
  };
}

import { z } from 'zod';
import type { KeyValueStore } from '../../platform/key-value-store.ts';
import type { DevicePushSubscription, PushPlatform } from '../../platform/push.ts';

/**
 * This device's Web Push subscription (docs/api.md "Push"): turning it on asks the browser's permission —
 * only ever from a user's tap —, subscribes with the server's VAPID public key and registers the subscription
 * with the server; turning it off (and signing out) removes it from the server, then from the browser.
 *
 * Invariants: the permission prompt is never shown without a tap (`enablePush` is the only caller of
 * `requestPermission`); a refusal — the browser's "block" or the app's own "not now" — is remembered on the
 * device (`PUSH_DECLINED_KEY`) so the inbox stops asking, and the settings screen explains how to undo it.
 */
export const PUSH_DECLINED_KEY = 'arco.push.declined';

export const VAPID_KEY_PATH = '/api/push/vapid-public-key';
export const SUBSCRIPTIONS_PATH = '/api/push/subscriptions';

export interface PushDeps {
  /** null: this browser cannot receive pushes. */
  readonly platform: PushPlatform | null;
  readonly fetch: typeof fetch;
  readonly baseUrl: string;
}

/** What the device can say about pushes right now. */
export type PushState = 'unsupported' | 'denied' | 'off' | 'on';

export async function pushState(platform: PushPlatform | null): Promise<PushState> {
  if (!platform) return 'unsupported';
  const permission = platform.permission();
  if (permission === 'denied') return 'denied';
  if (permission !== 'granted') return 'off';
  try {
    return (await platform.currentSubscription()) ? 'on' : 'off';
  } catch {
    return 'off';
  }
}

export type EnableResult =
  | { readonly status: 'on' }
  | { readonly status: 'unsupported' }
  | { readonly status: 'denied' }
  /** The dialog was closed without an answer; asking again later is fine. */
  | { readonly status: 'dismissed' }
  | { readonly status: 'offline' }
  | { readonly status: 'failed'; readonly message: string };

const vapidKeySchema = z.object({ publicKey: z.string().regex(/^[A-Za-z0-9_-]+$/) });
const errorBodySchema = z.object({ error: z.object({ message: z.string() }) });

/** RFC 4648 §5 base64url → bytes (the VAPID key as `PushManager.subscribe` takes it). */
export function base64UrlToBytes(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const sameBytes = (a: ArrayBuffer | null, b: Uint8Array): boolean => {
  if (!a || a.byteLength !== b.length) return false;
  const view = new Uint8Array(a);
  return view.every((byte, i) => byte === b[i]);
};

async function failure(res: Response): Promise<EnableResult> {
  const body: unknown = await res.json().catch(() => null);
  return {
    status: 'failed',
    message: errorBodySchema.safeParse(body).data?.error.message ?? `HTTP ${res.status}`,
  };
}

/** Asks (if needed), subscribes and registers this device with the server. Call only from a user's tap. */
export async function enablePush(deps: PushDeps, store: KeyValueStore): Promise<EnableResult> {
  const { platform } = deps;
  if (!platform) return { status: 'unsupported' };
  let permission = platform.permission();
  if (permission === 'default') permission = await platform.requestPermission();
  if (permission === 'denied') {
    store.setItem(PUSH_DECLINED_KEY, 'denied');
    return { status: 'denied' };
  }
  if (permission !== 'granted') return { status: 'dismissed' };
  store.removeItem(PUSH_DECLINED_KEY);

  let keyRes: Response;
  try {
    keyRes = await deps.fetch(`${deps.baseUrl}${VAPID_KEY_PATH}`, { credentials: 'same-origin' });
  } catch {
    return { status: 'offline' };
  }
  if (!keyRes.ok) return failure(keyRes);
  const key = vapidKeySchema.safeParse(await keyRes.json().catch(() => null));
  if (!key.success) return { status: 'failed', message: 'invalid VAPID key' };
  const applicationServerKey = base64UrlToBytes(key.data.publicKey);

  let subscription: DevicePushSubscription;
  try {
    const existing = await platform.currentSubscription();
    // A subscription made with another key (the server's keys were replaced) can no longer be pushed to.
    if (existing && !sameBytes(existing.applicationServerKey, applicationServerKey)) {
      await existing.unsubscribe();
    }
    subscription =
      existing && sameBytes(existing.applicationServerKey, applicationServerKey)
        ? existing
        : await platform.subscribe(applicationServerKey);
  } catch (error) {
    return { status: 'failed', message: error instanceof Error ? error.message : String(error) };
  }

  let res: Response;
  try {
    res = await deps.fetch(`${deps.baseUrl}${SUBSCRIPTIONS_PATH}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(subscription.toJSON()),
    });
  } catch {
    return { status: 'offline' };
  }
  return res.ok ? { status: 'on' } : failure(res);
}

/**
 * Removes this device's subscription: from the server first (while the session still exists — sign-out calls
 * this before ending it), then from the browser, which happens even when the server cannot be reached (a push
 * to an endpoint the browser dropped answers 410 and the server deletes it then).
 */
export async function disablePush(deps: PushDeps): Promise<'off' | 'off-locally'> {
  const subscription = await deps.platform?.currentSubscription().catch(() => null);
  if (!subscription) return 'off';
  let reached = false;
  try {
    const res = await deps.fetch(`${deps.baseUrl}${SUBSCRIPTIONS_PATH}`, {
      method: 'DELETE',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ endpoint: subscription.endpoint }),
    });
    reached = res.ok || res.status === 404;
  } catch {
    reached = false;
  }
  await subscription.unsubscribe().catch(() => false);
  return reached ? 'off' : 'off-locally';
}

/**
 * Re-registers this device's existing subscription with the server after a sign-in (docs/api.md: the server
 * binds a subscription to the session that posted it and pushes only to live sessions, so one made under an
 * expired session must be posted again). Idempotent and silent: never asks for permission, never subscribes.
 */
export async function reregisterPush(deps: PushDeps): Promise<boolean> {
  if (!deps.platform || deps.platform.permission() !== 'granted') return false;
  const subscription = await deps.platform.currentSubscription().catch(() => null);
  if (!subscription) return false;
  try {
    const res = await deps.fetch(`${deps.baseUrl}${SUBSCRIPTIONS_PATH}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(subscription.toJSON()),
    });
    return res.ok;
  } catch {
    return false;
  }
}

/** The app's own "not now" (the browser was never asked): the inbox stops offering; settings still can. */
export const declinePush = (store: KeyValueStore): void => store.setItem(PUSH_DECLINED_KEY, 'not-now');
export const pushDeclined = (store: KeyValueStore): boolean => store.getItem(PUSH_DECLINED_KEY) !== null;

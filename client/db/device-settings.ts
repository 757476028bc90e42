import { z } from 'zod';
import {
  applyProfileUpdate,
  deviceHealthConfigSchema,
  deviceLeadScoringSchema,
  devicePlaybooksSchema,
  deviceSettingsSchema,
  organizationSettingsSchema,
  profileUpdateSchema,
  type DeviceHealthConfig,
  type DeviceLeadScoring,
  type DevicePlaybooks,
  type OrganizationSettings,
  type ProfileUpdate,
  type UserProfile,
} from '../../shared/device-settings.ts';
import { healthScoreConfigSchema, type HealthScoreConfig } from '../../shared/domain/csm/health-config.ts';
import { DEFAULT_PLAYBOOKS, playbooksSchema, type Playbooks } from '../../shared/domain/csm/playbooks.ts';
import {
  DEFAULT_LEAD_SCORING,
  leadScoringConfigSchema,
  type LeadScoringConfig,
} from '../../shared/domain/portal/lead-score.ts';
import {
  notificationPreferencesSchema,
  type NotificationPreferences,
} from '../../shared/domain/notifications/preferences.ts';
import type { KeyValueStore } from '../../sync/client/outbox.ts';
import { PROFILE_DOC, readProfile } from './profile-document.ts';

export { PROFILE_DOC, readProfile };

/**
 * The organization's settings, its health configuration (staff) and the user's own profile, kept on the
 * device as RxDB local documents (docs/architecture.md §4) so the settings screen, the UI language and the health
 * thresholds work offline. Filled from `GET /api/settings` when a device session opens and whenever the
 * network comes back.
 *
 * Profile edits are written locally first and queued (`profile-pending`), then sent with
 * `PATCH /api/settings/profile`; a queued edit survives reloads and is sent before the next refresh, so the
 * server's copy never overwrites an edit it has not seen. Invariant: the pending edit is removed only when
 * the server has applied it (2xx) or refused it (4xx other than 401, recorded in `profile-rejection` so the
 * settings screen can say so) — never because the network failed.
 *
 * The user's notification preferences (`/api/me/notification-preferences`, docs/api.md) follow the same rule:
 * the last answer is kept (`notification-preferences`), a change is queued (`notification-preferences-pending`,
 * the whole preferences: `PUT` replaces them) and sent before the next read; a refusal is kept in
 * `notification-preferences-rejection`. The server holds them because it is the one that must never send a
 * muted type, so until a queued change has reached it the old preferences still apply there.
 */
export const ORGANIZATION_DOC = 'organization';
export const HEALTH_CONFIG_DOC = 'health-config';
/** The alert playbooks (docs/domain.md §6), staff only. */
export const PLAYBOOKS_DOC = 'playbooks';
/** The lead scoring rules (docs/domain-client.md §3B), every role: the leads screen scores with them. */
export const LEAD_SCORING_DOC = 'lead-scoring';
export const PENDING_PROFILE_DOC = 'profile-pending';
export const PROFILE_REJECTION_DOC = 'profile-rejection';
export const NOTIFICATION_PREFERENCES_DOC = 'notification-preferences';
export const PENDING_NOTIFICATION_PREFERENCES_DOC = 'notification-preferences-pending';
export const NOTIFICATION_PREFERENCES_REJECTION_DOC = 'notification-preferences-rejection';
export const NOTIFICATION_PREFERENCES_PATH = '/api/me/notification-preferences';

export const profileRejectionSchema = z.object({
  /** The server's (English) message; the UI shows its own pt-BR/English text and this as detail. */
  message: z.string(),
  fields: z.array(z.string()),
  update: z.record(z.string(), z.unknown()),
  at: z.string(),
});
export type ProfileRejection = z.infer<typeof profileRejectionSchema>;
/** A queued edit the server refused (the profile's or the notification preferences'). */
export type SettingRejection = ProfileRejection;

export type ProfileSaveResult =
  | { readonly status: 'saved'; readonly profile: UserProfile }
  /** Kept on the device; sent when the network is back. */
  | { readonly status: 'queued' }
  | { readonly status: 'invalid'; readonly fields: readonly string[] }
  | { readonly status: 'rejected'; readonly rejection: ProfileRejection };

export type NotificationPreferencesSaveResult =
  | { readonly status: 'saved'; readonly preferences: NotificationPreferences }
  /** Kept on the device; sent when the network is back. */
  | { readonly status: 'queued' }
  | { readonly status: 'invalid'; readonly fields: readonly string[] }
  | { readonly status: 'rejected'; readonly rejection: SettingRejection };

export type HealthConfigSaveResult =
  | { readonly status: 'saved'; readonly health: DeviceHealthConfig }
  /** Not sent: an organization-wide setting is changed online only (it is not a queued edit). */
  | { readonly status: 'offline' }
  | { readonly status: 'invalid'; readonly fields: readonly string[] }
  | { readonly status: 'forbidden' }
  | { readonly status: 'failed'; readonly message: string };

export type PlaybooksSaveResult =
  | { readonly status: 'saved'; readonly playbooks: DevicePlaybooks }
  | { readonly status: 'offline' }
  | { readonly status: 'invalid'; readonly fields: readonly string[] }
  | { readonly status: 'forbidden' }
  | { readonly status: 'failed'; readonly message: string };

export type LeadScoringSaveResult =
  | { readonly status: 'saved'; readonly leadScoring: DeviceLeadScoring }
  | { readonly status: 'offline' }
  | { readonly status: 'invalid'; readonly fields: readonly string[] }
  | { readonly status: 'forbidden' }
  | { readonly status: 'failed'; readonly message: string };

export interface DeviceSettingsSync {
  /** Sends a queued profile edit, then reloads everything. Best effort: offline changes nothing. */
  refresh(): Promise<boolean>;
  /** Applies the edit locally at once, then tries to send it. */
  updateProfile(update: ProfileUpdate): Promise<ProfileSaveResult>;
  /** Keeps the new preferences on the device at once (queued), then tries to send them (`PUT`). */
  updateNotificationPreferences(
    preferences: NotificationPreferences,
  ): Promise<NotificationPreferencesSaveResult>;
  /**
   * An admin's change of the organization's health weights and thresholds (`PUT /api/settings/health`).
   * Online only, unlike profile edits: it changes every CSM's scores, so it must not wait on one phone's queue
   * and surface hours later. On success the local copy is replaced at once.
   */
  updateHealthConfig(config: HealthScoreConfig): Promise<HealthConfigSaveResult>;
  /** An admin's change of the playbooks (`PUT /api/settings/playbooks`); online only, like the health settings. */
  updatePlaybooks(playbooks: Playbooks): Promise<PlaybooksSaveResult>;
  /** An admin's change of the lead scoring rules (`PUT /api/settings/lead-scoring`); online only. */
  updateLeadScoring(config: LeadScoringConfig): Promise<LeadScoringSaveResult>;
  /**
   * Resolves once every operation started so far has finished, so a session can close or delete its
   * database without a late write re-creating it (logout).
   */
  settled(): Promise<void>;
}

export interface DeviceSettingsDeps {
  readonly fetch: typeof fetch;
  readonly baseUrl: string;
  readonly kv: KeyValueStore;
  readonly now: () => Date;
}

/** Parsed reads for the features (values written by an older version are treated as absent). */
export const readOrganization = (value: unknown): OrganizationSettings | null =>
  organizationSettingsSchema.safeParse(value).data ?? null;
export const readHealthConfig = (value: unknown): DeviceHealthConfig | null =>
  deviceHealthConfigSchema.safeParse(value).data ?? null;
/** The stored playbooks, or the product's defaults before the first refresh (or from an older server). */
export const readPlaybooks = (value: unknown): Playbooks =>
  devicePlaybooksSchema.safeParse(value).data?.playbooks ?? DEFAULT_PLAYBOOKS;
/** The stored lead scoring rules with when they changed (null before the first refresh). */
export const readLeadScoringSetting = (value: unknown): DeviceLeadScoring | null =>
  deviceLeadScoringSchema.safeParse(value).data ?? null;
/** What a device shows before its first settings refresh (or from an older server): the defaults. */
export const DEFAULT_LEAD_SCORING_SETTING: DeviceLeadScoring = {
  config: DEFAULT_LEAD_SCORING,
  updatedAt: null,
};
/** The rules the leads screen scores with: the stored ones, or the product's defaults. */
export const readLeadScoring = (value: unknown): LeadScoringConfig =>
  readLeadScoringSetting(value)?.config ?? DEFAULT_LEAD_SCORING;
export const readProfileRejection = (value: unknown): ProfileRejection | null =>
  profileRejectionSchema.safeParse(value).data ?? null;
const readPending = (value: unknown): ProfileUpdate | null =>
  profileUpdateSchema.safeParse(value).data ?? null;
/** The notification preferences the server last answered, or null before the first answer. */
export const readNotificationPreferences = (value: unknown): NotificationPreferences | null =>
  notificationPreferencesSchema.safeParse(value).data ?? null;

const errorBodySchema = z.object({
  error: z.object({
    message: z.string(),
    details: z.object({ issues: z.array(z.object({ path: z.string() })) }).optional(),
  }),
});

type FlushOutcome<S> =
  | { kind: 'none' }
  | { kind: 'saved'; saved: S }
  | { kind: 'queued' }
  | { kind: 'rejected'; rejection: SettingRejection };

/** An edit kept on the device until the server has it (the profile, the notification preferences). */
interface QueuedSetting<P, S> {
  readonly pendingDoc: string;
  readonly rejectionDoc: string;
  readonly savedDoc: string;
  readonly method: 'PATCH' | 'PUT';
  readonly path: string;
  readonly readPending: (value: unknown) => P | null;
  /** The stored value from a 2xx answer's body (null: an answer this version cannot read). */
  readonly readAnswer: (body: unknown) => S | null;
}

const PROFILE_SETTING: QueuedSetting<ProfileUpdate, UserProfile> = {
  pendingDoc: PENDING_PROFILE_DOC,
  rejectionDoc: PROFILE_REJECTION_DOC,
  savedDoc: PROFILE_DOC,
  method: 'PATCH',
  path: '/api/settings/profile',
  readPending,
  readAnswer: (body) => readProfile(z.object({ profile: z.unknown() }).safeParse(body).data?.profile),
};

const NOTIFICATION_PREFERENCES_SETTING: QueuedSetting<NotificationPreferences, NotificationPreferences> = {
  pendingDoc: PENDING_NOTIFICATION_PREFERENCES_DOC,
  rejectionDoc: NOTIFICATION_PREFERENCES_REJECTION_DOC,
  savedDoc: NOTIFICATION_PREFERENCES_DOC,
  method: 'PUT',
  path: NOTIFICATION_PREFERENCES_PATH,
  readPending: readNotificationPreferences,
  readAnswer: readNotificationPreferences,
};

type OrganizationSettingResult<B> =
  { readonly status: 'saved'; readonly body: B } | Exclude<HealthConfigSaveResult, { status: 'saved' }>;

/**
 * An admin's online-only change of an organization-wide setting (`PUT`): validated on the device first, then
 * sent; the server's answer is parsed with the setting's response schema. Never queued (see `updateHealthConfig`).
 */
async function putOrganizationSetting<B>(
  deps: Pick<DeviceSettingsDeps, 'fetch' | 'baseUrl'>,
  setting: { path: string; input: z.ZodType; value: unknown; response: z.ZodType<B> },
): Promise<OrganizationSettingResult<B>> {
  const parsed = setting.input.safeParse(setting.value);
  if (!parsed.success) {
    return { status: 'invalid', fields: parsed.error.issues.map((i) => i.path.join('.')) };
  }
  let res: Response;
  try {
    res = await deps.fetch(`${deps.baseUrl}${setting.path}`, {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(parsed.data),
    });
  } catch {
    return { status: 'offline' };
  }
  const body: unknown = await res.json().catch(() => null);
  if (res.status === 403) return { status: 'forbidden' };
  const saved = res.ok ? setting.response.safeParse(body) : null;
  if (saved?.success) return { status: 'saved', body: saved.data };
  const error = errorBodySchema.safeParse(body).data?.error;
  return { status: 'failed', message: error?.message ?? `HTTP ${res.status}` };
}

export function createDeviceSettingsSync(deps: DeviceSettingsDeps): DeviceSettingsSync {
  const { kv } = deps;
  // Operations run one at a time so a refresh never interleaves with sending an edit.
  let queue: Promise<unknown> = Promise.resolve();
  const serialize = <T>(op: () => Promise<T>): Promise<T> => {
    const next = queue.then(op, op);
    queue = next.catch(() => undefined);
    return next;
  };

  /**
   * Sends a queued edit. The invariant of the module header: the pending edit goes only when the server
   * applied it (2xx) or refused it (4xx other than 401/408/429, kept as the rejection) — never on a network
   * failure, a lost session or a server hiccup.
   */
  async function flushQueued<P, S>(setting: QueuedSetting<P, S>): Promise<FlushOutcome<S>> {
    const pending = setting.readPending(await kv.get(setting.pendingDoc));
    if (pending === null) return { kind: 'none' };
    let res: Response;
    try {
      res = await deps.fetch(`${deps.baseUrl}${setting.path}`, {
        method: setting.method,
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(pending),
      });
    } catch {
      return { kind: 'queued' };
    }
    // Signed out or a server hiccup: the edit waits for the next chance (the sync status asks to sign in).
    if (res.status === 401 || res.status === 408 || res.status === 429 || res.status >= 500) {
      return { kind: 'queued' };
    }
    const body: unknown = await res.json().catch(() => null);
    if (res.ok) {
      const saved = setting.readAnswer(body);
      await kv.set(setting.pendingDoc, null);
      if (saved === null) return { kind: 'queued' };
      await kv.set(setting.savedDoc, saved);
      return { kind: 'saved', saved };
    }
    const error = errorBodySchema.safeParse(body).data?.error;
    const rejection: SettingRejection = {
      message: error?.message ?? `HTTP ${res.status}`,
      fields: error?.details?.issues.map((i) => i.path) ?? [],
      update: z.record(z.string(), z.unknown()).safeParse(pending).data ?? {},
      at: deps.now().toISOString(),
    };
    await kv.set(setting.rejectionDoc, rejection);
    await kv.set(setting.pendingDoc, null);
    return { kind: 'rejected', rejection };
  }

  /** The preferences as the server has them now (a change still queued stays what the screen shows). */
  async function loadNotificationPreferences(): Promise<boolean> {
    try {
      const res = await deps.fetch(`${deps.baseUrl}${NOTIFICATION_PREFERENCES_PATH}`, {
        credentials: 'same-origin',
      });
      if (!res.ok) return false;
      const preferences = readNotificationPreferences(await res.json());
      if (!preferences) return false;
      await kv.set(NOTIFICATION_PREFERENCES_DOC, preferences);
      return true;
    } catch {
      return false;
    }
  }

  async function load(): Promise<boolean> {
    try {
      const res = await deps.fetch(`${deps.baseUrl}/api/settings`, { credentials: 'same-origin' });
      if (!res.ok) return false;
      const settings = deviceSettingsSchema.parse(await res.json());
      await kv.set(ORGANIZATION_DOC, settings.organization);
      // Client users get no health configuration; nothing staff-only is ever stored on their device.
      if (settings.health) await kv.set(HEALTH_CONFIG_DOC, settings.health);
      if (settings.playbooks) await kv.set(PLAYBOOKS_DOC, settings.playbooks);
      if (settings.leadScoring) await kv.set(LEAD_SCORING_DOC, settings.leadScoring);
      // An edit made while this request was in flight stays visible until it is sent.
      const pending = readPending(await kv.get(PENDING_PROFILE_DOC));
      await kv.set(PROFILE_DOC, pending ? applyProfileUpdate(settings.profile, pending) : settings.profile);
      return true;
    } catch {
      return false;
    }
  }

  return {
    settled: () => queue.then(() => undefined),
    refresh: () =>
      serialize(async () => {
        const profile = await flushQueued(PROFILE_SETTING);
        const preferences = await flushQueued(NOTIFICATION_PREFERENCES_SETTING);
        // A read while an edit is still queued would show the server's older copy over it.
        const settingsLoaded = profile.kind !== 'queued' && (await load());
        const preferencesLoaded = preferences.kind !== 'queued' && (await loadNotificationPreferences());
        return settingsLoaded && preferencesLoaded;
      }),
    updateProfile: (update) =>
      serialize(async (): Promise<ProfileSaveResult> => {
        const parsed = profileUpdateSchema.safeParse(update);
        if (!parsed.success) {
          return { status: 'invalid', fields: parsed.error.issues.map((i) => i.path.join('.')) };
        }
        const merged = { ...readPending(await kv.get(PENDING_PROFILE_DOC)), ...parsed.data };
        await kv.set(PENDING_PROFILE_DOC, merged);
        await kv.set(PROFILE_REJECTION_DOC, null);
        const profile = readProfile(await kv.get(PROFILE_DOC));
        if (profile) await kv.set(PROFILE_DOC, applyProfileUpdate(profile, parsed.data));
        const flushed = await flushQueued(PROFILE_SETTING);
        switch (flushed.kind) {
          case 'saved':
            return { status: 'saved', profile: flushed.saved };
          case 'rejected':
            // Back to the server's truth for the fields it refused.
            await load();
            return { status: 'rejected', rejection: flushed.rejection };
          default:
            return { status: 'queued' };
        }
      }),
    updateNotificationPreferences: (preferences) =>
      serialize(async (): Promise<NotificationPreferencesSaveResult> => {
        const parsed = notificationPreferencesSchema.safeParse(preferences);
        if (!parsed.success) {
          return { status: 'invalid', fields: parsed.error.issues.map((i) => i.path.join('.')) };
        }
        // The whole preferences replace any earlier queued ones (`PUT` semantics).
        await kv.set(PENDING_NOTIFICATION_PREFERENCES_DOC, parsed.data);
        await kv.set(NOTIFICATION_PREFERENCES_REJECTION_DOC, null);
        const flushed = await flushQueued(NOTIFICATION_PREFERENCES_SETTING);
        switch (flushed.kind) {
          case 'saved':
            return { status: 'saved', preferences: flushed.saved };
          case 'rejected':
            await loadNotificationPreferences();
            return { status: 'rejected', rejection: flushed.rejection };
          default:
            return { status: 'queued' };
        }
      }),
    updateHealthConfig: (config) =>
      serialize(async (): Promise<HealthConfigSaveResult> => {
        const result = await putOrganizationSetting(deps, {
          path: '/api/settings/health',
          input: healthScoreConfigSchema,
          value: config,
          response: z.object({ health: deviceHealthConfigSchema }),
        });
        if (result.status !== 'saved') return result;
        await kv.set(HEALTH_CONFIG_DOC, result.body.health);
        return { status: 'saved', health: result.body.health };
      }),
    updatePlaybooks: (playbooks) =>
      serialize(async (): Promise<PlaybooksSaveResult> => {
        const result = await putOrganizationSetting(deps, {
          path: '/api/settings/playbooks',
          input: playbooksSchema,
          value: playbooks,
          response: z.object({ playbooks: devicePlaybooksSchema }),
        });
        if (result.status !== 'saved') return result;
        await kv.set(PLAYBOOKS_DOC, result.body.playbooks);
        return { status: 'saved', playbooks: result.body.playbooks };
      }),
    updateLeadScoring: (config) =>
      serialize(async (): Promise<LeadScoringSaveResult> => {
        const result = await putOrganizationSetting(deps, {
          path: '/api/settings/lead-scoring',
          input: leadScoringConfigSchema,
          value: config,
          response: z.object({ leadScoring: deviceLeadScoringSchema }),
        });
        if (result.status !== 'saved') return result;
        await kv.set(LEAD_SCORING_DOC, result.body.leadScoring);
        return { status: 'saved', leadScoring: result.body.leadScoring };
      }),
  };
}

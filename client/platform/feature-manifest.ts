import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
// From identity, not the collection registry: the manifest is in the first load, the registry need not be.
import { isStaff, ROLES, type Role } from '../../shared/identity.ts';
import type { TranslationShape } from '../i18n/resources/pt-br.ts';
import type { AppLanguage } from '../ui/format.ts';

/**
 * What a feature (`client/features/<feature>/`) brings to the app, in one object exported by its
 * `manifest.tsx`. The shell collects the manifests from one list (client/app/features.ts) and derives from
 * them the route table, the navigation, the i18n resources and their types, the role's home and where
 * sign-in may send a user back to. The service worker reads only the feature's `paths.ts` (its `deepLinks`),
 * never the manifest, so no React code reaches the worker bundle.
 *
 * Invariants: a manifest's `deepLinks` are the `deepLinks` its `paths.ts` exports (client/app/features.test.ts);
 * URLs are pt-BR and stable once shipped (notifications, manifest shortcuts and bookmarks point at them).
 */
/** The role groups features are built for (shared/collections.ts decides who is staff). */
export const STAFF_ROLES: readonly Role[] = ROLES.filter(isStaff);
export const CLIENT_ROLES: readonly Role[] = ROLES.filter((role) => !isStaff(role));
export const ALL_ROLES: readonly Role[] = ROLES;

export interface FeatureManifest<NS extends string = string, Strings extends object = object> {
  /** Kebab-case, the feature's folder name. */
  readonly id: string;
  /**
   * Who may open the feature's routes: roles (the shell wraps the routes in its role guard, which sends a
   * signed-out user to sign-in and another role home) or `public` (no guard: sign-in, not found).
   */
  readonly access: readonly Role[] | 'public';
  /** Route objects under the app shell: absolute paths from the feature's paths.ts, `element` or `lazy`. */
  readonly routes: readonly RouteObject[];
  /** Entries of the primary navigation, shown to the entry's roles in `order`. */
  readonly nav?: readonly NavEntry[];
  /** The page a role lands on after sign-in and at `/` (exactly one feature per role). */
  readonly home?: { readonly roles: readonly Role[]; readonly path: string };
  /** The feature's i18next namespace, pt-BR being the source of the key set. */
  readonly i18n?: FeatureI18n<NS, Strings>;
  /**
   * Path prefixes the app may be opened at from outside: a notification click (the service worker's
   * allow-list) and the `next` of the sign-in page (for the roles of `access`).
   */
  readonly deepLinks?: readonly string[];
}

export interface FeatureI18n<NS extends string, Strings extends object> {
  readonly namespace: NS;
  /**
   * Both languages are chunks of their own, loaded when a screen first needs them (client/app/i18n.ts): the
   * feature's `i18n.ts` (pt-BR, the source of the key set and of the typed keys) and the `i18n-en.ts` beside
   * it. The service worker precaches them like every chunk, so screens and the language switch work offline.
   */
  readonly resources: {
    readonly 'pt-BR': () => Promise<Strings>;
    readonly en: () => Promise<TranslationShape<Strings>>;
  };
}

/**
 * A navigation entry's text in every language, written in the manifest itself: the navigation is drawn with
 * the first screen, before any feature's strings have loaded (client/app/i18n.ts), and these few words are
 * cheaper in the first load than a feature's whole namespace.
 */
export type NavLabel = { readonly [L in AppLanguage]: string };

export interface NavEntry {
  readonly to: string;
  /** The entry's text in each language (`{ 'pt-BR': 'Tickets', en: 'Tickets' }`). */
  readonly label: NavLabel;
  readonly icon: ComponentType<{ size?: number }>;
  readonly roles: readonly Role[];
  /**
   * Position among the role's entries, ascending. The lowest `NAV_BAR_DIRECT` of a role with more than
   * `NAV_BAR_SLOTS` entries are in the bar itself, the rest one tap away behind "Mais" (client/app/shell/).
   */
  readonly order: number;
  /** Whether the entry is the current page; by default the pathname is `to` or under it. */
  readonly isCurrent?: (pathname: string, search: URLSearchParams) => boolean;
}

/**
 * Cells of the primary navigation bar: thumb-sized targets on a 360 px phone. A role with at most this many
 * entries sees them all; a role with more sees its first `NAV_BAR_DIRECT` (by `order`) and a "Mais" cell that
 * opens the rest, so the main sections are one tap away and everything else two.
 */
export const NAV_BAR_SLOTS = 5;
export const NAV_BAR_DIRECT = NAV_BAR_SLOTS - 1;

/** The entries shown in the bar and those behind "Mais", from a role's entries already in `order`. */
export function splitNavEntries<T>(entries: readonly T[]): { bar: T[]; more: T[] } {
  if (entries.length <= NAV_BAR_SLOTS) return { bar: [...entries], more: [] };
  return { bar: entries.slice(0, NAV_BAR_DIRECT), more: entries.slice(NAV_BAR_DIRECT) };
}

/** Identity with inference: keeps the namespace literal and the resource type for the typed `t` (client/app/i18next.d.ts). */
export function defineFeature<const NS extends string, Strings extends object>(
  manifest: FeatureManifest<NS, Strings>,
): FeatureManifest<NS, Strings> {
  return manifest;
}

/**
 * `{ [namespace]: pt-BR resource }` of a list of manifests: the typed i18n resources. A manifest without
 * `i18n` has the namespace type `string` and contributes nothing.
 */
export type FeatureNamespaces<M extends readonly FeatureManifest[]> = {
  [
    F in M[number] as F extends FeatureManifest<infer NS, object> ? (string extends NS ? never : NS) : never
  ]: F extends FeatureManifest<string, infer S> ? S : never;
};

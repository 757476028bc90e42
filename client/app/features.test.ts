import { describe, expect, it } from 'vitest';
import { ROLES } from '../../shared/collections/index.ts';
import { NOTIFICATION_PATH_PREFIXES } from '../sw/deep-links.ts';
import { features } from './features.ts';
import { navEntriesFor } from './shell/primary-nav.tsx';

/** The invariants the shell relies on when it derives routes, navigation, i18n and deep links from the list. */
describe('feature manifests', () => {
  it('have unique ids and i18n namespaces', () => {
    const ids = features.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    const namespaces = features.flatMap((f) => (f.i18n ? [f.i18n.namespace] : []));
    expect(new Set([...namespaces, 'translation']).size).toBe(namespaces.length + 1);
  });

  it('give every role exactly one home, inside an area the role may open', () => {
    for (const role of ROLES) {
      const homes = features.filter((f) => f.home?.roles.includes(role));
      expect(
        homes.map((f) => f.id),
        role,
      ).toHaveLength(1);
      const [home] = homes;
      expect(home?.access === 'public' || home?.access.includes(role), role).toBe(true);
    }
  });

  it('declare the same deep links the service worker collects from the features’ paths.ts', () => {
    const declared = [...new Set(features.flatMap((f) => f.deepLinks ?? []))].sort();
    expect(declared).toEqual([...NOTIFICATION_PATH_PREFIXES]);
  });

  it('label every navigation entry in both languages, each label unique within a role', () => {
    for (const language of ['pt-BR', 'en'] as const)
      for (const role of ROLES) {
        const labels = navEntriesFor(role).map((entry) => entry.label[language].trim());
        expect(
          labels.filter((label) => label === ''),
          `${role} ${language}`,
        ).toEqual([]);
        expect(new Set(labels).size, `${role} ${language}`).toBe(labels.length);
      }
  });
});

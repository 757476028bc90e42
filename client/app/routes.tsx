import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, type RouteObject } from 'react-router';
import type { FeatureManifest } from '../platform/feature-manifest.ts';
import { RouteErrorScreen } from './error-screen.tsx';
import { features } from './features.ts';
import { HomeRedirect, RequireRole } from './guards.tsx';
import { AppShell } from './shell/app-shell.tsx';

/**
 * The route table: the shell around every feature's routes (client/app/features.ts), each feature's behind
 * the role guard of its `access`. A crashing page renders the error screen *inside* the shell (pathless
 * error route); only a crash of the shell itself replaces the whole screen.
 */
export function createAppRoutes(manifests: readonly FeatureManifest[] = features): RouteObject[] {
  return [
    {
      path: '/',
      element: <AppShell />,
      errorElement: <RouteErrorScreen />,
      children: [
        {
          errorElement: <RouteErrorScreen />,
          children: [{ index: true, element: <HomeRedirect /> }, ...manifests.map(featureRoutes)],
        },
      ],
    },
  ];
}

const featureRoutes = (feature: FeatureManifest): RouteObject => {
  // The feature's strings are fetched as its route opens, beside the page's chunk, not after it (i18n.ts).
  const children: RouteObject[] = feature.i18n
    ? [{ element: <FeatureStrings namespace={feature.i18n.namespace} />, children: [...feature.routes] }]
    : [...feature.routes];
  return feature.access === 'public'
    ? { id: feature.id, children }
    : { id: feature.id, element: <RequireRole roles={feature.access} />, children };
};

/** Starts loading a feature's namespace when one of its routes renders; the page suspends until it is here. */
function FeatureStrings({ namespace }: { namespace: string }) {
  const { i18n } = useTranslation();
  useEffect(() => {
    void i18n.loadNamespaces(namespace);
  }, [i18n, namespace]);
  return <Outlet />;
}

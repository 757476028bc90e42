import type { RouteObject } from 'react-router';
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

const featureRoutes = (feature: FeatureManifest): RouteObject =>
  feature.access === 'public'
    ? { id: feature.id, children: [...feature.routes] }
    : { id: feature.id, element: <RequireRole roles={feature.access} />, children: [...feature.routes] };

import { lazy, Suspense, type ComponentType, type ReactElement, type ReactNode } from 'react';
import { PageLoading } from '../ui/page-loading.tsx';

/**
 * A route's page loaded on first visit instead of with the app (docs/architecture.md §14.2, "Lazy screens"):
 * `element: lazyPage(() => import('./goals-page.tsx'), 'GoalsPage')` in a feature's manifest. The page module
 * and everything only it imports (charts, markdown, drag and drop…) become a chunk of their own; the service
 * worker precaches every chunk, so the page still opens offline after one online visit.
 *
 * While the chunk loads, `fallback` (the page's skeleton, if it has one) or the shared accessible placeholder
 * is shown inside the shell; the sync status and navigation stay on screen.
 */
export function lazyPage<M extends { readonly [P in K]: ComponentType }, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
  fallback: ReactNode = <PageLoading />,
): ReactElement {
  const Page = lazy(async () => ({ default: (await load())[name] as ComponentType }));
  return (
    <Suspense fallback={fallback}>
      <Page />
    </Suspense>
  );
}

import { useCallback, useEffect, type ComponentType, type ReactNode } from 'react';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider, type DataRouter } from 'react-router';
import { SessionProvider } from '../auth/session-context.tsx';
import type { SignedInUser } from '../../shared/identity.ts';
import { languageFromLocale, readLanguagePreference } from '../i18n/i18n.ts';
import { DeviceDataGate } from '../db/device-data-gate.tsx';
import { DependenciesProvider, type AppDependencies } from '../platform/dependencies.tsx';
import { ShellNavigationProvider } from '../platform/shell-navigation.tsx';
import { ErrorScreen, RootErrorBoundary } from './error-screen.tsx';
import { appNavigation } from './paths.ts';

/**
 * The app root: translations, injected dependencies, the session and the router. `frame` wraps the session
 * and the routes (the service worker's registration in the browser build: it provides the offline-ready state
 * the shell shows and renders the update prompt; nothing in tests).
 */
export function App({
  deps,
  i18n,
  router,
  frame: Frame = Unframed,
}: {
  deps: AppDependencies;
  i18n: I18n;
  router: DataRouter;
  frame?: ComponentType<{ children: ReactNode }>;
}) {
  useDocumentLanguage(i18n);

  // First sign-in on this device: speak the user's language unless they already picked one here.
  const onSignedIn = useCallback(
    (user: SignedInUser) => {
      const preferred = languageFromLocale(user.locale);
      if (!readLanguagePreference(deps.store) && preferred && preferred !== i18n.language) {
        void i18n.changeLanguage(preferred);
      }
    },
    [deps.store, i18n],
  );

  return (
    <I18nextProvider i18n={i18n}>
      <DependenciesProvider value={deps}>
        <ShellNavigationProvider value={appNavigation}>
          <RootErrorBoundary fallback={(error) => <ErrorScreen error={error} onReload={deps.reload} />}>
            <Frame>
              <SessionProvider onSignedIn={onSignedIn}>
                {deps.deviceSessions ? (
                  <DeviceDataGate sessions={deps.deviceSessions} status={deps.syncStatus}>
                    <RouterProvider router={router} />
                  </DeviceDataGate>
                ) : (
                  <RouterProvider router={router} />
                )}
              </SessionProvider>
            </Frame>
          </RootErrorBoundary>
        </ShellNavigationProvider>
      </DependenciesProvider>
    </I18nextProvider>
  );
}

const Unframed = ({ children }: { children: ReactNode }) => children;

/** `<html lang>` follows the UI language (screen readers pick their voice from it). */
function useDocumentLanguage(i18n: I18n): void {
  useEffect(() => {
    const apply = (lng: string) => document.documentElement.setAttribute('lang', lng);
    apply(i18n.language);
    i18n.on('languageChanged', apply);
    return () => i18n.off('languageChanged', apply);
  }, [i18n]);
}

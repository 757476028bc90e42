import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { AlertIcon } from '../ui/icons.tsx';
import { Button } from '../ui/button.tsx';
import { usePageTitle } from '../ui/page.tsx';
import { useDependencies } from '../platform/dependencies.tsx';
import styles from './error-screen.module.css';

/**
 * What the user sees when a screen crashes: a plain explanation, the reassurance that local data is intact,
 * and a reload button. Technical details are folded away for support.
 */
export function ErrorScreen({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t } = useTranslation();
  usePageTitle(t('error.title'));
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return (
    <div className={styles.screen}>
      <div className={styles.card} role="alert">
        <div className={styles.icon}>
          <AlertIcon />
        </div>
        <h1 className={styles.title} tabIndex={-1} data-page-heading="">
          {t('error.title')}
        </h1>
        <p className={styles.body}>{t('error.body')}</p>
        <div>
          <Button onClick={onReload}>{t('error.reload')}</Button>
        </div>
        <details className={styles.details}>
          <summary>{t('error.details')}</summary>
          <pre>{detail}</pre>
        </details>
      </div>
    </div>
  );
}

/** Route-level: a crashing page keeps the shell (top bar, sync status) around it. */
export function RouteErrorScreen() {
  const error = useRouteError();
  const { reload } = useDependencies();
  return <ErrorScreen error={error} onReload={reload} />;
}

/** Last line of defence around the providers themselves. */
export class RootErrorBoundary extends Component<
  { children: ReactNode; fallback: (error: unknown) => ReactNode },
  { error: unknown; failed: boolean }
> {
  override state = { error: null as unknown, failed: false };

  static getDerivedStateFromError(error: unknown) {
    return { error, failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('Arco crashed', error, info.componentStack);
  }

  override render() {
    return this.state.failed ? this.props.fallback(this.state.error) : this.props.children;
  }
}

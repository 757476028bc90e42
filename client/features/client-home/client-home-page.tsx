import { useTranslation } from 'react-i18next';
import { paths } from '../../app/paths.ts';
import { useSession } from '../../auth/session-context.tsx';
import { ButtonLink } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { CompassIcon } from '../../ui/icons.tsx';
import { Page } from '../../ui/page.tsx';

/** `/inicio` — the client portal's home. The executive summary arrives with the portal features. */
export function ClientHomePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const firstName = user?.name.split(/\s+/)[0] ?? '';

  return (
    <Page title={firstName ? t('clientHome.greeting', { name: firstName }) : t('clientHome.title')}>
      <EmptyState
        icon={<CompassIcon />}
        title={t('clientHome.emptyTitle')}
        actions={<ButtonLink to={paths.myTickets}>{t('clientHome.openTickets')}</ButtonLink>}
      >
        {t('clientHome.emptyBody')}
      </EmptyState>
    </Page>
  );
}

import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/empty-state.tsx';
import { InboxIcon } from '../../ui/icons.tsx';
import { Page } from '../../ui/page.tsx';

/** `/inicio/tickets` — the client's support tickets (manifest shortcut "Meus tickets"). */
export function MyTicketsPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('tickets.title')}>
      <EmptyState icon={<InboxIcon />} title={t('tickets.emptyTitle')}>
        {t('tickets.emptyBody')}
      </EmptyState>
    </Page>
  );
}

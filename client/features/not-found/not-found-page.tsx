import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { ButtonLink } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { CompassIcon } from '../../ui/icons.tsx';
import { Page } from '../../ui/page.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <Page title={t('notFound.title')}>
      <EmptyState
        icon={<CompassIcon />}
        title={t('notFound.body')}
        actions={
          <ButtonLink to="/" variant="primary">
            {t('notFound.back')}
          </ButtonLink>
        }
      >
        {/* The address is shown so a mistyped link can be recognised. */}
        <code>{pathname}</code>
      </EmptyState>
    </Page>
  );
}

import { useTranslation } from 'react-i18next';
import { Page } from '../../ui/page.tsx';
import { AccountSection } from './account-section.tsx';
import { HealthConfigSection } from './health-config-section.tsx';
import { LanguageSection } from './language-section.tsx';
import { OrganizationSection } from './organization-section.tsx';
import { ProfileSection } from './profile-section.tsx';

/**
 * `/ajustes` — the user's profile, the organization's settings and (staff) its health-score weights, all read
 * from the device so the page works offline; the UI language; signing out.
 */
export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('settings.title')}>
      <ProfileSection />
      <LanguageSection />
      <OrganizationSection />
      <HealthConfigSection />
      <AccountSection />
    </Page>
  );
}

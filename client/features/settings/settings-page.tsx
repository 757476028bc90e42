import { useTranslation } from 'react-i18next';
import { Page } from '../../ui/page.tsx';
import { CalendarFeedSection } from '../calendar-feed/calendar-feed-section.tsx';
import { NotificationPreferencesSection } from '../notifications/preferences-section.tsx';
import { DevicesSection } from '../security/devices-section.tsx';
import { PasskeysSection } from '../security/passkeys-section.tsx';
import { AccountSection } from './account-section.tsx';
import { HealthConfigSection } from './health-config-section.tsx';
import { LanguageSection } from './language-section.tsx';
import { LeadScoringSection } from './lead-scoring-section.tsx';
import { OrganizationSection } from './organization-section.tsx';
import { PlaybooksSection } from './playbooks-section.tsx';
import { ProfileSection } from './profile-section.tsx';

/**
 * `/ajustes` — the user's profile, the organization's settings and (staff) its health-score weights, alert
 * playbooks and lead scoring rules, all read from the device so the page works offline; the UI language; the notification preferences
 * and this device's push (client/features/notifications); passkeys and signed-in devices
 * (client/features/security); the private calendar feed (client/features/calendar-feed); signing out.
 */
export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('settings.title')}>
      <ProfileSection />
      <LanguageSection />
      <NotificationPreferencesSection />
      <CalendarFeedSection />
      <OrganizationSection />
      <HealthConfigSection />
      <PlaybooksSection />
      <LeadScoringSection />
      <PasskeysSection />
      <DevicesSection />
      <AccountSection />
    </Page>
  );
}

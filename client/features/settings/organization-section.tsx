import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ORGANIZATION_DOC, readOrganization } from '../../db/device-settings.ts';
import { useLocalValue } from '../../db/local-documents.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { useFormat } from '../../platform/use-format.ts';
import styles from './settings-page.module.css';

/** "Organização": the organization's name, time zone and currency as the device keeps them (read-only). */
export function OrganizationSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const { language } = useLanguage();
  const organization = readOrganization(useLocalValue(ORGANIZATION_DOC));
  const titleId = useId();
  return (
    <section className={styles.section} aria-labelledby={titleId}>
      <h2 id={titleId} className={styles.sectionTitle}>
        {t('settings.organization.title')}
      </h2>
      {organization ? (
        <dl className={styles.details}>
          <div>
            <dt>{t('settings.organization.name')}</dt>
            <dd>{organization.name}</dd>
          </div>
          <div>
            <dt>{t('settings.organization.timeZone')}</dt>
            <dd title={organization.timeZone}>{format.timeZoneName(organization.timeZone)}</dd>
          </div>
          <div>
            <dt>{t('settings.organization.currency')}</dt>
            <dd>{currencyName(organization.currency, language)}</dd>
          </div>
        </dl>
      ) : (
        <p className={styles.hint}>{t('settings.organization.notYet')}</p>
      )}
    </section>
  );
}

/** "Real brasileiro (BRL)"; the bare code when the runtime does not know it. */
function currencyName(code: string, language: string): string {
  try {
    const name = new Intl.DisplayNames([language], { type: 'currency' }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

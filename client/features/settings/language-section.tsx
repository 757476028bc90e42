import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../i18n/i18n.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import styles from './settings-page.module.css';

/** The UI language: remembered on the device and, through the profile, on the user's other devices. */
export function LanguageSection() {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  const hintId = useId();
  return (
    <section className={styles.section}>
      <fieldset className={styles.fieldset} aria-describedby={hintId}>
        <legend className={styles.legend}>{t('settings.language')}</legend>
        <div className={styles.options}>
          {LANGUAGES.map((code) => (
            <label key={code} className={styles.option} lang={code}>
              <input
                type="radio"
                name="language"
                value={code}
                checked={language === code}
                onChange={() => void setLanguage(code)}
              />
              {t(`languages.${code}`)}
            </label>
          ))}
        </div>
        <p id={hintId} className={styles.hint}>
          {t('settings.languageHint')}
        </p>
      </fieldset>
    </section>
  );
}

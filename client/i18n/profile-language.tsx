import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useDependencies } from '../platform/dependencies.tsx';
import { PROFILE_DOC, readProfile } from '../db/profile-document.ts';
import { useLocalValue } from '../db/local-documents.ts';
import { isAppLanguage, saveLanguagePreference } from './i18n.ts';

/**
 * Follows the language of the signed-in user's profile (a local document, so also offline): the language is
 * a setting of the account, so choosing English on the phone also switches the laptop at its next refresh.
 * The device keeps its own copy (`arco.language`) for screens shown before anyone signs in.
 */
export function ProfileLanguage() {
  const { i18n } = useTranslation();
  const { store } = useDependencies();
  const locale = readProfile(useLocalValue(PROFILE_DOC))?.locale;
  useEffect(() => {
    if (!isAppLanguage(locale) || locale === i18n.resolvedLanguage) return;
    saveLanguagePreference(store, locale);
    void i18n.changeLanguage(locale);
  }, [locale, i18n, store]);
  return null;
}

import type { i18n } from 'i18next';
import { createI18n, loadAllStrings } from '../app/i18n.ts';
import type { AppLanguage } from '../ui/format.ts';

/**
 * Tests render English synchronously: the app fetches it on demand (client/app/i18n.ts), a test module loads
 * it once here and hands it to each instance.
 */
export const englishStrings = await loadAllStrings('en');

export const createTestI18n = (language: AppLanguage): i18n => createI18n(language, englishStrings);

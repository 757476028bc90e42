import type { i18n } from 'i18next';
import { createI18n, loadAllStrings } from '../app/i18n.ts';
import type { AppLanguage } from '../ui/format.ts';

/**
 * Tests render synchronously: the app fetches every feature's strings on demand (client/app/i18n.ts), a test
 * module loads both languages once here and hands them to each instance.
 */
export const englishStrings = await loadAllStrings('en');
export const portugueseStrings = await loadAllStrings('pt-BR');

export const createTestI18n = (language: AppLanguage): i18n =>
  createI18n(language, { ...portugueseStrings, ...englishStrings });

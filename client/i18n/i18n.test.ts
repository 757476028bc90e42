import { describe, expect, it } from 'vitest';
import { languageFromLocale, readLanguagePreference, saveLanguagePreference } from './i18n.ts';
import { memoryStore } from '../platform/key-value-store.ts';

describe('language preference', () => {
  it('remembers a valid choice and ignores junk', () => {
    const store = memoryStore();
    expect(readLanguagePreference(store)).toBeNull();
    saveLanguagePreference(store, 'en');
    expect(readLanguagePreference(store)).toBe('en');
    store.setItem('arco.language', 'fr');
    expect(readLanguagePreference(store)).toBeNull();
  });

  it.each([
    ['pt-BR', 'pt-BR'],
    ['pt', 'pt-BR'],
    ['en-US', 'en'],
    ['EN', 'en'],
    ['es-AR', null],
    ['', null],
  ])('locale %s → %s', (locale, expected) => {
    expect(languageFromLocale(locale)).toBe(expected);
  });
});

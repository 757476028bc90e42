import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DomainText } from '../../shared/entities/domain-text.ts';
import {
  createDomainTextRenderer,
  DOMAIN_TEXT_LANGUAGES,
  type DomainTextLanguage,
} from '../../shared/domain-text/render.ts';

/**
 * Domain text on the device: the codes the shared rules return and the documents store (risk factors,
 * recommendations, actions, signals, health explanations) rendered in the UI language. The translations live
 * with the renderer in shared/domain-text/ (pt-br.ts, en.ts) because the server renders the same codes for
 * e-mail and push; this module only picks the language. Not an i18next namespace: each code's template is a
 * typed function of its params, so a missing translation or a wrong param is a compile error.
 */
export type DomainTextRenderer = (text: DomainText) => string;

const isDomainTextLanguage = (value: unknown): value is DomainTextLanguage =>
  typeof value === 'string' && (DOMAIN_TEXT_LANGUAGES as readonly string[]).includes(value);

/** A renderer for `language` (stable while the language stays the same). */
export function useDomainTextFor(language: DomainTextLanguage): DomainTextRenderer {
  return useMemo(() => createDomainTextRenderer(language), [language]);
}

/** A renderer in the current UI language (pt-BR when i18next has none we know). */
export function useDomainText(): DomainTextRenderer {
  const { i18n } = useTranslation();
  const language = isDomainTextLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'pt-BR';
  return useDomainTextFor(language);
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Strings of the calendar feed section of `/ajustes`, as a typed object per language rather than an i18next
 * namespace: one more namespace widens the shell's every-key type past what tsc resolves (see
 * data-import/i18n.ts). pt-BR ships with the (lazy) settings page; English is fetched on demand like every
 * feature's i18n-en.ts.
 */
export const calendarFeedPtBR = {
  title: 'Agenda',
  intro:
    'Veja suas reuniões do Arco no Google Agenda, no Calendário da Apple ou no Outlook: assine um link privado, e a agenda acompanha as reuniões remarcadas ou canceladas.',
  none: 'Nenhum link de agenda ativo.',
  active: (date: string) => `Link ativo desde ${date}.`,
  create: 'Criar link da agenda',
  creating: 'Criando…',
  regenerate: 'Gerar novo link',
  revoke: 'Revogar link',
  revoking: 'Revogando…',
  urlLabel: 'Link privado da agenda',
  urlOnce:
    'Copie o link agora: por segurança ele só aparece esta vez. Se precisar dele de novo, gere um novo link.',
  copy: 'Copiar link',
  copied: 'Link copiado.',
  copyFailed: 'Não foi possível copiar: o link está selecionado, copie-o manualmente.',
  created: 'Novo link criado. O anterior, se havia, parou de funcionar.',
  revoked: 'Link revogado: as agendas que o assinavam não recebem mais suas reuniões.',
  secret:
    'Quem tiver este link vê suas reuniões, sem precisar entrar. Não o compartilhe; se vazar, gere um novo ou revogue.',
  howTitle: 'Como assinar no Google Agenda',
  howSteps: [
    'Copie o link acima.',
    'No computador, abra calendar.google.com.',
    'Ao lado de “Outras agendas”, clique em + e escolha “Do URL”.',
    'Cole o link e clique em “Adicionar agenda”.',
  ],
  howNote:
    'A agenda aparece em todos os aparelhos da sua conta Google. O Google atualiza assinaturas por conta própria: uma mudança pode levar algumas horas para aparecer lá.',
  offline: 'Sem conexão: criar, copiar ou revogar o link da agenda precisa de conexão.',
  failed: 'Não foi possível falar com o servidor agora. Tente novamente em instantes.',
  retry: 'Tentar de novo',
};

export type CalendarFeedText = typeof calendarFeedPtBR;

/** The section's strings in the UI's language (pt-BR until the English chunk has arrived). */
export function useCalendarFeedText(): CalendarFeedText {
  const { i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  const [en, setEn] = useState<CalendarFeedText | null>(null);
  useEffect(() => {
    if (!english || en) return;
    let live = true;
    void import('./i18n-en.ts').then((m) => {
      if (live) setEn(m.calendarFeedEn);
    });
    return () => {
      live = false;
    };
  }, [english, en]);
  return english && en ? en : calendarFeedPtBR;
}

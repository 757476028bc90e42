import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntegrationSource } from '../../../shared/domain/integrations/connections.ts';

/**
 * Strings of the Connections screen, a typed object per language rather than an i18next namespace (one more
 * namespace widens the shell's every-key type past what tsc resolves: see data-import/i18n.ts). pt-BR ships
 * with the lazy page; English is fetched on demand like every feature's i18n-en.ts.
 */
export const connectionsPtBR = {
  link: 'Conexões de dados',
  title: 'Conexões de dados',
  description:
    'As fontes de onde vêm as métricas e campanhas deste cliente. A importação roda todo dia às 02h15 e também quando você pede.',
  back: 'Voltar ao cliente',
  sources: {
    ga4: 'Google Analytics 4',
    google_ads: 'Google Ads',
    meta_ads: 'Meta Ads',
  } satisfies Record<IntegrationSource, string>,
  feeds: {
    ga4: 'Sessões, visualizações, rejeição, duração média, conversões e receita por dia.',
    google_ads: 'Campanhas: impressões, cliques, investimento, conversões, orçamento e status.',
    meta_ads: 'Campanhas: impressões, cliques, investimento, conversões, orçamento e status.',
  } satisfies Record<IntegrationSource, string>,
  accountLabel: {
    ga4: 'ID da propriedade',
    google_ads: 'ID do cliente (123-456-7890)',
    meta_ads: 'ID da conta de anúncios',
  } satisfies Record<IntegrationSource, string>,
  tokenLabel: 'Token de acesso',
  tokenHint:
    'Cole um token de acesso da API. O login pelo Google ou pela Meta (OAuth) ainda não está disponível. O token é guardado cifrado e nunca é mostrado de novo.',
  kindLegend: 'Credencial',
  kindToken: 'Token de acesso (temporário)',
  kindOAuth: 'OAuth (refresh token)',
  refreshTokenLabel: 'Refresh token',
  clientIdLabel: 'Client ID',
  clientSecretLabel: 'Client secret',
  oauthHint:
    'Cole o refresh token e o cliente OAuth (ID e secret) do Google Cloud. A cada importação o servidor troca o refresh token por um token de acesso. Tudo é guardado cifrado e nunca é mostrado de novo.',
  viaOAuth: 'por OAuth (refresh token)',
  viaToken: 'por token de acesso',
  revoked: 'Reconectar: o acesso foi revogado',
  connected: (account: string) => `Conectado à conta ${account}`,
  notConnected: 'Não conectado',
  connect: 'Conectar',
  replace: 'Trocar credencial',
  disconnect: 'Desconectar',
  importNow: 'Importar agora',
  importing: 'Importando…',
  saving: 'Salvando…',
  lastRun: 'Última importação',
  never: 'Nenhuma importação ainda.',
  runLine: (when: string, status: 'running' | 'succeeded' | 'failed', rows: number) =>
    status === 'succeeded'
      ? `${when} — concluída, ${rows.toLocaleString('pt-BR')} ${rows === 1 ? 'linha' : 'linhas'}`
      : status === 'failed'
        ? `${when} — falhou`
        : `${when} — em andamento`,
  failures: (n: number) => `${n} ${n === 1 ? 'falha seguida' : 'falhas seguidas'}`,
  errorLabel: 'Erro',
  loading: 'Carregando conexões…',
  offline: 'Sem conexão: as conexões de dados precisam do servidor. Tente quando estiver online.',
  failed: 'Não foi possível falar com o servidor agora. Tente novamente em instantes.',
  unavailable: 'As integrações não estão configuradas neste servidor.',
  invalid: 'Confira o ID e o token: o servidor recusou os dados.',
  ranOk: (source: string, rows: number) =>
    `${source}: importação concluída, ${rows.toLocaleString('pt-BR')} ${rows === 1 ? 'linha' : 'linhas'}.`,
  ranFailed: (source: string) => `${source}: a importação falhou. Veja o erro abaixo.`,
};

export type ConnectionsText = typeof connectionsPtBR;

/** The screen's strings in the UI's language (pt-BR until the English chunk has arrived). */
export function useConnectionsText(): ConnectionsText {
  const { i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  const [en, setEn] = useState<ConnectionsText | null>(null);
  useEffect(() => {
    if (!english || en) return;
    let live = true;
    void import('./i18n-en.ts').then((m) => {
      if (live) setEn(m.connectionsEn);
    });
    return () => {
      live = false;
    };
  }, [english, en]);
  return english && en ? en : connectionsPtBR;
}

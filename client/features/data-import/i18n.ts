import { useTranslation } from 'react-i18next';

/**
 * Strings of the CSV import screen, pt-BR and English, as a typed object per language rather than an i18next
 * namespace: one more namespace widened the shell's every-key type (`AnyKey` in app/shell/primary-nav.tsx) past
 * what the compiler resolves, and this screen has no navigation entry that would need a key. The language is
 * i18next's current one.
 */
const ptBR = {
  link: 'Importar dados (CSV)',
  title: 'Importar dados por CSV',
  description:
    'Métricas diárias ou de campanhas a partir de uma planilha. Nada é gravado antes da importação; reimportar o mesmo arquivo não muda nada.',
  back: 'Voltar ao cliente',
  kind: 'O que o arquivo traz',
  kindMetrics: 'Métricas diárias (sessões, conversões, receita, leads…)',
  kindCampaigns: 'Métricas de campanhas (impressões, cliques, investimento…)',
  file: 'Arquivo CSV',
  fileHint: 'Aceita ; com 1.234,56 e dd/mm/aaaa, ou , com 1,234.56 e AAAA-MM-DD. A linha 1 é o cabeçalho.',
  preview: 'Pré-visualizar',
  import: 'Importar',
  reading: 'Lendo o arquivo…',
  offline: 'Sem conexão: a importação precisa do servidor. Tente quando estiver online.',
  failed: (message: string) => `Não foi possível ler o arquivo: ${message}`,
  summary: (n: number) => (n === 1 ? '1 linha válida' : `${n.toLocaleString('pt-BR')} linhas válidas`),
  errorsTitle: (n: number) =>
    `${n.toLocaleString('pt-BR')} ${n === 1 ? 'erro' : 'erros'} — corrija o arquivo; nada será importado`,
  column: 'Linha',
  date: 'Data',
  campaign: 'Campanha',
  effect: 'Efeito',
  imported: (n: number) =>
    n === 1
      ? 'Importado: 1 documento gravado.'
      : `Importado: ${n.toLocaleString('pt-BR')} documentos gravados.`,
  importedNothing: 'Nada mudou: esses números já estavam gravados.',
};

export type DataImportText = typeof ptBR;

const en: DataImportText = {
  link: 'Import data (CSV)',
  title: 'Import data from CSV',
  description:
    'Daily or campaign metrics from a spreadsheet. Nothing is written before you import; importing the same file again changes nothing.',
  back: 'Back to the customer',
  kind: 'What the file holds',
  kindMetrics: 'Daily metrics (sessions, conversions, revenue, leads…)',
  kindCampaigns: 'Campaign metrics (impressions, clicks, spend…)',
  file: 'CSV file',
  fileHint:
    'Accepts ; with 1.234,56 and dd/mm/yyyy, or , with 1,234.56 and YYYY-MM-DD. Line 1 is the header.',
  preview: 'Preview',
  import: 'Import',
  reading: 'Reading the file…',
  offline: 'Offline: importing needs the server. Try again when online.',
  failed: (message) => `Could not read the file: ${message}`,
  summary: (n) => (n === 1 ? '1 valid line' : `${n.toLocaleString('en')} valid lines`),
  errorsTitle: (n) =>
    `${n.toLocaleString('en')} ${n === 1 ? 'error' : 'errors'} — fix the file; nothing will be imported`,
  column: 'Line',
  date: 'Date',
  campaign: 'Campaign',
  effect: 'Effect',
  imported: (n) =>
    n === 1 ? 'Imported: 1 document written.' : `Imported: ${n.toLocaleString('en')} documents written.`,
  importedNothing: 'Nothing changed: these figures were already stored.',
};

/** This screen's strings in the UI's language, and that language (for line-text.ts). */
export function useDataImportText(): { text: DataImportText; language: string } {
  const { i18n } = useTranslation();
  return { text: i18n.language.startsWith('en') ? en : ptBR, language: i18n.language };
}

import type { TranslationShape } from '../../i18n/resources/pt-br.ts';

/**
 * Strings of the client portal's home page and its company card (i18next namespace `portalHome`). pt-BR is
 * the source of the key set; the English resource is typed against it, so a missing or extra key is a compile
 * error. Plurals use i18next's `_one` / `_other` suffixes.
 */
export const portalHomePtBR = {
  nav: { home: 'Início' },
  home: {
    title: 'Início',
    greeting: 'Olá, {{name}}',
    description: 'Sua conta, seu gerente de conta e seus chamados de suporte — disponíveis mesmo offline.',
    preparingTitle: 'Seu painel está sendo preparado',
    preparingBody:
      'Seus dados aparecem aqui depois da primeira sincronização. A partir daí, você pode consultá-los mesmo sem internet.',
    loading: 'Carregando dados deste aparelho…',
    deviceError:
      'Não foi possível abrir os dados salvos neste aparelho. Recarregue a página para tentar de novo.',
  },
  company: {
    heading: 'Sua empresa',
    plan: 'Plano',
    customerSince: 'Cliente desde {{date}}',
    users: 'Usuários',
    seats_one: '{{active}} de {{count}} licença em uso',
    seats_other: '{{active}} de {{count}} licenças em uso',
    renewal: 'Renovação',
    tiers: {
      starter: 'Starter',
      pro: 'Pro',
      enterprise: 'Enterprise',
      custom: 'Personalizado',
    },
  },
} as const;

export const portalHomeEn: TranslationShape<typeof portalHomePtBR> = {
  nav: { home: 'Home' },
  home: {
    title: 'Home',
    greeting: 'Hi, {{name}}',
    description: 'Your account, your account manager and your support tickets — available offline too.',
    preparingTitle: 'Your dashboard is being prepared',
    preparingBody:
      'Your data shows up here after the first sync. From then on you can look it up even without internet.',
    loading: 'Loading the data on this device…',
    deviceError: 'The data saved on this device could not be opened. Reload the page to try again.',
  },
  company: {
    heading: 'Your company',
    plan: 'Plan',
    customerSince: 'Customer since {{date}}',
    users: 'Users',
    seats_one: '{{active}} of {{count}} seat in use',
    seats_other: '{{active}} of {{count}} seats in use',
    renewal: 'Renewal',
    tiers: {
      starter: 'Starter',
      pro: 'Pro',
      enterprise: 'Enterprise',
      custom: 'Custom',
    },
  },
};

/**
 * pt-BR — the default language and the source of the key set. `en.ts` must have exactly the same keys
 * (enforced by its type and by i18n.test.ts). Plurals use i18next's `_one` / `_other` suffixes.
 */
export const ptBR = {
  app: {
    name: 'Arco',
    tagline: 'Sucesso do cliente, mesmo sem sinal',
    skipToContent: 'Pular para o conteúdo',
    pageTitle: '{{page}} · Arco',
  },
  nav: {
    primary: 'Navegação principal',
    customers: 'Clientes',
    atRisk: 'Em risco',
    home: 'Início',
    tickets: 'Tickets',
    settings: 'Ajustes',
  },
  sync: {
    online: 'Online',
    offline: 'Offline',
    connecting: 'Conectando…',
    pending_one: '{{count}} pendente',
    pending_other: '{{count}} pendentes',
    pendingLong_one: '{{count}} alteração aguardando envio',
    pendingLong_other: '{{count}} alterações aguardando envio',
    noPending: 'Nenhuma alteração pendente',
    lastSynced: 'Sincronizado {{when}}',
    neverSynced: 'Ainda não sincronizado',
    details: 'Status da sincronização',
    offlineHint: 'Você pode continuar trabalhando. As alterações serão enviadas quando a conexão voltar.',
    firstSync: 'Preparando seus dados para uso offline',
    rejected_one: '{{count}} alteração recusada pelo servidor',
    rejected_other: '{{count}} alterações recusadas pelo servidor',
    sessionExpired:
      'Sua sessão expirou. Entre novamente para enviar suas alterações — elas continuam guardadas.',
    upgradeRequired: 'Esta versão do app está desatualizada. Recarregue para continuar sincronizando.',
    signInAgain: 'Entrar novamente',
  },
  signIn: {
    title: 'Entrar no Arco',
    subtitle: 'Use o e-mail e a senha da sua conta.',
    email: 'E-mail',
    password: 'Senha',
    submit: 'Entrar',
    submitting: 'Entrando…',
    errorInvalid: 'E-mail ou senha incorretos. Confira os dados e tente novamente.',
    errorRateLimited_one: 'Muitas tentativas de acesso. Tente novamente em {{count}} minuto.',
    errorRateLimited_other: 'Muitas tentativas de acesso. Tente novamente em {{count}} minutos.',
    errorRateLimitedLater: 'Muitas tentativas de acesso. Aguarde alguns minutos e tente novamente.',
    errorOffline: 'Você está sem conexão. Conecte-se à internet para entrar.',
    errorServer: 'Não foi possível entrar agora. Tente novamente em instantes.',
    sessionExpired: 'Sua sessão expirou. Entre novamente para continuar.',
  },
  settings: {
    title: 'Ajustes',
    language: 'Idioma',
    languageHint: 'O idioma fica salvo neste aparelho.',
    account: 'Conta',
    name: 'Nome',
    email: 'E-mail',
    role: 'Perfil',
    timeZone: 'Fuso horário',
    signOut: 'Sair',
    signingOut: 'Saindo…',
    signOutOffline: 'Você está offline. Conecte-se à internet para sair com segurança.',
    signOutFailed: 'Não foi possível sair agora. Tente novamente em instantes.',
    confirmTitle: 'Sair com alterações não enviadas?',
    confirmBody_one:
      'Há {{count}} alteração que ainda não foi enviada ao servidor. Se você sair agora, ela será perdida neste aparelho.',
    confirmBody_other:
      'Há {{count}} alterações que ainda não foram enviadas ao servidor. Se você sair agora, elas serão perdidas neste aparelho.',
    confirmSignOut: 'Sair mesmo assim',
    cancel: 'Cancelar',
  },
  roles: {
    admin: 'Administrador(a)',
    csm: 'Gerente de sucesso do cliente',
    client: 'Cliente',
  },
  languages: {
    'pt-BR': 'Português (Brasil)',
    en: 'English',
  },
  notFound: {
    title: 'Página não encontrada',
    body: 'O endereço pode ter mudado ou não existe mais.',
    back: 'Voltar para o início',
  },
  error: {
    title: 'Algo deu errado',
    body: 'Ocorreu um erro inesperado nesta tela. Seus dados salvos neste aparelho não foram afetados.',
    reload: 'Recarregar',
    details: 'Detalhes técnicos',
  },
  update: {
    available: 'Nova versão disponível',
    reload: 'Recarregar',
    later: 'Agora não',
    offlineReady: 'Pronto para uso offline',
    dismiss: 'Fechar',
  },
} as const;

/** The shape every language must have: same keys, string leaves. */
export type TranslationShape<T> = {
  readonly [K in keyof T]: T[K] extends string ? string : TranslationShape<T[K]>;
};
export type Translation = TranslationShape<typeof ptBR>;

import type { TranslationShape } from '../../i18n/resources/pt-br.ts';

/** Strings of the first-run screen (namespace `firstRun`); pt-BR is the source of the key set. */
export const firstRunPtBR = {
  title: 'Primeiro acesso',
  subtitle: 'Crie a sua organização e a conta de administrador. Depois, convide a equipe e os clientes.',
  organizationName: 'Nome da organização (agência)',
  name: 'Seu nome',
  email: 'Seu e-mail',
  password: 'Senha',
  passwordHint: 'No mínimo 10 caracteres.',
  submit: 'Criar organização',
  submitting: 'Criando…',
  alreadySetUp: 'O Arco já está configurado. Entre com a sua conta ou peça um convite a um administrador.',
  goToSignIn: 'Ir para a tela de entrada',
  errorInvalid: 'Confira os campos destacados.',
  errorOffline: 'Você está sem conexão. Conecte-se à internet para continuar.',
  errorServer: 'Não foi possível concluir agora. Tente novamente em instantes.',
  fields: {
    organizationName: 'Informe o nome da organização.',
    name: 'Informe seu nome.',
    email: 'Informe um e-mail válido.',
    password: 'Use no mínimo 10 caracteres.',
  },
};

export const firstRunEn: TranslationShape<typeof firstRunPtBR> = {
  title: 'First run',
  subtitle: 'Create your organization and the administrator account. Then invite your team and your clients.',
  organizationName: 'Organization (agency) name',
  name: 'Your name',
  email: 'Your e-mail',
  password: 'Password',
  passwordHint: 'At least 10 characters.',
  submit: 'Create organization',
  submitting: 'Creating…',
  alreadySetUp:
    'Arco is already set up. Sign in with your account or ask an administrator for an invitation.',
  goToSignIn: 'Go to sign-in',
  errorInvalid: 'Check the highlighted fields.',
  errorOffline: 'You are offline. Connect to the internet to continue.',
  errorServer: 'This could not be completed now. Try again in a moment.',
  fields: {
    organizationName: 'Enter the organization’s name.',
    name: 'Enter your name.',
    email: 'Enter a valid e-mail address.',
    password: 'Use at least 10 characters.',
  },
};

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

import type { TranslationShape } from '../../i18n/resources/pt-br.ts';

/** Strings of the invitation page (namespace `invitation`); pt-BR is the source of the key set. */
export const invitationPtBR = {
  title: 'Aceitar convite',
  loading: 'Abrindo o convite…',
  forClient: '{{organization}} convidou você para acompanhar {{customer}} no portal.',
  forStaff: '{{organization}} convidou você para a equipe, como {{role}}.',
  roles: { admin: 'administrador(a)', csm: 'CSM', client: 'cliente' },
  email: 'E-mail',
  name: 'Seu nome',
  password: 'Escolha uma senha',
  passwordHint: 'No mínimo 10 caracteres.',
  submit: 'Aceitar e entrar',
  submitting: 'Entrando…',
  problems: {
    unknown: 'Este link de convite não é válido. Confira se você abriu o link completo do e-mail.',
    expired: 'Este convite expirou. Peça a quem convidou você para reenviá-lo.',
    used: 'Este convite já foi usado. Entre com o seu e-mail e a senha que você escolheu.',
    revoked: 'Este convite foi cancelado.',
    email_taken: 'Já existe uma conta com este e-mail. Entre com ela.',
  },
  goToSignIn: 'Ir para a tela de entrada',
  errorInvalid: 'Confira os campos destacados.',
  errorOffline: 'Você está sem conexão. Conecte-se à internet para aceitar o convite.',
  errorServer: 'Não foi possível concluir agora. Tente novamente em instantes.',
  fields: { name: 'Informe seu nome.', password: 'Use no mínimo 10 caracteres.' },
};

export const invitationEn: TranslationShape<typeof invitationPtBR> = {
  title: 'Accept invitation',
  loading: 'Opening the invitation…',
  forClient: '{{organization}} invited you to follow {{customer}} on the portal.',
  forStaff: '{{organization}} invited you to join the team as {{role}}.',
  roles: { admin: 'an administrator', csm: 'a CSM', client: 'a client' },
  email: 'E-mail',
  name: 'Your name',
  password: 'Choose a password',
  passwordHint: 'At least 10 characters.',
  submit: 'Accept and sign in',
  submitting: 'Signing in…',
  problems: {
    unknown: 'This invitation link is not valid. Make sure you opened the whole link from the e-mail.',
    expired: 'This invitation has expired. Ask whoever invited you to resend it.',
    used: 'This invitation has already been used. Sign in with your e-mail and the password you chose.',
    revoked: 'This invitation was withdrawn.',
    email_taken: 'An account with this e-mail already exists. Sign in with it.',
  },
  goToSignIn: 'Go to sign-in',
  errorInvalid: 'Check the highlighted fields.',
  errorOffline: 'You are offline. Connect to the internet to accept the invitation.',
  errorServer: 'This could not be completed now. Try again in a moment.',
  fields: { name: 'Enter your name.', password: 'Use at least 10 characters.' },
};

import type { TranslationShape } from '../../i18n/resources/pt-br.ts';
import type { invitationPtBR } from './i18n.ts';

/** English, loaded when the app switches to it (client/app/i18n.ts); typed against pt-BR in ./i18n.ts. */
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

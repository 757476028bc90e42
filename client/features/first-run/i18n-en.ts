import type { TranslationShape } from '../../i18n/resources/pt-br.ts';
import type { firstRunPtBR } from './i18n.ts';

/** English, loaded when the app switches to it (client/app/i18n.ts); typed against pt-BR in ./i18n.ts. */
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

import type { TranslationShape } from '../../i18n/resources/pt-br.ts';
import type { passwordResetPtBR } from './i18n.ts';

/** English strings (loaded when the app switches to English; client/platform/feature-manifest.ts). */
export const passwordResetEn: TranslationShape<typeof passwordResetPtBR> = {
  forgot: {
    title: 'Forgot my password',
    intro: 'Enter your account’s e-mail. We will send you a link to choose a new password.',
    email: 'E-mail',
    submit: 'Send link',
    submitting: 'Sending…',
    sentTitle: 'Check your e-mail',
    sent: 'If there is an account for {{email}}, we sent it a link to choose a new password. It works once, for 1 hour.',
    sendAnother: 'Send to another e-mail',
    backToSignIn: 'Back to sign in',
  },
  reset: {
    title: 'New password',
    checking: 'Checking the link…',
    forAccount: 'Choose a new password for {{email}}.',
    password: 'New password',
    passwordHint: 'At least {{count}} characters.',
    confirm: 'Repeat the new password',
    submit: 'Save new password',
    submitting: 'Saving…',
    mismatch: 'The two passwords are not the same.',
    tooShort: 'The password needs at least {{count}} characters.',
    doneTitle: 'Password changed',
    done: 'Your new password works now. For your safety, you were signed out of every device: sign in again.',
    signIn: 'Sign in',
    invalidTitle: 'This link no longer works',
    invalid: 'The link is invalid, expired or already used. Ask for a new one.',
    askAgain: 'Ask for a new link',
  },
  errors: {
    rateLimited_one: 'Too many requests. Try again in {{count}} minute.',
    rateLimited_other: 'Too many requests. Try again in {{count}} minutes.',
    rateLimitedLater: 'Too many requests. Wait a few minutes and try again.',
    offline: 'You are offline. Connect to the internet and try again.',
    server: 'This could not be done right now. Try again in a moment.',
  },
};

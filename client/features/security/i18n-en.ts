import type { TranslationShape } from '../../i18n/resources/pt-br.ts';
import type { securityPtBR } from './i18n.ts';

/** English strings (loaded when the app switches to English; client/platform/feature-manifest.ts). */
export const securityEn: TranslationShape<typeof securityPtBR> = {
  passkeys: {
    title: 'Passkeys',
    intro:
      'Sign in without a password, with this device’s biometrics or screen lock. Each passkey stays on the device (or password manager) that created it.',
    none: 'No passkeys yet.',
    name: 'Passkey name',
    nameHint: 'So you recognise the device later, e.g. “Phone”.',
    add: 'Create a passkey on this device',
    adding: 'Waiting for the device…',
    added: 'Passkey “{{name}}” created. You can sign in with it now.',
    created: 'Created on {{date}}',
    lastUsed: 'last used {{when}}',
    neverUsed: 'not used yet',
    synced: 'synced',
    remove: 'Remove {{name}}',
    removeShort: 'Remove',
    removed: 'Passkey “{{name}}” removed.',
    unsupported: 'This browser does not support passkeys.',
    cancelled: 'No passkey was created.',
    rejected: 'The device did not confirm the passkey. Try again.',
    duplicate: 'This passkey is already registered.',
  },
  devices: {
    title: 'Signed-in devices',
    intro: 'Where your account is open right now.',
    thisDevice: 'This device',
    unknownBrowser: 'Unknown browser',
    on: '{{browser}} on {{os}}',
    mobile: 'phone',
    tablet: 'tablet',
    desktop: 'computer',
    lastSeen: 'Last active {{when}}',
    since: 'signed in since {{date}}',
    signOut: 'Sign out',
    signOutOf: 'Sign out of {{device}}',
    signOutOthers: 'Sign out of other devices',
    signingOut: 'Signing out…',
    endedOne: 'You signed out of {{device}}.',
    endedOthers_one: 'You signed out of {{count}} other device.',
    endedOthers_other: 'You signed out of {{count}} other devices.',
    noOthers: 'No other device is signed in.',
  },
  signIn: {
    withPasskey: 'Sign in with a passkey',
    waiting: 'Waiting for the passkey…',
    rejected: 'This passkey was not accepted. Sign in with e-mail and password, or try another passkey.',
    or: 'or',
  },
  errors: {
    offline: 'Offline: connect to see and change this.',
    server: 'This could not be loaded right now. Try again in a moment.',
    retry: 'Try again',
  },
};

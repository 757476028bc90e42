import { defineFeature } from '../../platform/feature-manifest.ts';
import { lazyPage } from '../../platform/lazy-page.tsx';
import { passwordResetPaths } from './paths.ts';

/**
 * "Esqueci minha senha" (`/esqueci-a-senha`) and the mailed link's page (`/redefinir-senha`), open to
 * everyone like sign-in (docs/api.md "Password reset").
 */
export const passwordResetFeature = defineFeature({
  id: 'password-reset',
  access: 'public',
  routes: [
    // Lazy like every page (docs/architecture.md §14.2): imported here, they were in every route's first load.
    {
      path: passwordResetPaths.forgot,
      element: lazyPage(() => import('./forgot-password-page.tsx'), 'ForgotPasswordPage'),
    },
    {
      path: passwordResetPaths.reset,
      element: lazyPage(() => import('./reset-password-page.tsx'), 'ResetPasswordPage'),
    },
  ],
  i18n: {
    namespace: 'passwordReset',
    resources: {
      'pt-BR': () => import('./i18n.ts').then((m) => m.passwordResetPtBR),
      en: () => import('./i18n-en.ts').then((m) => m.passwordResetEn),
    },
  },
});

import { defineFeature } from '../../platform/feature-manifest.ts';
import { ForgotPasswordPage } from './forgot-password-page.tsx';
import { passwordResetPtBR } from './i18n.ts';
import { passwordResetPaths } from './paths.ts';
import { ResetPasswordPage } from './reset-password-page.tsx';

/**
 * "Esqueci minha senha" (`/esqueci-a-senha`) and the mailed link's page (`/redefinir-senha`), open to
 * everyone like sign-in (docs/api.md "Password reset").
 */
export const passwordResetFeature = defineFeature({
  id: 'password-reset',
  access: 'public',
  routes: [
    { path: passwordResetPaths.forgot, element: <ForgotPasswordPage /> },
    { path: passwordResetPaths.reset, element: <ResetPasswordPage /> },
  ],
  i18n: {
    namespace: 'passwordReset',
    resources: {
      'pt-BR': passwordResetPtBR,
      en: () => import('./i18n-en.ts').then((m) => m.passwordResetEn),
    },
  },
});

/**
 * The password reset pages' URLs (pt-BR, stable: mailed links point at `reset`, and the server builds them
 * from the same path, server/auth/password-reset-routes.ts RESET_PAGE_PATH). No deep links: a notification
 * never opens them.
 */
export const passwordResetPaths = { forgot: '/esqueci-a-senha', reset: '/redefinir-senha' } as const;

/**
 * The sign-in page's URL (pt-BR, stable). No deep links: a notification never opens sign-in directly (the
 * role guard sends a signed-out user there with `?next=`).
 */
export const signInPaths = { signIn: '/entrar' } as const;

/** The query parameter carrying where to go after signing in. */
export const NEXT_PARAM = 'next';

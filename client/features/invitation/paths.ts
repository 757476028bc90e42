/**
 * The invitation page's URL, as mailed (`/convite#<token>`, server/users/invitation-mail.ts): the token is in
 * the fragment, which no server ever sees or logs. Import-free so the service worker can read `deepLinks`.
 */
export const invitationPaths = { invitation: '/convite' } as const;

export const deepLinks: readonly string[] = [];

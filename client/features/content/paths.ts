/**
 * The content hub's URLs under the portal's `/inicio` (pt-BR, stable: the demo data's notifications link to
 * `/inicio/conteudo/<slug>`). Import-free so the service worker can read `deepLinks`.
 */
const CONTENT = '/inicio/conteudo';

export const contentPaths = {
  hub: CONTENT,
  /** The route pattern of one piece (`item(slug)` builds its URL). */
  detail: `${CONTENT}/:slug`,
  item: (slug: string) => `${CONTENT}/${encodeURIComponent(slug)}`,
} as const;

export const deepLinks: readonly string[] = [contentPaths.hub];

/**
 * The leads area's URLs under the portal's `/inicio` (pt-BR, stable: the demo data's action cards and
 * notifications link to `/inicio/leads` and `/inicio/leads/<id>`). Import-free so the service worker can read
 * `deepLinks` (client/sw/deep-links.ts).
 */
const LEADS = '/inicio/leads';

export const leadPaths = {
  pipeline: LEADS,
  new: `${LEADS}/novo`,
  /** The route pattern of one lead (`lead(id)` builds its URL). */
  detail: `${LEADS}/:leadId`,
  editPattern: `${LEADS}/:leadId/editar`,
  lead: (id: string) => `${LEADS}/${encodeURIComponent(id)}`,
  edit: (id: string) => `${LEADS}/${encodeURIComponent(id)}/editar`,
} as const;

export const deepLinks: readonly string[] = [leadPaths.pipeline];

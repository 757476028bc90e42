import type { Config } from '../config.ts';
import { createSourceHttp, type Fetch } from '../integrations/http.ts';
import { createFocusNfseProvider } from './focus-nfse.ts';
import type { NfseDeps } from './issue-nfse.ts';

/** The `issue-nfse` job's provider side from the configuration, or null when NFS-e is not configured. */
export function createNfse(
  config: Pick<Config, 'nfse'>,
  io: { readonly fetch: Fetch; readonly clock: () => Date; readonly sleep: (ms: number) => Promise<void> },
): Omit<NfseDeps, 'db' | 'writer' | 'clock'> | null {
  const nfse = config.nfse;
  if (!nfse) return null;
  return {
    provider: createFocusNfseProvider({ baseUrl: nfse.baseUrl, token: nfse.token }),
    http: () => createSourceHttp(io),
    prestador: nfse.prestador,
    service: { itemListaServico: nfse.itemListaServico, aliquota: nfse.aliquota },
  };
}

import { ButtonLink } from '../../ui/button.tsx';
import { useConnectionsText } from './i18n.ts';
import { connectionsPath } from './paths.ts';

/** "Conexões de dados" for a customer: the Customer 360's way into the Connections screen. */
export function ConnectionsLink({ customerId }: { customerId: string }) {
  const t = useConnectionsText();
  return <ButtonLink to={connectionsPath(customerId)}>{t.link}</ButtonLink>;
}

import { ButtonLink } from '../../ui/button.tsx';
import { useStaffPortalText } from './i18n.ts';
import { staffCampaignsPath, staffContentPath, staffLeadsPath } from './paths.ts';
import styles from './staff-portal.module.css';

/** "Leads do cliente", "Campanhas do cliente", "Conteúdo e eventos do cliente": the Customer 360's way into the customer's portal screens. */
export function CustomerPortalLinks({ customerId }: { customerId: string }) {
  const text = useStaffPortalText();
  return (
    <nav aria-label={text.links} className={styles.links}>
      <ButtonLink to={staffLeadsPath(customerId)}>{text.leadsLink}</ButtonLink>
      <ButtonLink to={staffCampaignsPath(customerId)}>{text.campaignsLink}</ButtonLink>
      <ButtonLink to={staffContentPath(customerId)}>{text.contentLink}</ButtonLink>
    </nav>
  );
}

import type { ReactNode } from 'react';
import { Button } from '../../ui/button.tsx';
import { Link, NavLink, useParams } from 'react-router';
import type { Customer } from '../../../shared/entities/customer.ts';
import { useLiveDocument } from '../../db/device-data.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { InboxIcon } from '../../ui/icons.tsx';
import { Notice } from '../../ui/notice.tsx';
import { Page } from '../../ui/page.tsx';
import { customerPaths } from '../customers/paths.ts';
import { customerPath } from '../customer-360/paths.ts';
import { useStaffPortalText } from './i18n.ts';
import { staffCampaignsPath, staffContentPath, staffLeadsPath } from './paths.ts';
import type { StaffResource } from './staff-leads.ts';
import styles from './staff-portal.module.css';

/**
 * What an online-only staff screen shows while it has no data: a loading line, or — offline or after a failure —
 * a readable message with "Tentar de novo", never an empty screen.
 */
export function StaffOnlineState<T>(props: {
  state: Exclude<StaffResource<T>, { kind: 'ok' }>;
  retry: () => void;
  loading: string;
  offline: string;
}) {
  const { state, retry } = props;
  const text = useStaffPortalText();
  if (state.kind === 'loading')
    return (
      <p role="status" className={styles.muted}>
        {props.loading}
      </p>
    );
  return (
    <>
      <Notice tone={state.kind === 'offline' ? 'warning' : 'error'} role="status">
        {state.kind === 'offline' ? (
          <>
            <strong>{text.offlineTitle}.</strong> {props.offline}
          </>
        ) : (
          text.failed
        )}
      </Notice>
      <p>
        <Button onClick={retry}>{text.retry}</Button>
      </p>
    </>
  );
}

/**
 * The customer a staff portal screen is about, from the device (staff sync `customers`, so this works offline):
 * `children(customer)` once it is there; a loading line before; "Cliente não encontrado" when the device has no
 * such customer (another agency's, or a wrong link) — the screen is never empty.
 */
export function WithStaffCustomer({ children }: { children: (customer: Customer) => ReactNode }) {
  const { customerId } = useParams();
  const text = useStaffPortalText();
  const live = useLiveDocument('customers', customerId);
  const customer = live.docs[0] ?? null;
  if (!live.ready)
    return (
      <Page title={text.links}>
        <p role="status" className={styles.muted}>
          {text.customerLoading}
        </p>
      </Page>
    );
  if (!customer) return <StaffNotFound />;
  return <>{children(customer)}</>;
}

export function StaffNotFound() {
  const text = useStaffPortalText();
  return (
    <Page title={text.notFoundTitle}>
      <EmptyState
        icon={<InboxIcon />}
        title={text.notFoundTitle}
        actions={<Link to={customerPaths.list}>{text.backToList}</Link>}
      >
        {text.notFound}
      </EmptyState>
    </Page>
  );
}

/**
 * Above a reused portal screen: the way back to the Customer 360 and the customer's two portal screens (links,
 * the current one marked `aria-current="page"`), and what staff may do here.
 */
export function StaffBar({ customer, note }: { customer: Customer; note?: ReactNode }) {
  const text = useStaffPortalText();
  return (
    <div className={styles.bar}>
      <nav aria-label={text.barLabel(customer.name)}>
        <p>
          <Link to={customerPath(customer.id)} className={styles.back}>
            <span aria-hidden="true">← </span>
            {text.back(customer.name)}
          </Link>
        </p>
        <ul className={styles.tabs}>
          <li>
            <NavLink to={staffLeadsPath(customer.id)} className={styles.tab}>
              {text.leadsTab}
            </NavLink>
          </li>
          <li>
            <NavLink to={staffCampaignsPath(customer.id)} className={styles.tab}>
              {text.campaignsTab}
            </NavLink>
          </li>
          <li>
            <NavLink to={staffContentPath(customer.id)} className={styles.tab}>
              {text.contentTab}
            </NavLink>
          </li>
        </ul>
      </nav>
      {note ? <Notice tone="info">{note}</Notice> : null}
    </div>
  );
}

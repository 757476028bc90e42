import { lazy, Suspense, useMemo, useRef, useState } from 'react';
import { calendarDate } from '../../../shared/domain/csm/dates.ts';
import type { Customer } from '../../../shared/entities/customer.ts';
import { identityOf } from '../../../shared/identity.ts';
import { useSession } from '../../auth/session-context.tsx';
import { useCollection } from '../../db/device-data.tsx';
import { useDependencies } from '../../platform/dependencies.tsx';
import { useOnline } from '../../platform/use-online.ts';
import { Button } from '../../ui/button.tsx';
import { DEFAULT_TIME_ZONE } from '../../ui/format.ts';
import { assigneeOptions } from '../customers/csm-assignees.ts';
import { useStaffDirectory } from '../customers/staff-directory.ts';
import { useCustomerPermissions } from '../customers/use-customer-permissions.ts';
import { useCustomersTranslation } from '../customers/use-customers-translation.ts';
import { useCustomer360Translation } from './use-customer-360-translation.ts';
import styles from './customer-360.module.css';

const CustomerFormDialog = lazy(() =>
  import('../customers/customer-form-dialog.tsx').then((m) => ({ default: m.CustomerFormDialog })),
);

/**
 * "Editar dados" on the Customer 360: the customer list's form (customers/customer-form-dialog.tsx — the same
 * fields, shared validation and permission rules, the CNPJ among them) opened for this customer. The write goes
 * to the device database, so it works offline; the saved message says when it waits for the connection.
 */
export function EditCustomerButton({ customer }: { customer: Customer }) {
  const { t } = useCustomer360Translation();
  const { t: tc } = useCustomersTranslation();
  const { user } = useSession();
  const { now } = useDependencies();
  const online = useOnline();
  const collection = useCollection('customers');
  const directory = useStaffDirectory();
  const identity = useMemo(() => (user ? identityOf(user) : null), [user]);
  const permissions = useCustomerPermissions(identity);
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const options = useMemo(
    () => (user ? assigneeOptions(directory, { id: user.id, name: user.name }) : []),
    [directory, user],
  );
  if (!user || !identity || !collection || !permissions?.update) return null;

  const close = () => {
    setOpen(false);
    requestAnimationFrame(() => buttonRef.current?.focus());
  };
  return (
    <div className={styles.editCustomer}>
      <Button
        ref={buttonRef}
        onClick={() => {
          setSaved(null);
          setOpen(true);
        }}
      >
        {t('header.edit')}
      </Button>
      <p role="status" className={styles.editSaved}>
        {saved}
      </p>
      {open ? (
        <Suspense fallback={null}>
          <CustomerFormDialog
            target={{ mode: 'edit', customer }}
            user={identity}
            userName={user.name}
            collection={collection}
            csmOptions={options}
            now={now}
            today={calendarDate(now(), user.timeZone ?? DEFAULT_TIME_ZONE)}
            onSaved={() => {
              setSaved(online ? tc('form.savedOnline') : tc('form.savedOffline'));
              close();
            }}
            onClose={close}
            t={tc}
          />
        </Suspense>
      ) : null}
    </div>
  );
}

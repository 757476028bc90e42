import { useMemo, useState, type FormEvent } from 'react';
import type { RxCollection } from 'rxdb';
import type { Customer } from '../../../shared/entities/customer.ts';
import type { UserIdentity } from '../../../shared/identity.ts';
import { FormField } from '../../ui/form-field.tsx';
import { FormDialog } from '../../ui/form-dialog.tsx';
import { planAssignment, type AssigneeOption, type AssignmentPlan } from './csm-assignment.ts';
import type { CustomersT } from './use-customers-translation.ts';
import styles from './assign-csm-dialog.module.css';

/** The select's value for "no CSM" (ids are UUIDs, never empty). */
const NONE = '';

/**
 * "Atribuir a…": assigns the selected customers (one or many) to a CSM, or removes their CSM. Shows what will
 * happen before it happens (how many change, how many already have that CSM, how many the user may not
 * change), then patches only `csmId` of each changed customer in the device database — offline too; sync
 * pushes the changes and the server applies the same permission rule. A ui/form-dialog like the customer form
 * (Escape closes, the page returns focus to the opener).
 */
export function AssignCsmDialog({
  user,
  customers,
  options,
  collection,
  onDone,
  onClose,
  t,
}: {
  user: UserIdentity;
  /** The selected customers, in list order. */
  customers: readonly Customer[];
  options: readonly AssigneeOption[];
  collection: RxCollection<Customer>;
  onDone: (plan: AssignmentPlan, name: string | null) => void;
  onClose: () => void;
  t: CustomersT;
}) {
  const [target, setTarget] = useState<string>(() => options[0]?.id ?? NONE);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const csmId = target === NONE ? null : target;
  const plan = useMemo(() => planAssignment(user, customers, csmId), [user, customers, csmId]);
  const name = csmId === null ? null : (options.find((o) => o.id === csmId)?.name ?? null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving || plan.changes.length === 0) return;
    setSaving(true);
    setError(null);
    try {
      const stored = await collection.findByIds(plan.changes.map((c) => c.customer.id)).exec();
      // One patch per customer, of `csmId` only: a concurrent change to another field (sync) is kept.
      for (const { customer, patch } of plan.changes) await stored.get(customer.id)?.incrementalPatch(patch);
      onDone(plan, name);
    } catch (e) {
      setError(t('assign.failed', { message: e instanceof Error ? e.message : String(e) }));
      setSaving(false);
    }
  };

  const changeLine =
    plan.changes.length === 0
      ? null
      : csmId === null
        ? t('assign.willRemove', { count: plan.changes.length })
        : t('assign.willChange', { count: plan.changes.length, name: name ?? '' });

  return (
    <FormDialog
      title={t('assign.title', { count: customers.length })}
      errorSummary={error ? <p>{error}</p> : null}
      submitLabel={saving ? t('assign.saving') : t('assign.submit')}
      cancelLabel={t('assign.cancel')}
      saving={saving}
      submitDisabled={plan.changes.length === 0}
      size="narrow"
      onSubmit={(e) => void submit(e)}
      onClose={onClose}
    >
      <FormField label={t('assign.to')}>
        {(control) => (
          <select {...control} value={target} onChange={(e) => setTarget(e.target.value)}>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
            <option value={NONE}>{t('row.noCsm')}</option>
          </select>
        )}
      </FormField>
      <div role="status" aria-live="polite" className={styles.summary}>
        {changeLine ? <p>{changeLine}</p> : null}
        {plan.unchanged.length > 0 ? <p>{t('assign.unchanged', { count: plan.unchanged.length })}</p> : null}
        {plan.refused.length > 0 ? <p>{t('assign.refused', { count: plan.refused.length })}</p> : null}
        {plan.changes.length === 0 ? <p>{t('assign.nothingToDo')}</p> : null}
      </div>
      {customers.length <= 5 ? (
        <ul className={styles.names} aria-label={t('assign.selectedList')}>
          {customers.map((c) => (
            <li key={c.id}>{c.name}</li>
          ))}
        </ul>
      ) : null}
    </FormDialog>
  );
}

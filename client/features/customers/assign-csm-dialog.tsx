import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { RxCollection } from 'rxdb';
import type { Customer } from '../../../shared/entities/customer.ts';
import type { UserIdentity } from '../../../shared/identity.ts';
import { Button } from '../../ui/button.tsx';
import { FormField } from '../../ui/form-field.tsx';
import { Notice } from '../../ui/notice.tsx';
import { planAssignment, type AssigneeOption, type AssignmentPlan } from './csm-assignment.ts';
import type { CustomersT } from './use-customers-translation.ts';
import dialogStyles from './customer-form-dialog.module.css';
import styles from './assign-csm-dialog.module.css';

/** The select's value for "no CSM" (ids are UUIDs, never empty). */
const NONE = '';

/**
 * "Atribuir a…": assigns the selected customers (one or many) to a CSM, or removes their CSM. Shows what will
 * happen before it happens (how many change, how many already have that CSM, how many the user may not
 * change), then patches only `csmId` of each changed customer in the device database — offline too; sync
 * pushes the changes and the server applies the same permission rule. A modal `<dialog>` like the customer
 * form (Escape closes, the page returns focus to the opener).
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
  const dialogRef = useRef<HTMLDialogElement>(null);
  const selectRef = useRef<HTMLSelectElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (typeof dialog.showModal === 'function') {
      if (!dialog.open) dialog.showModal();
    } else {
      dialog.setAttribute('open', '');
    }
    selectRef.current?.focus();
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
    };
  }, []);

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
    <dialog
      ref={dialogRef}
      className={`${dialogStyles.dialog} ${styles.dialog}`}
      aria-labelledby={titleId}
      aria-modal="true"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && typeof dialogRef.current?.showModal !== 'function') onClose();
      }}
    >
      <form className={dialogStyles.form} onSubmit={(e) => void submit(e)} noValidate>
        <header className={dialogStyles.header}>
          <h2 id={titleId} className={dialogStyles.title}>
            {t('assign.title', { count: customers.length })}
          </h2>
        </header>
        <div className={dialogStyles.content}>
          {error ? (
            <Notice tone="error" role="alert">
              <p>{error}</p>
            </Notice>
          ) : null}
          <FormField label={t('assign.to')}>
            {(control) => (
              <select ref={selectRef} {...control} value={target} onChange={(e) => setTarget(e.target.value)}>
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
            {plan.unchanged.length > 0 ? (
              <p>{t('assign.unchanged', { count: plan.unchanged.length })}</p>
            ) : null}
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
        </div>
        <footer className={dialogStyles.footer}>
          <Button variant="secondary" onClick={onClose}>
            {t('assign.cancel')}
          </Button>
          <Button type="submit" disabled={saving || plan.changes.length === 0}>
            {saving ? t('assign.saving') : t('assign.submit')}
          </Button>
        </footer>
      </form>
    </dialog>
  );
}

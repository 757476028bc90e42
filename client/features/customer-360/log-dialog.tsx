import { useState, type FormEvent } from 'react';
import { v7 as uuidv7 } from 'uuid';
import type { Customer } from '../../../shared/entities/customer.ts';
import { useSession } from '../../auth/session-context.tsx';
import { useCollection } from '../../db/device-data.tsx';
import { useDependencies } from '../../platform/dependencies.tsx';
import { useFormat } from '../../platform/use-format.ts';
import { InputField, TextAreaField } from '../../ui/form-fields.tsx';
import { FormDialog } from '../../ui/form-dialog.tsx';
import { buildActivity, buildExpansion, type ErrorMessage, type LoggedType } from './customer-writes.ts';
import { contactName, primaryContact } from './overview-view.ts';
import { useCustomer360Translation } from './use-customer-360-translation.ts';

export type LogKind = LoggedType | 'expansion';

/**
 * The quick actions' small form (customers spec §2.2): log a call, e-mail, note or meeting as an activity, or
 * create an expansion opportunity — two fields and Save, written to the device database (offline too) and
 * replicated later. A compact ui/form-dialog: focus moves in, Escape closes, focus returns to the opener.
 */
export function LogDialog({
  kind,
  customer,
  onDone,
  onClose,
}: {
  kind: LogKind;
  customer: Customer;
  onDone: (message: string) => void;
  onClose: () => void;
}) {
  const { t } = useCustomer360Translation();
  const { user } = useSession();
  const { now } = useDependencies();
  const { language } = useFormat();
  const activities = useCollection('activities');
  const signals = useCollection('signals');
  const primary = primaryContact(customer.contacts);
  const name = primary ? contactName(primary) : customer.name;
  const [title, setTitle] = useState<string>(() => t(`log.defaultTitle.${kind}`, { name }));
  const [description, setDescription] = useState('');
  const [value, setValue] = useState('');
  const [errors, setErrors] = useState<Partial<Record<'title' | 'description' | 'value', ErrorMessage>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const message = (e: ErrorMessage | undefined) =>
    e === undefined ? undefined : t(`log.errors.${e.key}`, { max: e.max ?? 0 });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving || !user) return;
    setFormError(null);
    const at = now();
    const what = kind === 'expansion' ? t('activityType.expansion_identified') : t(`activityType.${kind}`);
    if (kind === 'expansion') {
      const result = buildExpansion(
        { customerId: customer.id, title, description, value, language },
        user,
        uuidv7(),
        at,
      );
      if (!result.ok) {
        setErrors(result.fieldErrors);
        setFormError(message(result.formError ?? undefined) ?? null);
        return;
      }
      setSaving(true);
      try {
        await signals?.insert(result.value);
      } catch {
        setSaving(false);
        setFormError(t('overview.insights.failed'));
        return;
      }
    } else {
      const result = buildActivity(
        { customerId: customer.id, type: kind, title, description },
        user,
        uuidv7(),
        at,
      );
      if (!result.ok) {
        setErrors(result.fieldErrors);
        setFormError(message(result.formError ?? undefined) ?? null);
        return;
      }
      setSaving(true);
      try {
        await activities?.insert(result.value);
      } catch {
        setSaving(false);
        setFormError(t('overview.insights.failed'));
        return;
      }
    }
    onDone(what);
  };

  return (
    <FormDialog
      title={t(`log.title.${kind}`)}
      errorSummary={formError}
      submitLabel={t('log.save')}
      cancelLabel={t('log.cancel')}
      saving={saving}
      size="compact"
      onSubmit={(e) => void submit(e)}
      onClose={onClose}
    >
      <InputField
        label={t('log.summary')}
        value={title}
        required
        maxLength={200}
        error={message(errors.title)}
        onChange={(e) => setTitle(e.target.value)}
      />
      {kind === 'expansion' ? (
        <InputField
          label={t('log.value')}
          hint={t('log.valueHint')}
          inputMode="decimal"
          value={value}
          error={message(errors.value)}
          onChange={(e) => setValue(e.target.value)}
        />
      ) : null}
      <TextAreaField
        label={t('log.details')}
        hint={t('log.detailsHint')}
        value={description}
        rows={4}
        error={message(errors.description)}
        onChange={(e) => setDescription(e.target.value)}
      />
    </FormDialog>
  );
}

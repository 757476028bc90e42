import { useEffect, useId, useRef, type FormEvent, type ReactNode, type Ref } from 'react';
import { Button } from '../../ui/button.tsx';
import { Notice } from '../../ui/notice.tsx';
import styles from './record-dialog.module.css';

/**
 * A form in a modal `<dialog>` for editing one record of a customer (a contract, a contact): full screen on a
 * phone, a centred panel on wider screens; the browser traps focus and Escape closes (in jsdom, without
 * `showModal`, an open dialog with aria-modal). Focus goes to the first field on open; the caller returns it to
 * the opener on close. Errors show as a summary (`role="alert"`, focusable) above the fields and in place.
 */
export function RecordDialog({
  title,
  intro,
  errorSummary,
  summaryRef,
  submitLabel,
  cancelLabel,
  saving,
  onSubmit,
  onClose,
  children,
}: {
  title: string;
  intro?: ReactNode;
  /** Already translated; null when there is nothing to fix. */
  errorSummary: ReactNode | null;
  summaryRef?: Ref<HTMLDivElement>;
  submitLabel: string;
  cancelLabel: string;
  saving: boolean;
  onSubmit: (event: FormEvent) => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (typeof dialog.showModal === 'function') {
      if (!dialog.open) dialog.showModal();
    } else {
      dialog.setAttribute('open', '');
    }
    formRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
    };
  }, []);

  return (
    <dialog
      ref={dialogRef}
      className={styles.dialog}
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
      <form ref={formRef} className={styles.form} onSubmit={onSubmit} noValidate>
        <header className={styles.header}>
          <h2 id={titleId} className={styles.title}>
            {title}
          </h2>
          {intro ? <p className={styles.intro}>{intro}</p> : null}
        </header>
        <div className={styles.content}>
          {errorSummary ? (
            <Notice tone="error" role="alert" ref={summaryRef}>
              {errorSummary}
            </Notice>
          ) : null}
          {children}
        </div>
        <footer className={styles.footer}>
          <Button variant="secondary" onClick={onClose}>
            {cancelLabel}
          </Button>
          <Button type="submit" disabled={saving}>
            {submitLabel}
          </Button>
        </footer>
      </form>
    </dialog>
  );
}

/** A group of fields inside a RecordDialog, with its legend. */
export function DialogSection({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className={styles.section}>
      <legend className={styles.legend}>{legend}</legend>
      {children}
    </fieldset>
  );
}

/** Two or more short fields side by side when they fit. */
export function FieldRow({ children }: { children: ReactNode }) {
  return <div className={styles.row}>{children}</div>;
}

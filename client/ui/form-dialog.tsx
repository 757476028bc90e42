import { useEffect, useId, useRef, type FormEvent, type ReactNode, type Ref } from 'react';
import { Button } from './button.tsx';
import { Notice } from './notice.tsx';
import styles from './form-dialog.module.css';

/** How wide the panel may grow from tablet width up; `compact` is also a panel (not full screen) on phones. */
export type FormDialogSize = 'wide' | 'medium' | 'narrow' | 'compact';

const SIZE_CLASS: Record<FormDialogSize, string | undefined> = {
  wide: styles.wide,
  medium: styles.medium,
  narrow: styles.narrow,
  compact: styles.compact,
};

/**
 * A form in a modal `<dialog>`: a title (the dialog's accessible name), an optional intro, an error area, the
 * fields, and Cancel / submit. Full screen on a phone, a centred panel from tablet width up (`compact`: a
 * small panel everywhere). In browsers `showModal` makes the background inert, traps focus and Escape closes;
 * without it (old engines, jsdom) the dialog is opened with `aria-modal`, which still announces as a dialog,
 * and Escape is handled here. Focus goes to the first field on open; the caller returns it to the opener on
 * close. Presentation only: the caller validates, writes and translates.
 */
export function FormDialog({
  title,
  intro,
  errorSummary,
  summaryRef,
  submitLabel,
  cancelLabel,
  saving,
  submitDisabled = false,
  size = 'wide',
  onSubmit,
  onClose,
  children,
}: {
  title: string;
  intro?: ReactNode;
  /** Already translated; shown as a focusable `role="alert"` above the fields. Null when there is nothing. */
  errorSummary: ReactNode | null;
  summaryRef?: Ref<HTMLDivElement>;
  submitLabel: string;
  cancelLabel: string;
  /** A write is under way: the submit button is disabled. */
  saving: boolean;
  /** Disables the submit button for another reason (nothing to do). */
  submitDisabled?: boolean;
  size?: FormDialogSize;
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
      className={`${styles.dialog} ${SIZE_CLASS[size] ?? ''}`}
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
          <Button type="submit" disabled={saving || submitDisabled} aria-disabled={saving || undefined}>
            {submitLabel}
          </Button>
        </footer>
      </form>
    </dialog>
  );
}

/** A group of fields inside a FormDialog, with its legend. */
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

import type { ReactNode, Ref } from 'react';
import { AlertIcon, CloudOffIcon, ShieldCheckIcon } from './icons.tsx';
import styles from './notice.module.css';

type Tone = 'error' | 'warning' | 'info';
const ICONS: Record<Tone, ReactNode> = {
  error: <AlertIcon size={18} />,
  warning: <CloudOffIcon size={18} />,
  info: <ShieldCheckIcon size={18} />,
};

/**
 * An inline message. `role` decides how it is announced: `alert` for errors the user just caused,
 * `status` for calm news; omit it for text that was there from the start.
 */
export function Notice({
  tone,
  role,
  children,
  ref,
}: {
  tone: Tone;
  role?: 'alert' | 'status';
  children: ReactNode;
  ref?: Ref<HTMLDivElement>;
}) {
  return (
    <div
      ref={ref}
      role={role}
      className={`${styles.notice} ${styles[tone]}`}
      tabIndex={role === 'alert' ? -1 : undefined}
    >
      {ICONS[tone]}
      <div>{children}</div>
    </div>
  );
}

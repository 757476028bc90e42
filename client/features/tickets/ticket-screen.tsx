import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { RxCollection, RxDocument } from 'rxdb';
import type { Ticket } from '../../../shared/entities/support.ts';
import { EmptyState } from '../../ui/empty-state.tsx';
import { InboxIcon } from '../../ui/icons.tsx';
import { Notice } from '../../ui/notice.tsx';
import { Page } from '../../ui/page.tsx';

/**
 * What a ticket screen (the client's `/inicio/tickets/:id`, the staff's `/atendimento/tickets/:id`) shows
 * before it has a ticket: the device database opening (or its error), then "not found" with the way back.
 * Each screen passes its own texts and the class of its loading line.
 */
export function TicketScreenPlaceholder({
  loading,
  deviceFailed,
  text,
  back,
  loadingClassName,
  loadingBusy,
}: {
  /** The device data or user is not ready yet; otherwise the ticket was not found. */
  loading: boolean;
  deviceFailed: boolean;
  text: {
    title: string;
    deviceError: string;
    loading: string;
    notFoundTitle: string;
    notFoundBody: string;
    back: string;
  };
  back: string;
  loadingClassName: string | undefined;
  loadingBusy?: boolean;
}): ReactNode {
  if (loading) {
    return (
      <Page title={text.title}>
        {deviceFailed ? (
          <Notice tone="error">{text.deviceError}</Notice>
        ) : (
          <p role="status" className={loadingClassName} aria-busy={loadingBusy ? 'true' : undefined}>
            {text.loading}
          </p>
        )}
      </Page>
    );
  }
  return (
    <Page title={text.notFoundTitle}>
      <EmptyState
        icon={<InboxIcon />}
        title={text.notFoundTitle}
        actions={<Link to={back}>{text.back}</Link>}
      >
        {text.notFoundBody}
      </EmptyState>
    </Page>
  );
}

/**
 * Changes the stored ticket, not the rendered one: a pull may have brought new messages or fields since the
 * screen rendered, and `incrementalModify`/`incrementalPatch` apply to the latest state.
 */
export async function changeStoredTicket(
  tickets: RxCollection<Ticket>,
  id: string,
  change: (doc: RxDocument<Ticket>) => Promise<unknown>,
): Promise<void> {
  const doc = await tickets.findOne(id).exec();
  if (!doc) throw new Error('ticket vanished');
  await change(doc);
}

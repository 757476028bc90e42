import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MangoQuery } from 'rxdb';
import { v7 as uuidv7 } from 'uuid';
import type { Invoice } from '../../../shared/entities/billing.ts';
import type { Contract, Customer } from '../../../shared/entities/customer.ts';
import {
  contractPhase,
  groupContracts,
  paymentSummary,
  renewalOf,
} from '../../../shared/domain/csm/contracts.ts';
import { useLiveDocuments } from '../../db/device-data.tsx';
import { useFormat } from '../../platform/use-format.ts';
import { useOnline } from '../../platform/use-online.ts';
import { Button, ButtonLink } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { InboxIcon } from '../../ui/icons.tsx';
import { Notice } from '../../ui/notice.tsx';
import { ContractFormDialog, type ContractDialogTarget } from './contract-form-dialog.tsx';
import { useCustomerRecord } from './customer-record.ts';
import { contractPaths } from './paths.ts';
import { PaymentHistory } from './payment-history.tsx';
import { revenueFigures } from './revenue-figures.ts';
import styles from './contracts.module.css';

/** A customer's invoices, live (the payment history and the lifetime value). */
export function useCustomerInvoices(customerId: string) {
  const query = useMemo<MangoQuery<Invoice>>(() => ({ selector: { customerId } }), [customerId]);
  return useLiveDocuments('invoices', query);
}

/**
 * The Customer 360's Contracts tab (customers spec §2.3), mounted by the 360 shell at
 * `/clientes/:id/contratos`: revenue (MRR, ARR, lifetime value — the server's, or provisional while a local
 * change waits), active and completed contracts with their values, period, renewal and items; new, edit and
 * renew (the next period) in a dialog, written to the device database (offline, with the pending marker); the
 * printable contract; the payment history with total collected and the on-time share.
 */
export function ContractsTab({ customer: { id: customerId } }: { customer: Pick<Customer, 'id'> }) {
  const { t } = useTranslation('contracts');
  const record = useCustomerRecord(customerId);
  const invoices = useCustomerInvoices(customerId);
  const online = useOnline();
  const [dialog, setDialog] = useState<ContractDialogTarget | null>(null);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const openerRef = useRef<HTMLElement | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { customer, today, pending, mayEdit } = record;

  if (!record.ready) {
    return (
      <p role="status" className={styles.loading}>
        {t('tab.loading')}
      </p>
    );
  }
  if (!customer) return <Notice tone="warning">{t('tab.notFound')}</Notice>;

  const groups = groupContracts(customer.contracts);
  const figures = revenueFigures(customer, invoices.docs, today, pending);
  const open = (target: ContractDialogTarget, opener: HTMLElement) => {
    openerRef.current = opener;
    setAnnouncement(null);
    setDialog(target);
  };
  const close = () => {
    setDialog(null);
    const opener = openerRef.current;
    requestAnimationFrame(() => (opener?.isConnected ? opener : headingRef.current)?.focus());
  };
  const renew = (contract: Contract, opener: HTMLElement) =>
    open(
      {
        mode: 'renew',
        from: contract,
        draft: renewalOf(
          contract,
          { contract: uuidv7(), items: contract.items.map(() => uuidv7()) },
          customer.contracts.map((c) => c.contractNumber),
        ),
      },
      opener,
    );

  return (
    <div className={styles.tab}>
      <RevenueSummary figures={figures} />
      {pending ? (
        <p className={styles.pending} data-testid="customer-pending">
          {t('tab.pending')}
        </p>
      ) : null}
      <p role="status" className={styles.announcement}>
        {announcement}
      </p>

      <section aria-labelledby="contracts-open" className={styles.section}>
        <div className={styles.sectionHeader}>
          <h3 id="contracts-open" ref={headingRef} tabIndex={-1} className={styles.sectionTitle}>
            {t('tab.openHeading')}
          </h3>
          {mayEdit ? (
            <Button onClick={(e) => open({ mode: 'create' }, e.currentTarget)}>
              <span aria-hidden="true">+</span> {t('tab.newContract')}
            </Button>
          ) : null}
        </div>
        {groups.open.length === 0 ? (
          <EmptyState icon={<InboxIcon />} title={t('tab.emptyTitle')} headingLevel={3}>
            {t('tab.emptyBody')}
          </EmptyState>
        ) : (
          <ul className={styles.cards}>
            {groups.open.map((c) => (
              <li key={c.id}>
                <ContractCard
                  customerId={customerId}
                  contract={c}
                  previous={customer.contracts.find((p) => p.id === c.previousContractId) ?? null}
                  today={today}
                  onEdit={mayEdit ? (opener) => open({ mode: 'edit', contract: c }, opener) : undefined}
                  onRenew={mayEdit ? (opener) => renew(c, opener) : undefined}
                />
              </li>
            ))}
          </ul>
        )}
      </section>

      {groups.closed.length > 0 ? (
        <section aria-labelledby="contracts-closed" className={styles.section}>
          <h3 id="contracts-closed" className={styles.sectionTitle}>
            {t('tab.closedHeading')}
          </h3>
          <ul className={styles.cards}>
            {groups.closed.map((c) => (
              <li key={c.id}>
                <ContractCard customerId={customerId} contract={c} previous={null} today={today} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <PaymentHistory
        invoices={invoices.docs}
        ready={invoices.ready}
        summary={paymentSummary(invoices.docs, today)}
      />

      {dialog && record.collection && record.user ? (
        <ContractFormDialog
          key={
            dialog.mode === 'create' ? 'new' : dialog.mode === 'edit' ? dialog.contract.id : dialog.draft.id
          }
          target={dialog}
          customer={customer}
          collection={record.collection}
          user={record.user}
          today={today}
          onSaved={() => {
            setAnnouncement(online ? t('tab.saved') : t('tab.savedOffline'));
            close();
          }}
          onClose={close}
        />
      ) : null}
    </div>
  );
}

function RevenueSummary({ figures }: { figures: ReturnType<typeof revenueFigures> }) {
  const { t } = useTranslation('contracts');
  const format = useFormat();
  const provisional = figures.provisional ? (
    <span className={styles.provisional}>{t('revenue.provisional')}</span>
  ) : null;
  return (
    <section aria-labelledby="contracts-revenue" className={styles.revenue}>
      <h3 id="contracts-revenue" className={styles.visuallyHidden}>
        {t('revenue.heading')}
      </h3>
      <dl className={styles.revenueList}>
        {(
          [
            ['mrr', figures.mrrCents],
            ['arr', figures.arrCents],
            ['ltv', figures.lifetimeValueCents],
          ] as const
        ).map(([key, cents]) => (
          <div key={key} className={styles.revenueItem}>
            <dt>{t(`revenue.${key}`)}</dt>
            <dd>
              {format.money(cents)} {provisional}
            </dd>
          </div>
        ))}
      </dl>
      {figures.provisional ? <p className={styles.muted}>{t('revenue.provisionalNote')}</p> : null}
    </section>
  );
}

function ContractCard({
  customerId,
  contract,
  previous,
  today,
  onEdit,
  onRenew,
}: {
  customerId: string;
  contract: Contract;
  previous: Contract | null;
  today: string;
  onEdit?: ((opener: HTMLElement) => void) | undefined;
  onRenew?: ((opener: HTMLElement) => void) | undefined;
}) {
  const { t } = useTranslation('contracts');
  const format = useFormat();
  const phase = contractPhase(contract, today);
  const oneTime = contract.monthlyValueCents === 0;
  const number = contract.contractNumber;
  const titleId = `contract-${contract.id}`;
  return (
    <article className={styles.card} aria-labelledby={titleId}>
      <header className={styles.cardHeader}>
        <h4 id={titleId} className={styles.cardTitle}>
          {contract.name}
        </h4>
        <span className={`${styles.badge} ${styles[`badge_${phase}`] ?? ''}`}>
          {phase === 'upcoming'
            ? t('status.upcoming', { date: format.date(contract.startDate) })
            : t(`status.${phase}`)}
        </span>
      </header>
      <p className={styles.muted}>
        {t('card.number', { number })}
        {previous ? ` · ${t('card.renewalOf', { number: previous.contractNumber })}` : null}
      </p>
      <dl className={styles.facts}>
        <div>
          <dt>{t('card.value')}</dt>
          <dd>
            {oneTime ? (
              t('card.oneTime', { value: format.money(contract.totalValueCents) })
            ) : (
              <>
                <span className={styles.factMain}>
                  {t('card.perYear', { value: format.money(contract.monthlyValueCents * 12) })}
                </span>
                <span>{t('card.perMonth', { value: format.money(contract.monthlyValueCents) })}</span>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('card.period')}</dt>
          <dd>
            {t('card.periodRange', {
              from: format.monthYear(contract.startDate),
              to: format.monthYear(contract.endDate),
            })}
          </dd>
        </div>
        {oneTime ? null : (
          <div>
            <dt>{t('card.renewal')}</dt>
            <dd>
              <span className={styles.factMain}>{t(`renewalType.${contract.renewalType}`)}</span>
              {contract.renewalType === 'month_to_month' ? null : (
                <span>{t('card.renewsOn', { date: format.date(contract.endDate) })}</span>
              )}
            </dd>
          </div>
        )}
      </dl>
      {contract.items.length > 0 ? (
        <div className={styles.items}>
          <h5 className={styles.itemsTitle}>{t('card.items')}</h5>
          <ul className={styles.itemList}>
            {contract.items.map((item) => {
              const subtotal = format.money(item.quantity * item.unitPriceCents);
              return (
                <li key={item.id} className={styles.item}>
                  <span className={styles.itemName}>
                    {item.name}
                    {item.quantity > 1 ? (
                      <span className={styles.muted}>
                        {' '}
                        {t('card.itemQuantity', {
                          quantity: format.number(item.quantity),
                          price: format.money(item.unitPriceCents),
                        })}
                      </span>
                    ) : null}
                  </span>
                  <span className={styles.itemValue}>
                    {item.billingType === 'recurring'
                      ? t('card.itemMonthly', { value: subtotal })
                      : t('card.itemOnce', { value: subtotal })}
                  </span>
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      <div className={styles.cardActions}>
        <ButtonLink
          to={contractPaths.printOf(customerId, contract.id)}
          aria-label={t('card.viewLabel', { number })}
        >
          {t('card.view')}
        </ButtonLink>
        {onEdit ? (
          <Button
            variant="secondary"
            aria-label={t('card.editLabel', { number })}
            onClick={(e) => onEdit(e.currentTarget)}
          >
            {t('card.edit')}
          </Button>
        ) : null}
        {onRenew && !oneTime ? (
          <Button
            variant="secondary"
            aria-label={t('card.renewLabel', { number })}
            onClick={(e) => onRenew(e.currentTarget)}
          >
            {t('card.renew')}
          </Button>
        ) : null}
      </div>
    </article>
  );
}

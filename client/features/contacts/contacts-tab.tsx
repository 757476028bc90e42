import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../shared/entities/customer.ts';
import type { Contact } from '../../../shared/entities/customer.ts';
import {
  removeContact,
  setLeftCompany,
  setPrimary,
  successorIfRemoved,
} from '../../../shared/domain/csm/contacts.ts';
import { mainContactLeft } from '../../../shared/domain/csm/risk.ts';
import { useDependencies } from '../../platform/dependencies.tsx';
import { useFormat } from '../../platform/use-format.ts';
import { useNow } from '../../platform/use-now.ts';
import { useOnline } from '../../platform/use-online.ts';
import { Button } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { UsersIcon } from '../../ui/icons.tsx';
import { Notice } from '../../ui/notice.tsx';
import { saveCustomerChange, useCustomerRecord, type SaveOutcome } from '../contracts/customer-record.ts';
import { ContactFormDialog } from './contact-form-dialog.tsx';
import { contactName } from './contact-form.ts';
import styles from './contacts.module.css';

type Dialog = { readonly mode: 'create' } | { readonly mode: 'edit'; readonly contact: Contact };

/**
 * The Customer 360's Contacts tab, mounted by the 360 shell at `/clientes/:id/contatos`: the customer's
 * contacts (embedded in the customer document) with role, NPS, `tel:`/`mailto:` links whose accessible name is
 * the number or address shown; add, edit, make primary, mark as having left, remove — each a local patch of the
 * customer document (offline, pending marker), the one-primary rule from shared/domain/csm/contacts.ts. A main
 * contact who left is shown as the risk factor it is (`mainContactLeft`, the risk rule's own reading).
 */
export function ContactsTab({ customer: { id: customerId } }: { customer: Pick<Customer, 'id'> }) {
  const { t } = useTranslation('contacts');
  const format = useFormat();
  const { now } = useDependencies();
  const clock = useNow();
  const online = useOnline();
  const record = useCustomerRecord(customerId);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const openerRef = useRef<HTMLElement | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const { customer, mayEdit, pending } = record;

  if (!record.ready) {
    return (
      <p role="status" className={styles.muted}>
        {t('tab.loading')}
      </p>
    );
  }
  if (!customer) return <Notice tone="warning">{t('tab.notFound')}</Notice>;

  const contacts = customer.contacts;
  const current = contacts
    .filter((c) => c.leftCompanyAt === null || c.isPrimary)
    .sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));
  const former = contacts.filter((c) => c.leftCompanyAt !== null && !c.isPrimary);
  const gone = mainContactLeft(contacts);

  const savedText = () => (online ? t('tab.saved') : t('tab.savedOffline'));
  const outcomeError = (outcome: SaveOutcome) =>
    outcome === 'notFound'
      ? t('errors.notFound')
      : outcome === 'notAllowed'
        ? t('errors.notAllowed')
        : outcome === 'saved'
          ? null
          : t('errors.saveFailed', { message: outcome.failed });
  const apply = async (change: (list: Contact[]) => Contact[]) => {
    if (!record.collection || !record.user) return;
    setAnnouncement(null);
    const outcome = await saveCustomerChange(record.collection, record.user, customerId, (c) => ({
      contacts: change(c.contacts),
    }));
    setError(outcomeError(outcome));
    if (outcome === 'saved') setAnnouncement(savedText());
  };
  const open = (target: Dialog, opener: HTMLElement) => {
    openerRef.current = opener;
    setAnnouncement(null);
    setDialog(target);
  };
  const close = () => {
    setDialog(null);
    const opener = openerRef.current;
    requestAnimationFrame(() => (opener?.isConnected ? opener : addRef.current)?.focus());
  };

  const card = (contact: Contact, Heading: 'h3' | 'h4' = 'h3') => {
    const name = contactName(contact);
    const successor = successorIfRemoved(contacts, contact.id);
    return (
      <li key={contact.id} className={styles.card}>
        <div className={styles.cardHeader}>
          <Heading className={styles.name}>{name}</Heading>
          {contact.isPrimary ? <span className={styles.primary}>{t('card.primary')}</span> : null}
          {contact.leftCompanyAt ? (
            <span className={styles.left}>
              {t('card.left', { date: format.date(contact.leftCompanyAt) })}
            </span>
          ) : null}
        </div>
        <p className={styles.muted}>
          {[contact.jobTitle, t(`role.${contact.role}`)].filter(Boolean).join(' · ')}
        </p>
        <ul className={styles.reach}>
          <li>
            <a href={`mailto:${contact.email}`}>{contact.email}</a>
          </li>
          {contact.phone ? (
            <li>
              <a href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`}>{contact.phone}</a>
            </li>
          ) : null}
        </ul>
        <p className={styles.meta}>
          <span className={npsClass(contact.npsScore)}>
            {contact.npsScore === null ? t('card.noNps') : t('card.nps', { score: contact.npsScore })}
          </span>
          {contact.lastContactedAt ? (
            <span className={styles.muted}>
              {t('card.lastContacted', { when: format.relative(contact.lastContactedAt, clock) })}
            </span>
          ) : null}
        </p>
        {mayEdit ? (
          confirming === contact.id ? (
            <div className={styles.confirm} role="group" aria-label={t('card.removeLabel', { name })}>
              <p>
                {successor
                  ? t('card.confirmRemoveSuccessor', { name, successor: contactName(successor) })
                  : t('card.confirmRemove', { name })}
              </p>
              <div className={styles.actions}>
                <Button
                  variant="danger"
                  onClick={() => {
                    setConfirming(null);
                    void apply((list) => removeContact(list, contact.id)).then(() => addRef.current?.focus());
                  }}
                >
                  {t('card.confirm')}
                </Button>
                <Button variant="secondary" onClick={() => setConfirming(null)}>
                  {t('card.cancel')}
                </Button>
              </div>
            </div>
          ) : (
            <div className={styles.actions}>
              <Button
                variant="secondary"
                aria-label={t('card.editLabel', { name })}
                onClick={(e) => open({ mode: 'edit', contact }, e.currentTarget)}
              >
                {t('card.edit')}
              </Button>
              {contact.isPrimary || contact.leftCompanyAt ? null : (
                <Button
                  variant="secondary"
                  aria-label={t('card.makePrimaryLabel', { name })}
                  onClick={() => void apply((list) => setPrimary(list, contact.id))}
                >
                  {t('card.makePrimary')}
                </Button>
              )}
              <Button
                variant="secondary"
                aria-label={
                  contact.leftCompanyAt
                    ? t('card.markBackLabel', { name })
                    : t('card.markLeftLabel', { name })
                }
                onClick={() =>
                  void apply((list) =>
                    setLeftCompany(list, contact.id, contact.leftCompanyAt ? null : now().toISOString()),
                  )
                }
              >
                {contact.leftCompanyAt ? t('card.markBack') : t('card.markLeft')}
              </Button>
              <Button
                variant="secondary"
                aria-label={t('card.removeLabel', { name })}
                onClick={() => setConfirming(contact.id)}
              >
                {t('card.remove')}
              </Button>
            </div>
          )
        ) : null}
      </li>
    );
  };

  return (
    <div className={styles.tab}>
      {mayEdit ? (
        <div className={styles.header}>
          <Button ref={addRef} onClick={(e) => open({ mode: 'create' }, e.currentTarget)}>
            <span aria-hidden="true">+</span> {t('tab.add')}
          </Button>
        </div>
      ) : null}
      {pending ? (
        <p className={styles.pending} data-testid="customer-pending">
          {t('tab.pending')}
        </p>
      ) : null}
      {gone ? (
        <Notice tone="error">
          {t('tab.mainContactLeft', { name: gone.name, date: format.date(gone.leftAt) })}
        </Notice>
      ) : null}
      {error ? (
        <Notice tone="error" role="alert">
          {error}
        </Notice>
      ) : null}
      <p role="status" className={styles.announcement}>
        {announcement}
      </p>

      {contacts.length === 0 ? (
        <EmptyState icon={<UsersIcon />} title={t('tab.emptyTitle')} headingLevel={3}>
          {t('tab.emptyBody')}
        </EmptyState>
      ) : (
        <ul className={styles.cards} aria-label={t('tab.heading')}>
          {current.map((c) => card(c))}
        </ul>
      )}
      {former.length > 0 ? (
        <section aria-labelledby="contacts-former" className={styles.former}>
          <h3 id="contacts-former" className={styles.subtitle}>
            {t('tab.formerHeading')}
          </h3>
          <ul className={styles.cards}>{former.map((c) => card(c, 'h4'))}</ul>
        </section>
      ) : null}

      {dialog && record.collection && record.user ? (
        <ContactFormDialog
          key={dialog.mode === 'edit' ? dialog.contact.id : 'new'}
          base={dialog.mode === 'edit' ? dialog.contact : null}
          isFirst={contacts.length === 0}
          customerId={customerId}
          collection={record.collection}
          user={record.user}
          onSaved={() => {
            setAnnouncement(savedText());
            close();
          }}
          onClose={close}
        />
      ) : null}
    </div>
  );
}

function npsClass(score: number | null): string {
  if (score === null) return styles.muted ?? '';
  if (score >= 9) return styles.npsPromoter ?? '';
  if (score >= 7) return styles.npsPassive ?? '';
  return styles.npsDetractor ?? '';
}

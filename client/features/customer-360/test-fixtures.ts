import { plainText } from '../../../shared/entities/domain-text.ts';
import { assessCustomer } from '../../../shared/domain/csm/assess-customer.ts';
import { addDays } from '../../../shared/domain/csm/dates.ts';
import { DEFAULT_HEALTH_CONFIG } from '../../../shared/domain/csm/health-config.ts';
import { docFactory, DOCS_NOW, techCorpDocs } from '../../../shared/domain/csm/test-docs.ts';
import type { Health } from '../../../shared/entities/csm.ts';
import { MARIA } from '../customers/test-fixtures.ts';

/**
 * TechCorp LTDA as the Customer 360 sees it on a staff device (customers spec §2.2): the shared rules' hand-built
 * documents (shared/domain/csm/test-docs.ts: bars 85 / 92 / 95 / 100 / 80, MRR R$ 4.500 from CTR-2024-0045, 85 of
 * 100 seats) with the header's fields the wireframe shows, an advocacy insight, and the server's health document
 * computed by the same rule on DOCS_NOW (2026-01-29), with a year of history. Every document carries a server
 * sequence (it came from the server), so nothing reads as pending.
 */
export const TECHCORP_NOW = DOCS_NOW;

export function techCorp360() {
  const f = docFactory();
  const docs = techCorpDocs(f);
  let seq = 1;
  const synced = <T extends { serverSeq: number }>(doc: T): T => ({ ...doc, serverSeq: seq++ });
  const customer = synced({
    ...docs.customer,
    domain: 'techcorp.com.br',
    location: 'São Paulo, SP',
    csmId: MARIA.id,
    arrCents: 5_400_000,
    lifetimeValueCents: 5_850_000,
    contacts: docs.customer.contacts.map((c) =>
      c.isPrimary ? { ...c, email: 'joao@techcorp.com', phone: '+55 11 98888-7777' } : c,
    ),
  });
  const signals = [
    ...docs.signals.map((s) =>
      s.kind === 'expansion' && s.status === 'identified'
        ? {
            ...s,
            title: plainText('Módulo de RH'),
            description: plainText('Cliente mencionou interesse em módulo de RH.'),
            source: 'ai_detected' as const,
          }
        : s,
    ),
    f.signal(customer.id, {
      kind: 'insight',
      subtype: 'advocacy',
      status: 'new',
      title: plainText('Candidato a advocacy'),
      description: plainText('NPS 9, health alto, cliente há 24 meses.'),
      source: 'ai_detected',
    }),
  ].map(synced);
  const activities = docs.activities.map(synced);
  const tickets = docs.tickets.map(synced);
  const invoices = docs.invoices.map(synced);
  const meetings = docs.meetings.map(synced);
  const metrics = docs.metrics.map(synced);
  // A year of monthly history (the nightly job keeps one point a day; one a month is enough here).
  const history: Health['history'] = Array.from({ length: 12 }, (_, k) => ({
    date: addDays('2026-01-29', -30 * (12 - k)),
    score: 80 + k,
  }));
  const assessed = assessCustomer(
    { customer, activities, tickets, invoices, meetings, signals, metrics },
    DEFAULT_HEALTH_CONFIG,
    TECHCORP_NOW,
    'America/Sao_Paulo',
    { previous: { history, atRiskSince: null } },
  );
  if (assessed.health === null) throw new Error('TechCorp has data to score');
  const at = TECHCORP_NOW.toISOString();
  const health: Health = {
    ...assessed.health,
    id: f.id(),
    updatedAt: at,
    clientUpdatedAt: at,
    serverSeq: seq++,
  };
  return { customer, activities, tickets, invoices, meetings, signals, metrics, health };
}

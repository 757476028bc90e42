// @vitest-environment jsdom
import { renderDomainText } from '../../../shared/domain-text/render.ts';
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { activitySchema, type Activity } from '../../../shared/entities/csm.ts';
import type { SignedInUser } from '../../../shared/identity.ts';
import type { DeviceDatabase } from '../../db/database.ts';
import { staffRenderer } from '../../test/render-staff.tsx';
import { staffUser } from '../../test/render-app.tsx';
import {
  customerDoc,
  healthDoc,
  MARIA,
  WIREFRAME_CUSTOMERS,
  WIREFRAME_HEALTH,
} from '../customers/test-fixtures.ts';

/** `/painel` over a real device database, offline (renderApp's clock: 2026-11-21). */
const { renderStaff, removeDatabases } = staffRenderer();
afterEach(async () => {
  cleanup();
  await removeDatabases();
});
const LOAD = { timeout: 10_000 };

const STARTUP = WIREFRAME_CUSTOMERS.find((c) => c.name === 'StartupXYZ')!;
const STARTUP_HEALTH = WIREFRAME_HEALTH.find((h) => h.customerId === STARTUP.id)!;

const TECHCORP = WIREFRAME_CUSTOMERS.find((c) => c.name === 'TechCorp LTDA')!;
const task = (n: number, fields: Partial<Activity>): Activity =>
  activitySchema.parse({
    id: `0190a8e4-0000-7000-8000-0000000007${String(n).padStart(2, '0')}`,
    updatedAt: '2026-11-18T12:00:00.000Z',
    serverSeq: 70 + n,
    clientUpdatedAt: '2026-11-18T12:00:00.000Z',
    customerId: STARTUP.id,
    type: 'task',
    title: `Tarefa ${n}`,
    description: null,
    performedBy: MARIA.id,
    performedByName: 'Maria Santos',
    occurredAt: '2026-11-18T12:00:00.000Z',
    metadata: {},
    assignedTo: MARIA.id,
    ...fields,
  });
/** Her tasks on 2026-11-21: one overdue, one today, one in the week, one later and one without a date. */
const TASKS = [
  task(1, { title: 'Agendar QBR com o decisor', dueAt: '2026-11-25T12:00:00.000Z', customerId: TECHCORP.id }),
  task(2, { title: 'Ligação de emergência em 24 h', dueAt: '2026-11-20T12:00:00.000Z' }),
  task(3, { title: 'Enviar proposta', dueAt: '2026-11-21T20:00:00.000Z' }),
  task(4, { title: 'Revisar contrato', dueAt: '2027-01-10T12:00:00.000Z' }),
  task(5, { title: 'Sem prazo', dueAt: null }),
  task(6, { title: 'Do João', assignedTo: '0190a8e4-0000-7000-8000-000000000099' }),
];

/**
 * Maria's portfolio: the wireframe's (TechCorp, AgênciaDigital), StartupXYZ given to her, two renewals and her
 * tasks.
 */
const seed = async (db: DeviceDatabase) => {
  await db.collections.activities!.bulkInsert(TASKS);
  await db.collections.customers!.bulkInsert([
    ...WIREFRAME_CUSTOMERS.map((c) => (c.id === STARTUP.id ? { ...c, csmId: MARIA.id } : c)),
    customerDoc(40, {
      name: 'Clínica Bem Estar',
      csmId: MARIA.id,
      mrrCents: 180_000,
      renewalDate: '2026-12-05',
      renewalType: 'manual',
    }),
    customerDoc(41, { name: 'Renova Depois', csmId: MARIA.id, renewalDate: '2027-03-01' }),
  ]);
  await db.collections.health!.bulkInsert([
    ...WIREFRAME_HEALTH,
    healthDoc(40, { score: 81, status: 'healthy', trend: 0 }),
  ]);
};

describe('CSM home (/painel, offline)', () => {
  it('shows her at-risk customers critical first with the main reason, and renewals in 90 days', async () => {
    const user = userEvent.setup();
    const { router, database } = await renderStaff('/painel', { seed });
    expect(await screen.findByRole('heading', { level: 1, name: 'Meu painel' }, LOAD)).toBeInTheDocument();
    const attention = await screen.findByRole(
      'list',
      { name: 'Clientes em risco, mais arriscados primeiro' },
      LOAD,
    );
    const items = within(attention).getAllByRole('listitem');
    expect(items.map((li) => within(li).getByRole('link').textContent)).toEqual([
      'StartupXYZ',
      'AgênciaDigital',
    ]);
    expect(within(items[0]!).getByText('Crítico')).toBeInTheDocument();
    expect(within(items[0]!).getByText(`Risco ${STARTUP_HEALTH.riskScore}`)).toBeInTheDocument();
    expect(within(items[0]!).getByText('Saúde 42')).toBeInTheDocument();
    expect(within(items[0]!).getByText('R$ 1.500')).toBeInTheDocument();
    expect(
      within(items[0]!).getByText(renderDomainText('pt-BR', STARTUP_HEALTH.riskFactors[0]!.description)),
    ).toBeInTheDocument();
    expect(within(items[1]!).getByText('Em risco')).toBeInTheDocument();

    const summary = within(screen.getByRole('region', { name: 'Resumo da sua carteira' }));
    expect(summary.getByText('1 crítico')).toBeInTheDocument();
    expect(summary.getByText('R$ 9.900 de MRR')).toBeInTheDocument(); // 4.500 + 2.100 + 1.500 + 1.800 + 0

    const renewals = screen.getByRole('list', { name: 'Renovações, as mais próximas primeiro' });
    const renewal = within(renewals).getAllByRole('listitem');
    // Soonest first; 2027-03-01 is past the 90 days.
    expect(renewal.map((li) => within(li).getByRole('link').textContent)).toEqual([
      'Clínica Bem Estar',
      'TechCorp LTDA',
    ]);
    expect(within(renewal[0]!).getByText('05/12/2026 (em 14 dias)')).toBeInTheDocument();
    expect(within(renewal[0]!).getByText('Renovação manual')).toBeInTheDocument();
    expect(within(renewal[1]!).getByText('15/01/2027 (em 55 dias)')).toBeInTheDocument();

    const tasks = screen.getByRole('list', { name: 'Tarefas a vencer, atrasadas primeiro' });
    const rows = within(tasks).getAllByRole('listitem');
    expect(rows.map((li) => li.querySelector('span')?.textContent)).toEqual([
      'Ligação de emergência em 24 h',
      'Enviar proposta',
      'Agendar QBR com o decisor',
    ]);
    expect(rows.map((li) => li.getAttribute('data-bucket'))).toEqual(['overdue', 'today', 'week']);
    expect(within(rows[0]!).getByText('Atrasada')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('Hoje')).toBeInTheDocument();
    expect(within(rows[2]!).getByRole('link', { name: 'TechCorp LTDA' })).toHaveAttribute(
      'href',
      `/clientes/${TECHCORP.id}`,
    );
    expect(within(rows[0]!).getByText('Prazo: 20/11/2026 09:00')).toBeInTheDocument();
    expect(summary.getByText('Tarefas a vencer').nextElementSibling).toHaveTextContent('3');
    expect(summary.getByText('1 atrasada')).toBeInTheDocument();
    expect(screen.getByText('Mais 2 tarefas com prazo depois ou sem prazo.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Ver todas as tarefas' })).toHaveAttribute('href', '/tarefas');

    // One tap completes the overdue task offline: stored on the device, gone from the list, said so.
    await user.click(
      within(rows[0]!).getByRole('button', { name: 'Concluir “Ligação de emergência em 24 h”' }),
    );
    await waitFor(async () =>
      expect((await database.collections.activities!.findOne(TASKS[1]!.id).exec())?.get('completedAt')).toBe(
        new Date('2026-11-21T12:00:00.000Z').toISOString(),
      ),
    );
    expect(
      await screen.findByText('“Ligação de emergência em 24 h” concluída.', undefined, LOAD),
    ).toBeInTheDocument();
    expect(within(tasks).queryByText('Ligação de emergência em 24 h')).not.toBeInTheDocument();
    expect(summary.getByText('Nenhuma atrasada')).toBeInTheDocument();

    // Names open the customer's 360.
    await user.click(within(attention).getByRole('link', { name: 'StartupXYZ' }));
    expect(router.state.location.pathname).toBe(`/clientes/${STARTUP.id}`);
  });

  it('offers the CSM the page in the navigation; the list stays the landing page', async () => {
    const { router } = await renderStaff('/', { seed });
    await screen.findByRole('heading', { level: 1, name: 'Clientes' }, LOAD);
    expect(router.state.location.pathname).toBe('/clientes');
    const nav = screen.getByRole('navigation', { name: 'Navegação principal' });
    expect(within(nav).getByRole('link', { name: 'Meu painel' })).toHaveAttribute('href', '/painel');
  });

  it('says so when nothing is assigned to the user', async () => {
    const other: SignedInUser = {
      ...staffUser,
      id: '0190a8e4-0000-7000-8000-000000000077',
      name: 'Nova CSM',
    };
    await renderStaff('/painel', { user: other, seed });
    expect(
      await screen.findByRole('heading', { name: 'Nenhum cliente atribuído a você' }, LOAD),
    ).toBeInTheDocument();
  });
});

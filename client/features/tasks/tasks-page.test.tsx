// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { activitySchema, type Activity } from '../../../shared/entities/csm.ts';
import type { DeviceDatabase } from '../../db/database.ts';
import { staffUser } from '../../test/render-app.tsx';
import { staffRenderer } from '../../test/render-staff.tsx';
import { JOAO, MARIA, WIREFRAME_CUSTOMERS } from '../customers/test-fixtures.ts';
import { DEFAULT_PLAYBOOKS, tasksForAlert } from '../../../shared/domain/csm/playbooks.ts';
import { completeTask, myTasks } from './tasks.ts';

/** `/tarefas` over a real device database, offline (renderApp's clock: 2026-11-21T12:00Z); Maria is a CSM. */
const { renderStaff, removeDatabases } = staffRenderer();
afterEach(async () => {
  cleanup();
  await removeDatabases();
});
const LOAD = { timeout: 10_000 };
const NOW = new Date('2026-11-21T12:00:00.000Z');
const [TECHCORP, , AGENCIA] = WIREFRAME_CUSTOMERS;

const task = (n: number, fields: Partial<Activity>): Activity =>
  activitySchema.parse({
    id: `0190a8e4-0000-7000-8000-0000000008${String(n).padStart(2, '0')}`,
    updatedAt: '2026-11-18T12:00:00.000Z',
    serverSeq: 80 + n,
    clientUpdatedAt: '2026-11-18T12:00:00.000Z',
    customerId: AGENCIA!.id,
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
const TASKS = [
  task(1, { title: 'Agendar QBR com o decisor', dueAt: '2026-11-25T12:00:00.000Z' }),
  task(2, {
    title: 'Ligação de emergência em 24 h',
    dueAt: '2026-11-20T12:00:00.000Z',
    customerId: TECHCORP!.id,
  }),
  task(3, { title: 'Sem prazo', dueAt: null }),
  task(4, { title: 'Do João', assignedTo: JOAO.id, dueAt: '2026-11-19T12:00:00.000Z' }),
  task(5, { title: 'Já feita', completedAt: '2026-11-20T09:00:00.000Z' }),
  task(6, { title: 'Uma ligação', type: 'call', assignedTo: null }),
];

describe('myTasks', () => {
  it('her open tasks overdue first, then by due date (none last); the week’s completed ones', () => {
    const mine = myTasks(TASKS, MARIA.id, NOW);
    expect(mine.open.map((v) => [v.task.title, v.overdue])).toEqual([
      ['Ligação de emergência em 24 h', true],
      ['Agendar QBR com o decisor', false],
      ['Sem prazo', false],
    ]);
    expect(mine.overdue).toBe(1);
    expect(mine.done.map((t) => t.title)).toEqual(['Já feita']);
  });

  it('completes her task; refuses another CSM’s and a completed one', () => {
    const user = { ...staffUser };
    expect(completeTask(TASKS[0]!, user, NOW)?.completedAt).toBe(NOW.toISOString());
    expect(completeTask(TASKS[3]!, user, NOW)).toBeNull();
    expect(completeTask(TASKS[4]!, user, NOW)).toBeNull();
  });
});

describe('tasks page (/tarefas, offline)', () => {
  const seed = async (db: DeviceDatabase) => {
    await db.collections.customers!.bulkInsert(WIREFRAME_CUSTOMERS);
    await db.collections.activities!.bulkInsert(TASKS);
  };

  it('shows her tasks overdue first and completes one offline, with the pending marker', async () => {
    const user = userEvent.setup();
    const { database } = await renderStaff('/tarefas', { seed });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Minhas tarefas' }, LOAD),
    ).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: 'Tarefas a fazer, atrasadas primeiro' }, LOAD);
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('span')?.textContent)).toEqual([
      'Ligação de emergência em 24 h',
      'Agendar QBR com o decisor',
      'Sem prazo',
    ]);
    expect(within(items[0]!).getByText('Atrasada')).toBeInTheDocument();
    expect(within(items[0]!).getByRole('link', { name: 'TechCorp LTDA' })).toHaveAttribute(
      'href',
      `/clientes/${TECHCORP!.id}`,
    );
    expect(screen.queryByText('Do João')).toBeNull();
    await user.click(
      within(items[0]!).getByRole('button', { name: 'Concluir “Ligação de emergência em 24 h”' }),
    );
    await waitFor(async () =>
      expect(
        (await database.collections.activities!.findOne(TASKS[1]!.id).exec())?.get('completedAt'),
      ).not.toBeNull(),
    );
    const done = await screen.findByRole('region', { name: 'Concluídas nos últimos 7 dias' });
    const row = within(done).getByText('Ligação de emergência em 24 h').closest('li')!;
    expect(within(row).getByText('Pendente de sincronização')).toBeInTheDocument();
  });

  it("shows a default playbook's task in English; an admin's words as written", async () => {
    const [call] = tasksForAlert(
      {
        id: '0190a8e4-0000-7000-8000-0000000008a1',
        customerId: AGENCIA!.id,
        kind: 'risk_alert',
        subtype: 'critical',
        riskFactors: [],
      },
      DEFAULT_PLAYBOOKS,
      NOW,
      { assignedTo: MARIA.id, performedBy: MARIA.id, performedByName: 'Maria Santos' },
    );
    await renderStaff('/tarefas', {
      language: 'en',
      seed: async (db) => {
        await db.collections.customers!.bulkInsert(WIREFRAME_CUSTOMERS);
        await db.collections.activities!.bulkInsert([call!, TASKS[0]!]);
      },
    });
    const list = await screen.findByRole('list', { name: 'Tasks to do, overdue first' }, LOAD);
    expect(within(list).getByText('Emergency call within 24 h')).toBeInTheDocument();
    expect(
      within(list).getByText('Call the decision maker: understand the cancellation risk and agree a plan.'),
    ).toBeInTheDocument();
    expect(within(list).getByRole('button', { name: 'Complete “Emergency call within 24 h”' })).toBeVisible();
    // A task without a playbook's words (typed by a person) stays as written.
    expect(within(list).getByText('Agendar QBR com o decisor')).toBeInTheDocument();
  });

  it('says so when there is nothing to do', async () => {
    await renderStaff('/tarefas', { seed: async () => {} });
    expect(await screen.findByText('Nenhuma tarefa pendente', undefined, LOAD)).toBeInTheDocument();
  });
});

import { describe, expect, it } from 'vitest';
import { activitySchema, type Activity } from '../../../shared/entities/csm.ts';
import { JOAO, MARIA, WIREFRAME_CUSTOMERS } from '../customers/test-fixtures.ts';
import { TASK_WINDOW_DAYS, tasksDue } from './tasks-due.ts';

// 2026-11-21 09:00 in São Paulo (UTC−3): "today" ends at 2026-11-22T03:00Z.
const NOW = new Date('2026-11-21T12:00:00.000Z');
const TZ = 'America/Sao_Paulo';

const task = (n: number, fields: Partial<Activity>): Activity =>
  activitySchema.parse({
    id: `0190a8e4-0000-7000-8000-0000000009${String(n).padStart(2, '0')}`,
    updatedAt: '2026-11-18T12:00:00.000Z',
    serverSeq: 90 + n,
    clientUpdatedAt: '2026-11-18T12:00:00.000Z',
    customerId: WIREFRAME_CUSTOMERS[0]!.id,
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

describe('tasksDue: the CSM home’s tasks', () => {
  it.each<[string, string | null, 'overdue' | 'today' | 'week' | null]>([
    ['due yesterday', '2026-11-20T15:00:00.000Z', 'overdue'],
    ['due this morning (before now)', '2026-11-21T11:59:00.000Z', 'overdue'],
    ['due later today', '2026-11-21T20:00:00.000Z', 'today'],
    ['due at 23:59 São Paulo (02:59Z next day)', '2026-11-22T02:59:00.000Z', 'today'],
    ['due at 00:00 São Paulo tomorrow', '2026-11-22T03:00:00.000Z', 'week'],
    [`due on the ${TASK_WINDOW_DAYS}th day`, '2026-11-28T20:00:00.000Z', 'week'],
    [`due on the ${TASK_WINDOW_DAYS + 1}th day`, '2026-11-29T20:00:00.000Z', null],
    ['without a due date', null, null],
  ])('a task %s', (_, dueAt, bucket) => {
    const due = tasksDue([task(1, { dueAt })], MARIA.id, NOW, TZ);
    expect(due.items.map((i) => i.bucket)).toEqual(bucket ? [bucket] : []);
    expect(due.later).toBe(bucket ? 0 : 1);
  });

  it('shows only her open tasks, overdue first then soonest, and counts each once', () => {
    const tasks = [
      task(1, { title: 'Semana', dueAt: '2026-11-25T12:00:00.000Z' }),
      task(2, { title: 'Atrasada', dueAt: '2026-11-19T12:00:00.000Z' }),
      task(3, { title: 'Hoje', dueAt: '2026-11-21T18:00:00.000Z' }),
      task(4, { title: 'Do João', assignedTo: JOAO.id, dueAt: '2026-11-19T12:00:00.000Z' }),
      task(5, { title: 'Concluída', dueAt: '2026-11-19T12:00:00.000Z', completedAt: NOW.toISOString() }),
      task(6, { title: 'Sem prazo', dueAt: null }),
      task(7, { title: 'Mês que vem', dueAt: '2026-12-20T12:00:00.000Z' }),
      // Unassigned, created by her: hers (the tasks feature's rule).
      task(8, { title: 'Criada por ela', assignedTo: null, dueAt: '2026-11-22T12:00:00.000Z' }),
      task(9, { title: 'Uma ligação', type: 'call', dueAt: null }),
    ];
    const due = tasksDue(tasks, MARIA.id, NOW, TZ);
    expect(due.items.map((i) => [i.task.title, i.bucket])).toEqual([
      ['Atrasada', 'overdue'],
      ['Hoje', 'today'],
      ['Criada por ela', 'week'],
      ['Semana', 'week'],
    ]);
    expect(due).toMatchObject({ overdue: 1, today: 1, week: 2, later: 2 });
    expect(tasksDue(tasks, JOAO.id, NOW, TZ).items.map((i) => i.task.title)).toEqual(['Do João']);
  });
});

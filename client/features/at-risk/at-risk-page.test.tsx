// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { detectRisks } from '../../../shared/domain/csm/risk.ts';
import { CONSULTORIA_DEF_RISK, SEED_NOW } from '../../../shared/domain/csm/seed-fixtures.ts';
import { playbookTaskId } from '../../../shared/domain/csm/playbooks.ts';
import { signalSchema, type Signal } from '../../../shared/entities/csm.ts';
import type { DeviceDatabase } from '../../db/database.ts';
import { staffRenderer } from '../../test/render-staff.tsx';
import { STAFF_DIRECTORY_KEY } from '../customers/staff-directory.ts';
import {
  customerDoc,
  healthDoc,
  JOAO,
  MARIA,
  WIREFRAME_CUSTOMERS,
  WIREFRAME_HEALTH,
} from '../customers/test-fixtures.ts';

/** `/em-risco` over a real device database, offline (renderApp's clock: 2026-11-21T12:00Z); Maria is a CSM. */
const { renderStaff, removeDatabases } = staffRenderer();
afterEach(async () => {
  cleanup();
  await removeDatabases();
});
const LOAD = { timeout: 10_000 };

const consultoria = customerDoc(6, {
  name: 'ConsultoriaDEF',
  tier: 'pro',
  mrrCents: 180_000,
  csmId: JOAO.id,
});
const consultoriaHealth = healthDoc(6, {
  score: 71,
  status: 'at_risk',
  trend: -4,
  ...detectRisks(CONSULTORIA_DEF_RISK, SEED_NOW),
});
const STARTUP = WIREFRAME_CUSTOMERS.find((c) => c.name === 'StartupXYZ')!;
const AGENCIA = WIREFRAME_CUSTOMERS.find((c) => c.name === 'AgênciaDigital')!;
const alertOf = (
  n: number,
  customerId: string,
  subtype: string,
  createdAt: string,
  extra: Partial<Signal> = {},
) =>
  signalSchema.parse({
    id: `0190a8e4-0000-7000-8000-0000000005${String(n).padStart(2, '0')}`,
    updatedAt: createdAt,
    serverSeq: 50 + n,
    clientUpdatedAt: createdAt,
    customerId,
    kind: 'risk_alert',
    subtype,
    status: 'open',
    title: { code: 'riskAlert.title', params: { level: 'critical' } },
    description: { code: 'riskAlert.description', params: { riskScore: 20, factors: [] } },
    source: 'rule',
    riskScore: null,
    riskFactors: [],
    recommendation: null,
    suggestedActions: [],
    estimatedValueCents: null,
    mrrAtRiskCents: null,
    probability: null,
    resolutionNotes: null,
    resolvedAt: null,
    resolvedBy: null,
    createdAt,
    ...extra,
  });
const STARTUP_ALERT = alertOf(1, STARTUP.id, 'critical', '2026-11-19T12:00:00.000Z');
/** Acknowledged 3 days after it opened: the average days to action. */
const AGENCIA_ALERT = alertOf(2, AGENCIA.id, 'warning', '2026-11-10T12:00:00.000Z', {
  status: 'acknowledged',
  acknowledgedAt: '2026-11-13T12:00:00.000Z',
});

const seed = async (db: DeviceDatabase) => {
  await db.collections.customers!.bulkInsert([
    ...WIREFRAME_CUSTOMERS.map((c) => (c.id === STARTUP.id ? { ...c, contacts: [contact] } : c)),
    consultoria,
  ]);
  await db.collections.health!.bulkInsert([...WIREFRAME_HEALTH, consultoriaHealth]);
  await db.collections.signals!.bulkInsert([STARTUP_ALERT, AGENCIA_ALERT]);
  await db.kv.set(STAFF_DIRECTORY_KEY, [JOAO]);
};
const contact = {
  id: '0190a8e4-0000-7000-8000-000000000701',
  firstName: 'Ana',
  lastName: 'Costa',
  email: 'ana@startupxyz.com.br',
  phone: '+55 11 98888-0000',
  jobTitle: 'CEO',
  role: 'decision_maker' as const,
  isPrimary: true,
  npsScore: null,
  lastContactedAt: null,
  leftCompanyAt: null,
  createdAt: '2025-05-10T12:00:00.000Z',
};

const cards = async () =>
  within(
    await screen.findByRole('list', { name: 'Clientes em risco, mais arriscados primeiro' }, LOAD),
  ).getAllByRole('listitem', { name: /./ });

describe('at-risk page (/em-risco, offline)', () => {
  it('lists critical and warning customers riskiest first, with factors and points, and the summary', async () => {
    await renderStaff('/em-risco', { seed });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Clientes em risco' }, LOAD),
    ).toBeInTheDocument();
    const list = await cards();
    expect(list.map((li) => within(li).getByRole('heading', { level: 2 }).textContent)).toEqual([
      'StartupXYZ',
      'AgênciaDigital',
      'ConsultoriaDEF',
    ]);
    const startup = list[0]!;
    expect(within(startup).getByText('Crítico')).toBeInTheDocument();
    expect(within(startup).getByText('20')).toBeInTheDocument();
    const points = within(startup)
      .getAllByText(/pts$/)
      .map((p) => p.textContent);
    expect(points).toEqual(['-30 pts', '-25 pts', '-15 pts', '-10 pts']);
    expect(within(startup).getByText(/^Agendar call de emergência/)).toBeInTheDocument();
    expect(within(list[1]!).getByText('Alerta')).toBeInTheDocument();
    expect(within(list[2]!).getByText('João Silva')).toBeInTheDocument();
    // R$ 1.500 + 2.100 + 1.800 = R$ 5.400 at risk; one alert acted upon after 3 days, one waiting.
    const summary = screen.getByRole('region', { name: 'Resumo dos clientes em risco' });
    expect(within(summary).getByText('R$ 5.400')).toBeInTheDocument();
    expect(within(summary).getByText('3 dias')).toBeInTheDocument();
    expect(within(summary).getByText('1 alerta aguardando ação')).toBeInTheDocument();
    // The ROI report opens the customer's analytics tab; "call now" is a tel: link.
    expect(within(startup).getByRole('link', { name: 'Relatório de ROI' })).toHaveAttribute(
      'href',
      `/clientes/${STARTUP.id}/analise`,
    );
    expect(within(startup).getByRole('link', { name: 'Ligar agora' })).toHaveAttribute(
      'href',
      'tel:+5511988880000',
    );
  });

  it('filters by risk type', async () => {
    const user = userEvent.setup();
    await renderStaff('/em-risco', { seed });
    await cards();
    await user.selectOptions(screen.getByLabelText('Tipo de risco'), 'Contato principal saiu');
    expect((await cards()).map((li) => within(li).getByRole('heading', { level: 2 }).textContent)).toEqual([
      'ConsultoriaDEF',
    ]);
    expect(
      within(screen.getByRole('region', { name: 'Resumo dos clientes em risco' })).getByText('R$ 1.800'),
    ).toBeInTheDocument();
  });

  it('acknowledges an alert offline: first action stamped, playbook tasks created once, pending marker', async () => {
    const user = userEvent.setup();
    const { database } = await renderStaff('/em-risco', { seed });
    const startup = (await cards())[0]!;
    await user.click(within(startup).getByRole('button', { name: 'Reconhecer' }));
    await waitFor(async () => {
      const doc = await database.collections.signals!.findOne(STARTUP_ALERT.id).exec();
      expect(doc?.toJSON()).toMatchObject({ status: 'acknowledged', acknowledgedAt: expect.any(String) });
    });
    expect(await within(startup).findByText(/2 tarefas criadas/)).toBeInTheDocument();
    expect(within(startup).getByText('Pendente de sincronização')).toBeInTheDocument();
    const tasks = await database.collections
      .activities!.find({ selector: { signalId: STARTUP_ALERT.id } })
      .exec();
    expect(tasks.map((t) => t.id).sort()).toEqual(
      [
        playbookTaskId(STARTUP_ALERT.id, 'risco-critico', 'ligacao-emergencia'),
        playbookTaskId(STARTUP_ALERT.id, 'risco-critico', 'treinamento-gratuito'),
      ].sort(),
    );
    // StartupXYZ has no CSM: the tasks are for the one who acted.
    expect(tasks.every((t) => t.get('assignedTo') === MARIA.id)).toBe(true);
    // "Criar tarefa" after that adds a follow-up (the playbook's tasks exist already).
    await user.click(within(startup).getByRole('button', { name: 'Criar tarefa' }));
    expect(await within(startup).findByText(/1 tarefa criada/)).toBeInTheDocument();
  });

  it('resolves with notes; a CSM sees no dismiss on a critical alert but may dismiss a warning with a reason', async () => {
    const user = userEvent.setup();
    const { database } = await renderStaff('/em-risco', { seed });
    const [startup, agencia] = await cards();
    expect(within(startup!).queryByRole('button', { name: 'Descartar' })).toBeNull();
    expect(within(startup!).getByText('Só um administrador descarta um alerta crítico.')).toBeInTheDocument();
    await user.click(within(startup!).getByRole('button', { name: 'Resolver' }));
    await user.type(
      within(startup!).getByLabelText('O que foi feito'),
      'Ligação feita; treinamento agendado.',
    );
    await user.click(within(startup!).getByRole('button', { name: 'Resolver alerta' }));
    await waitFor(async () =>
      expect((await database.collections.signals!.findOne(STARTUP_ALERT.id).exec())?.toJSON()).toMatchObject({
        status: 'resolved',
        resolutionNotes: 'Ligação feita; treinamento agendado.',
        resolvedBy: MARIA.id,
      }),
    );
    await user.click(within(agencia!).getByRole('button', { name: 'Descartar' }));
    await user.selectOptions(within(agencia!).getByLabelText('Motivo'), 'Já tratado por outro canal');
    await user.click(within(agencia!).getByRole('button', { name: 'Descartar alerta' }));
    await waitFor(async () =>
      expect((await database.collections.signals!.findOne(AGENCIA_ALERT.id).exec())?.toJSON()).toMatchObject({
        status: 'dismissed',
        dismissReason: 'handled_elsewhere',
      }),
    );
  });

  it('schedules a QBR as a meeting and logs a re-engagement e-mail for the alert', async () => {
    const user = userEvent.setup();
    const { database } = await renderStaff('/em-risco', { seed });
    const agencia = (await cards())[1]!;
    await user.click(within(agencia).getByRole('button', { name: 'Agendar QBR' }));
    expect(await within(agencia).findByText(/QBR agendada para/)).toBeInTheDocument();
    const meetings = await database.collections
      .meetings!.find({ selector: { customerId: AGENCIA.id } })
      .exec();
    expect(meetings.map((m) => m.get('title'))).toEqual(['QBR: AgênciaDigital']);
    expect(meetings[0]!.get('scheduledAt') > '2026-11-27').toBe(true);
  });

  it('shows the empty state when nobody is at risk', async () => {
    await renderStaff('/em-risco', {
      seed: async (db) => {
        await db.collections.customers!.bulkInsert([WIREFRAME_CUSTOMERS[0]!]);
        await db.collections.health!.bulkInsert([WIREFRAME_HEALTH[0]!]);
      },
    });
    expect(await screen.findByText('Nenhum cliente em risco', undefined, LOAD)).toBeInTheDocument();
  });
});

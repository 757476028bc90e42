import { describe, expect, it } from 'vitest';
import { SIGNAL_STATUSES, type Signal } from '../../entities/csm.ts';
import {
  changeSignalStatus,
  daysToAction,
  firstActionAt,
  lifecyclePhase,
  lifecycleStamps,
  summarizeDaysToAction,
  type ActionTrace,
  type SignalLifecycle,
} from './alert-lifecycle.ts';
import { SignalTransitionError } from './signals.ts';

const BY = '0190f3c2-0000-7000-8000-000000000001';
const SIGNAL = '0190f3c2-0000-7000-8000-0000000000a1';
const NOW = new Date('2026-01-29T18:00:00.000Z');
const lifecycle: SignalLifecycle = {
  status: 'open',
  resolutionNotes: null,
  resolvedAt: null,
  resolvedBy: null,
  acknowledgedAt: null,
  startedAt: null,
  dismissReason: null,
};
const open: Pick<Signal, 'kind'> & SignalLifecycle = { kind: 'risk_alert', ...lifecycle };

describe('lifecycle phases', () => {
  it.each([
    ['open', 'open'],
    ['acknowledged', 'acknowledged'],
    ['in_progress', 'in_progress'],
    ['resolved', 'resolved'],
    ['dismissed', 'dismissed'],
    ['identified', 'open'],
    ['contacted', 'in_progress'],
    ['negotiating', 'in_progress'],
    ['won', 'resolved'],
    ['lost', 'dismissed'],
    ['new', 'open'],
    ['actioned', 'resolved'],
  ] as const)('%s is the %s phase', (status, phase) => expect(lifecyclePhase(status)).toBe(phase));

  it('every status of every kind has a phase', () => {
    for (const statuses of Object.values(SIGNAL_STATUSES))
      for (const s of statuses) expect(lifecyclePhase(s)).toBeDefined();
  });
});

describe('changeSignalStatus: the risk alert lifecycle, step by step', () => {
  const at = (h: number) => new Date(NOW.getTime() + h * 3_600_000);

  it('open → acknowledged → in progress → resolved stamps each step once', () => {
    const ack = changeSignalStatus(open, { to: 'acknowledged', by: BY }, at(0));
    expect(ack).toEqual({ ...lifecycle, status: 'acknowledged', acknowledgedAt: '2026-01-29T18:00:00.000Z' });
    const started = changeSignalStatus({ ...open, ...ack }, { to: 'in_progress', by: BY }, at(2));
    expect(started).toMatchObject({
      status: 'in_progress',
      acknowledgedAt: '2026-01-29T18:00:00.000Z',
      startedAt: '2026-01-29T20:00:00.000Z',
    });
    const done = changeSignalStatus(
      { ...open, ...started },
      { to: 'resolved', notes: 'Ligação feita; treinamento agendado.', by: BY },
      at(30),
    );
    expect(done).toEqual({
      status: 'resolved',
      resolutionNotes: 'Ligação feita; treinamento agendado.',
      resolvedAt: '2026-01-31T00:00:00.000Z',
      resolvedBy: BY,
      acknowledgedAt: '2026-01-29T18:00:00.000Z',
      startedAt: '2026-01-29T20:00:00.000Z',
      dismissReason: null,
    });
  });

  it('jumping straight to in progress is also the first action', () => {
    expect(changeSignalStatus(open, { to: 'in_progress', by: BY }, NOW)).toMatchObject({
      acknowledgedAt: NOW.toISOString(),
      startedAt: NOW.toISOString(),
    });
  });

  it('dismisses with a reason (and notes), and reopening keeps the first action but clears the outcome', () => {
    const dismissed = changeSignalStatus(
      open,
      { to: 'dismissed', reason: 'false_positive', notes: 'Cliente em férias coletivas.', by: BY },
      NOW,
    );
    expect(dismissed).toEqual({
      status: 'dismissed',
      resolutionNotes: 'Cliente em férias coletivas.',
      resolvedAt: NOW.toISOString(),
      resolvedBy: BY,
      acknowledgedAt: NOW.toISOString(),
      startedAt: null,
      dismissReason: 'false_positive',
    });
    const reopened = changeSignalStatus({ ...open, ...dismissed }, { to: 'open', by: BY }, at(5));
    expect(reopened).toEqual({ ...lifecycle, acknowledgedAt: NOW.toISOString() });
  });

  it.each([
    ['dismissing without a reason', { to: 'dismissed' as const, by: BY }, 'dismiss_reason_required'],
    [
      'a reason on anything but a dismissal',
      { to: 'acknowledged' as const, reason: 'other' as const, by: BY },
      'dismiss_reason_required',
    ],
    ['resolving without notes', { to: 'resolved' as const, by: BY }, 'resolution_notes_required'],
  ])('refuses %s', (_l, change, code) => {
    expect(() => changeSignalStatus(open, change, NOW)).toThrow(SignalTransitionError);
    try {
      changeSignalStatus(open, change, NOW);
    } catch (e) {
      expect((e as SignalTransitionError).code).toBe(code);
    }
  });

  it.each([
    ['in_progress', 'acknowledged'],
    ['in_progress', 'open'],
    ['resolved', 'in_progress'],
    ['dismissed', 'resolved'],
  ] as const)('refuses %s → %s', (status, to) => {
    expect(() =>
      changeSignalStatus(
        { ...open, status, dismissReason: status === 'dismissed' ? 'other' : null },
        { to, by: BY, notes: 'x' },
        NOW,
      ),
    ).toThrow(expect.objectContaining({ code: 'invalid_signal_transition' }));
  });
});

describe('lifecycleStamps (the write rule)', () => {
  const T1 = '2026-01-29T18:00:00.000Z';
  const T2 = '2026-01-30T18:00:00.000Z';
  it.each([
    ['open: nothing', null, { status: 'open' as const }, { acknowledgedAt: null, startedAt: null }],
    ['acknowledged now', null, { status: 'acknowledged' as const }, { acknowledgedAt: T2, startedAt: null }],
    [
      'closed directly: acted, never started',
      null,
      { status: 'resolved' as const },
      { acknowledgedAt: T2, startedAt: null },
    ],
    [
      'an opportunity contacted',
      null,
      { status: 'contacted' as const },
      { acknowledgedAt: T2, startedAt: T2 },
    ],
    [
      'the stored first action stays',
      { acknowledgedAt: T1, startedAt: null },
      { status: 'in_progress' as const, acknowledgedAt: null },
      { acknowledgedAt: T1, startedAt: T2 },
    ],
    [
      'reopened: stamps kept',
      { acknowledgedAt: T1, startedAt: T1 },
      { status: 'open' as const },
      { acknowledgedAt: T1, startedAt: T1 },
    ],
    [
      'a later stamp written by a device loses to the stored one',
      { acknowledgedAt: T1 },
      { status: 'acknowledged' as const, acknowledgedAt: T2 },
      { acknowledgedAt: T1, startedAt: null },
    ],
    [
      'an earlier stamp from a device (acted offline) wins',
      { acknowledgedAt: T2 },
      { status: 'acknowledged' as const, acknowledgedAt: T1 },
      { acknowledgedAt: T1, startedAt: null },
    ],
  ])('%s', (_l, before, doc, expected) => expect(lifecycleStamps(before, doc, T2)).toEqual(expected));

  it('is idempotent', () => {
    const once = lifecycleStamps(null, { status: 'in_progress' }, T1);
    expect(lifecycleStamps(once, { status: 'in_progress', ...once }, T2)).toEqual(once);
  });
});

describe('days to action', () => {
  const signal = {
    id: SIGNAL,
    createdAt: '2026-01-20T10:00:00.000Z',
    acknowledgedAt: null,
    startedAt: null,
    resolvedAt: null,
  };
  const act = (a: Partial<ActionTrace>): ActionTrace => ({
    type: 'call',
    signalId: SIGNAL,
    occurredAt: '2026-01-25T10:00:00.000Z',
    completedAt: null,
    ...a,
  });

  it.each([
    ['nobody acted', {}, [], null],
    ['acknowledged after 3 days', { acknowledgedAt: '2026-01-23T10:00:00.000Z' }, [], 3],
    [
      'a call logged for it after 1.5 days comes first',
      { acknowledgedAt: '2026-01-23T10:00:00.000Z' },
      [act({ occurredAt: '2026-01-21T22:00:00.000Z' })],
      1.5,
    ],
    [
      'a planned task is not an action',
      {},
      [act({ type: 'task', occurredAt: '2026-01-20T11:00:00.000Z' })],
      null,
    ],
    ['a completed task is', {}, [act({ type: 'task', completedAt: '2026-01-22T10:00:00.000Z' })], 2],
    ['another alert’s call does not count', {}, [act({ signalId: null })], null],
    ['resolved without other steps', { resolvedAt: '2026-01-24T10:00:00.000Z' }, [], 4],
  ] as const)('%s → %s', (_l, stamps, activities, days) => {
    expect(daysToAction({ ...signal, ...stamps }, activities)).toBe(days);
  });

  it('firstActionAt names the instant', () => {
    expect(firstActionAt({ ...signal, startedAt: '2026-01-22T00:00:00.000Z' }, [act({})])).toBe(
      '2026-01-22T00:00:00.000Z',
    );
  });

  it('summarizes: mean over the alerts acted upon (the wireframe’s "Avg days to action"), the others waiting', () => {
    const other = { ...signal, id: '0190f3c2-0000-7000-8000-0000000000a2' };
    const third = {
      ...signal,
      id: '0190f3c2-0000-7000-8000-0000000000a3',
      acknowledgedAt: '2026-01-24T10:00:00.000Z',
    };
    expect(
      summarizeDaysToAction(
        [{ ...signal, acknowledgedAt: '2026-01-22T10:00:00.000Z' }, other, third],
        [act({ signalId: other.id, type: 'note', occurredAt: '2026-01-21T10:00:00.000Z' })],
      ),
    ).toEqual({ averageDays: 2.3, acted: 3, awaiting: 0 });
    expect(summarizeDaysToAction([signal], [])).toEqual({ averageDays: null, acted: 0, awaiting: 1 });
  });
});

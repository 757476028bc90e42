import { describe, expect, it } from 'vitest';
import { activitySchema, signalSchema } from '../entities/csm.ts';
import type { UserIdentity } from '../identity.ts';
import { authorizeWrite } from '../permissions.ts';

/**
 * Who may do what with the alert lifecycle and tasks (shared/collections/signals.ts, activities.ts;
 * docs/domain.md §6), through the permission engine the sync push and the screens call.
 */
const id = (n: number) => `0199c000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
const ORG = id(1);
const admin: UserIdentity = { userId: id(10), role: 'admin', organizationId: ORG, customerId: null };
const maria: UserIdentity = { userId: id(11), role: 'csm', organizationId: ORG, customerId: null };
const joao: UserIdentity = { userId: id(12), role: 'csm', organizationId: ORG, customerId: null };
const T = '2026-01-29T12:00:00.000Z';

const signal = signalSchema.parse({
  id: id(100),
  updatedAt: T,
  serverSeq: 3,
  clientUpdatedAt: T,
  customerId: id(50),
  kind: 'risk_alert',
  subtype: 'critical',
  status: 'acknowledged',
  title: { code: 'riskAlert.title', params: { level: 'critical' } },
  description: { code: 'riskAlert.description', params: { riskScore: 20, factors: [] } },
  source: 'rule',
  riskScore: 20,
  riskFactors: [],
  recommendation: null,
  suggestedActions: [],
  estimatedValueCents: null,
  mrrAtRiskCents: 150_000,
  probability: null,
  resolutionNotes: null,
  resolvedAt: null,
  resolvedBy: null,
  createdAt: T,
  acknowledgedAt: T,
});
const task = activitySchema.parse({
  id: id(200),
  updatedAt: T,
  serverSeq: 4,
  clientUpdatedAt: T,
  customerId: id(50),
  type: 'task',
  title: 'Ligação de emergência em 24 h',
  description: null,
  performedBy: maria.userId,
  performedByName: 'Maria Santos',
  occurredAt: T,
  metadata: {},
  signalId: signal.id,
  dueAt: '2026-01-30T12:00:00.000Z',
  assignedTo: maria.userId,
});

const decide = (
  user: UserIdentity,
  collection: 'signals' | 'activities',
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
) => {
  const d = authorizeWrite(user, collection, { organizationId: ORG, before, after });
  return d.allowed ? 'ok' : d.error.details.reason;
};

describe('signals: closing and dismissing', () => {
  const dismissed = (by: UserIdentity, subtype = 'critical') => ({
    ...signal,
    subtype,
    status: 'dismissed',
    dismissReason: 'false_positive',
    resolvedAt: T,
    resolvedBy: by.userId,
  });

  it.each([
    ['an admin dismisses a critical alert', admin, 'critical', 'ok'],
    ['a CSM may not dismiss a critical alert (resolves it instead)', maria, 'critical', 'invalid_transition'],
    ['a CSM dismisses a warning', maria, 'warning', 'ok'],
  ] as const)('%s', (_l, user, subtype, expected) => {
    expect(decide(user, 'signals', { ...signal, subtype }, dismissed(user, subtype))).toBe(expected);
  });

  it('whoever closes signs: resolving as someone else is refused', () => {
    const resolved = { ...signal, status: 'resolved', resolutionNotes: 'Feito.', resolvedAt: T };
    expect(decide(maria, 'signals', signal, { ...resolved, resolvedBy: maria.userId })).toBe('ok');
    expect(decide(maria, 'signals', signal, { ...resolved, resolvedBy: joao.userId })).toBe('not_author');
  });

  it('a later edit of a closed alert by someone else is not a new closing', () => {
    const resolved = {
      ...signal,
      status: 'resolved',
      resolutionNotes: 'Feito.',
      resolvedAt: T,
      resolvedBy: joao.userId,
    };
    expect(
      decide(maria, 'signals', resolved, { ...resolved, resolutionNotes: 'Feito; cliente renovou.' }),
    ).toBe('ok');
  });

  it('the schema requires a reason exactly for a dismissal', () => {
    expect(signalSchema.safeParse({ ...signal, status: 'dismissed' }).success).toBe(false);
    expect(signalSchema.safeParse({ ...signal, dismissReason: 'other' }).success).toBe(false);
    expect(signalSchema.safeParse(dismissed(admin)).success).toBe(true);
  });

  it('an older document without the lifecycle fields still parses (null stamps)', () => {
    const { acknowledgedAt: _a, startedAt: _s, dismissReason: _d, ...old } = signal;
    expect(signalSchema.parse(old)).toMatchObject({
      acknowledgedAt: null,
      startedAt: null,
      dismissReason: null,
    });
  });
});

describe('activities: tasks', () => {
  const done = (by: UserIdentity) => ({
    ...task,
    completedAt: T,
    clientUpdatedAt: T,
    performedBy: by.userId,
  });

  it.each([
    ['the assignee completes it', maria, 'ok'],
    ['another CSM may not', joao, 'not_author'],
    ['an admin may', admin, 'ok'],
  ] as const)('%s', (_l, user, expected) =>
    expect(decide(user, 'activities', task, done(user))).toBe(expected),
  );

  it('anyone on staff completes an unassigned task', () => {
    const open = { ...task, assignedTo: null };
    expect(decide(joao, 'activities', open, { ...open, completedAt: T })).toBe('ok');
  });

  it('a CSM may log an intervention for an alert (signalId) on any activity type', () => {
    const call = { ...task, id: id(201), type: 'call', dueAt: null, assignedTo: null };
    expect(decide(joao, 'activities', null, call)).toBe('ok');
  });

  it.each(['dueAt', 'completedAt', 'assignedTo'] as const)('only a task carries %s', (field) => {
    const call = { ...task, type: 'call', dueAt: null, completedAt: null, assignedTo: null };
    expect(
      decide(maria, 'activities', null, { ...call, [field]: field === 'assignedTo' ? maria.userId : T }),
    ).toBe('field_rules');
  });

  it('an older document without the task fields still parses', () => {
    const { signalId: _s, dueAt: _d, completedAt: _c, assignedTo: _a, ...old } = { ...task, type: 'call' };
    expect(activitySchema.parse(old)).toMatchObject({
      signalId: null,
      dueAt: null,
      completedAt: null,
      assignedTo: null,
    });
  });
});

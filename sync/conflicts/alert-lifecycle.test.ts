import { describe, expect, it } from 'vitest';
import type { PlainObject } from '../documents.ts';
import { applyWriteRules } from '../push/write-rules.ts';
import { fixture, uuid } from '../testing/fixtures.ts';
import { resolveConflict } from './handlers.ts';

/**
 * The alert lifecycle and tasks through the sync engines (docs/domain.md §6): the signals' write rule as the
 * push decision runs it, and the merge rules of the new fields — further along the lifecycle wins with its
 * outcome, the earliest first action wins, a completed task stays completed.
 */
const ID = uuid(0x51);
const MARIA = uuid(0x101);
const JOAO = uuid(0x102);
const master = (collection: 'signals' | 'activities', patch: PlainObject = {}): PlainObject => ({
  ...fixture(collection, ID),
  serverSeq: 10,
  _deleted: false,
  ...patch,
});
const accepted = (doc: PlainObject, patch: PlainObject): PlainObject => ({ ...doc, ...patch, serverSeq: 11 });
const merge = (
  collection: 'signals' | 'activities',
  base: PlainObject,
  real: PlainObject,
  mine: PlainObject,
) => resolveConflict(collection, { assumedMasterState: base, realMasterState: real, newDocumentState: mine });

describe('signals write rule (device optimistic, server authoritative)', () => {
  it('a status-only write is stamped with the write’s own clock: when the CSM acted, offline too', () => {
    const before = master('signals');
    const offline = { ...before, status: 'acknowledged', clientUpdatedAt: '2026-01-29T09:00:00.000-03:00' };
    expect(applyWriteRules('signals', before, offline)).toMatchObject({
      acknowledgedAt: '2026-01-29T09:00:00.000-03:00',
      startedAt: null,
    });
  });

  it('keeps the stored first action when a later write sends another', () => {
    const before = master('signals', { status: 'acknowledged', acknowledgedAt: '2026-01-20T12:00:00.000Z' });
    const later = {
      ...before,
      status: 'in_progress',
      acknowledgedAt: null,
      clientUpdatedAt: '2026-01-25T12:00:00.000Z',
    };
    expect(applyWriteRules('signals', before, later)).toMatchObject({
      acknowledgedAt: '2026-01-20T12:00:00.000Z',
      startedAt: '2026-01-25T12:00:00.000Z',
    });
  });
});

describe('signals merge', () => {
  it('resolved (with its notes and who) beats a concurrent acknowledgement; the earliest first action stays', () => {
    const base = master('signals');
    const real = accepted(base, {
      status: 'resolved',
      resolutionNotes: 'Treinamento feito.',
      resolvedAt: '2026-01-25T12:00:00.000Z',
      resolvedBy: JOAO,
      acknowledgedAt: '2026-01-25T12:00:00.000Z',
      clientUpdatedAt: '2026-01-25T12:00:00.000Z',
    });
    const mine = {
      ...base,
      status: 'acknowledged',
      acknowledgedAt: '2026-01-24T08:00:00.000Z',
      clientUpdatedAt: '2026-01-26T08:00:00.000Z',
    };
    expect(merge('signals', base, real, mine)).toMatchObject({
      status: 'resolved',
      resolutionNotes: 'Treinamento feito.',
      resolvedBy: JOAO,
      acknowledgedAt: '2026-01-24T08:00:00.000Z',
    });
  });

  it('a dismissal and a resolution rank equal: the later write wins, reason and all', () => {
    const base = master('signals', { status: 'in_progress' });
    const real = accepted(base, {
      status: 'dismissed',
      dismissReason: 'handled_elsewhere',
      resolvedBy: JOAO,
      resolvedAt: '2026-01-25T12:00:00.000Z',
      clientUpdatedAt: '2026-01-25T12:00:00.000Z',
    });
    const mine = {
      ...base,
      status: 'resolved',
      resolutionNotes: 'Ligação feita.',
      resolvedBy: MARIA,
      resolvedAt: '2026-01-26T12:00:00.000Z',
      clientUpdatedAt: '2026-01-26T12:00:00.000Z',
    };
    expect(merge('signals', base, real, mine)).toMatchObject({
      status: 'resolved',
      dismissReason: null,
      resolvedBy: MARIA,
      resolutionNotes: 'Ligação feita.',
    });
  });
});

describe('activities merge: tasks', () => {
  const task = {
    type: 'task',
    title: 'Ligação de emergência em 24 h',
    dueAt: '2026-01-30T18:00:00.000Z',
    assignedTo: MARIA,
    signalId: uuid(0x77),
  };

  it('a completed task stays completed when another device edits it later', () => {
    const base = master('activities', task);
    const real = accepted(base, {
      completedAt: '2026-01-29T15:00:00.000Z',
      clientUpdatedAt: '2026-01-29T15:00:00.000Z',
    });
    const mine = { ...base, dueAt: '2026-01-31T18:00:00.000Z', clientUpdatedAt: '2026-01-29T16:00:00.000Z' };
    expect(merge('activities', base, real, mine)).toMatchObject({
      completedAt: '2026-01-29T15:00:00.000Z',
      dueAt: '2026-01-31T18:00:00.000Z',
    });
  });

  it('completed on two devices: the first completion wins', () => {
    const base = master('activities', task);
    const real = accepted(base, {
      completedAt: '2026-01-29T15:00:00.000Z',
      clientUpdatedAt: '2026-01-29T15:00:00.000Z',
    });
    const mine = {
      ...base,
      completedAt: '2026-01-29T11:00:00.000Z',
      clientUpdatedAt: '2026-01-29T11:00:00.000Z',
    };
    expect(merge('activities', base, real, mine)).toMatchObject({ completedAt: '2026-01-29T11:00:00.000Z' });
  });

  it('an explicit un-complete on one side is kept (only a concurrent completion would win)', () => {
    const base = master('activities', { ...task, completedAt: '2026-01-29T11:00:00.000Z' });
    const real = accepted(base, { title: 'Ligação feita', clientUpdatedAt: '2026-01-29T15:00:00.000Z' });
    const mine = { ...base, completedAt: null, clientUpdatedAt: '2026-01-29T16:00:00.000Z' };
    expect(merge('activities', base, real, mine)).toMatchObject({
      completedAt: null,
      title: 'Ligação feita',
    });
  });
});

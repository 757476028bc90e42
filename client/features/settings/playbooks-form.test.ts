import { describe, expect, it } from 'vitest';
import { createDomainTextRenderer } from '../../../shared/domain-text/render.ts';
import { DEFAULT_PLAYBOOKS, playbookNameText, templateText } from '../../../shared/domain/csm/playbooks.ts';
import {
  newPlaybookDraft,
  newTaskDraft,
  parsePlaybooksForm,
  playbookDrafts,
  type PlaybookDraft,
  type PlaybookTextShown,
} from './playbooks-form.ts';

const shownIn = (language: 'pt-BR' | 'en'): PlaybookTextShown => {
  const render = createDomainTextRenderer(language);
  return {
    name: (p) => render(playbookNameText(p)),
    task: (p, t) => {
      const text = templateText(p.id, t);
      return { title: render(text.title), description: text.description ? render(text.description) : null };
    },
  };
};

describe('playbooks form: the defaults round-trip', () => {
  it.each(['pt-BR', 'en'] as const)('opening and saving in %s stores exactly the defaults', (language) => {
    const drafts = playbookDrafts(DEFAULT_PLAYBOOKS, shownIn(language));
    expect(parsePlaybooksForm(drafts)).toEqual({ kind: 'valid', playbooks: DEFAULT_PLAYBOOKS });
  });

  it('shows the defaults in English with their due times in days or hours and the trigger choices', () => {
    const [critical, warning, contact] = playbookDrafts(DEFAULT_PLAYBOOKS, shownIn('en'));
    expect(critical).toMatchObject({
      name: 'Critical churn risk',
      kind: 'risk_alert',
      level: 'critical',
      factor: '',
    });
    expect(critical!.tasks.map((t) => [t.title, t.due, t.unit])).toEqual([
      ['Emergency call within 24 h', '1', 'days'],
      ['Offer free training', '3', 'days'],
    ]);
    expect(warning!.tasks[0]).toMatchObject({ due: '7', unit: 'days' });
    expect(contact).toMatchObject({ level: '', factor: 'main_contact_left' });
  });

  it('stores what the admin typed instead, trimmed; an emptied description becomes null', () => {
    const drafts = playbookDrafts(DEFAULT_PLAYBOOKS, shownIn('en'));
    const [critical] = drafts;
    const edited: PlaybookDraft = {
      ...critical!,
      name: '  Critical risk (agency)  ',
      level: '',
      tasks: [
        { ...critical!.tasks[0]!, title: 'Call today', description: '', due: '6', unit: 'hours' },
        critical!.tasks[1]!,
      ],
    };
    const result = parsePlaybooksForm([edited, ...drafts.slice(1)]);
    expect(result.kind).toBe('valid');
    if (result.kind !== 'valid') return;
    expect(result.playbooks[0]).toMatchObject({
      name: 'Critical risk (agency)',
      trigger: { kind: 'risk_alert', subtype: null, factor: null },
      tasks: [
        { id: 'ligacao-emergencia', title: 'Call today', description: null, dueInHours: 6 },
        DEFAULT_PLAYBOOKS[0]!.tasks[1],
      ],
    });
  });

  it('adds a playbook for expansion opportunities (no level or factor) with a new task', () => {
    const added: PlaybookDraft = {
      ...newPlaybookDraft('p-1a2b3c4d', 't-5e6f7a8b'),
      name: 'Expansão',
      kind: 'expansion',
      level: 'critical',
      factor: 'no_login',
      tasks: [{ ...newTaskDraft('t-5e6f7a8b'), title: 'Enviar proposta', due: '2' }],
    };
    const result = parsePlaybooksForm([added]);
    expect(result).toEqual({
      kind: 'valid',
      playbooks: [
        {
          id: 'p-1a2b3c4d',
          name: 'Expansão',
          enabled: true,
          trigger: { kind: 'expansion', subtype: null, factor: null },
          tasks: [{ id: 't-5e6f7a8b', title: 'Enviar proposta', description: null, dueInHours: 48 }],
        },
      ],
    });
  });
});

describe('playbooks form: errors in place', () => {
  const base = () => playbookDrafts(DEFAULT_PLAYBOOKS, shownIn('pt-BR'));

  it.each<[string, (p: PlaybookDraft) => PlaybookDraft, string, string]>([
    ['an empty name', (p) => ({ ...p, name: '  ' }), 'risco-critico.name', 'required'],
    ['a name over 120 characters', (p) => ({ ...p, name: 'x'.repeat(121) }), 'risco-critico.name', 'tooLong'],
    [
      'an empty task title',
      (p) => ({ ...p, tasks: [{ ...p.tasks[0]!, title: '' }, p.tasks[1]!] }),
      'risco-critico.ligacao-emergencia.title',
      'required',
    ],
    [
      'a due time that is not a whole number',
      (p) => ({ ...p, tasks: [{ ...p.tasks[0]!, due: '1,5' }, p.tasks[1]!] }),
      'risco-critico.ligacao-emergencia.due',
      'dueInvalid',
    ],
    [
      'a due time of 0',
      (p) => ({ ...p, tasks: [{ ...p.tasks[0]!, due: '0' }, p.tasks[1]!] }),
      'risco-critico.ligacao-emergencia.due',
      'dueInvalid',
    ],
    [
      'a due time past 90 days',
      (p) => ({ ...p, tasks: [{ ...p.tasks[0]!, due: '91', unit: 'days' }, p.tasks[1]!] }),
      'risco-critico.ligacao-emergencia.due',
      'dueRange',
    ],
    [
      'a description over 2000 characters',
      (p) => ({ ...p, tasks: [{ ...p.tasks[0]!, description: 'x'.repeat(2001) }, p.tasks[1]!] }),
      'risco-critico.ligacao-emergencia.description',
      'tooLong',
    ],
    ['no task at all', (p) => ({ ...p, tasks: [] }), 'risco-critico.tasks', 'noTasks'],
    [
      'more than 10 tasks',
      (p) => ({
        ...p,
        tasks: Array.from({ length: 11 }, (_, i) => ({ ...newTaskDraft(`t-${i}`), title: 'T' })),
      }),
      'risco-critico.tasks',
      'tooManyTasks',
    ],
  ])('%s', (_, change, key, error) => {
    const [first, ...rest] = base();
    const result = parsePlaybooksForm([change(first!), ...rest]);
    expect(result).toEqual({ kind: 'invalid', errors: { [key]: error } });
  });

  it('more than 50 playbooks is a list error', () => {
    const many = Array.from({ length: 51 }, (_, i) => ({
      ...newPlaybookDraft(`p-${i}`, `t-${i}`),
      name: `P${i}`,
      tasks: [{ ...newTaskDraft(`t-${i}`), title: 'T' }],
    }));
    expect(parsePlaybooksForm(many)).toEqual({ kind: 'invalid', errors: { list: 'tooManyPlaybooks' } });
  });
});

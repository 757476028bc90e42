import { describe, expect, it } from 'vitest';
import { activitySchema, type RiskFactor } from '../../entities/csm.ts';
import { createDomainTextRenderer } from '../../domain-text/render.ts';
import {
  DEFAULT_PLAYBOOKS,
  playbookMatches,
  playbooksSchema,
  playbookNameText,
  playbookTaskId,
  taskText,
  tasksForAlert,
  templateText,
  type Playbook,
} from './playbooks.ts';

const SIGNAL = '0190f3c2-0000-7000-8000-0000000000a1';
const CUSTOMER = '0190f3c2-0000-7000-8000-00000000cafe';
const MARIA = '0190f3c2-0000-7000-8000-000000000001';
const NOW = new Date('2026-01-29T18:00:00.000Z');
const factor = (type: string): RiskFactor => ({
  type,
  description: { code: 'text', params: { text: type } },
  impact: -10,
  detectedAt: NOW.toISOString(),
});
const alert = (subtype: string | null, factors: string[] = []) => ({
  id: SIGNAL,
  customerId: CUSTOMER,
  kind: 'risk_alert' as const,
  subtype,
  riskFactors: factors.map(factor),
});
const context = { assignedTo: MARIA, performedBy: MARIA, performedByName: 'Maria Santos' };
const titles = (signal: ReturnType<typeof alert>, playbooks: readonly Playbook[] = DEFAULT_PLAYBOOKS) =>
  tasksForAlert(signal, playbooks, NOW, context).map((t) => [t.title, t.dueAt]);

describe('default playbooks (customers spec §2.4)', () => {
  it.each([
    [
      'StartupXYZ, critical: emergency call in 24 h and a free training offer',
      alert('critical', ['no_login', 'usage_drop', 'unanswered_emails', 'stale_ticket']),
      [
        ['Ligação de emergência em 24 h', '2026-01-30T18:00:00.000Z'],
        ['Oferecer treinamento gratuito', '2026-02-01T18:00:00.000Z'],
      ],
    ],
    [
      'AgênciaDigital, warning: a QBR within a week',
      alert('warning', ['low_capacity_usage', 'no_executive_engagement', 'renewal_soon']),
      [['Agendar QBR com o decisor', '2026-02-05T18:00:00.000Z']],
    ],
    [
      'ConsultoriaDEF, warning with the main contact gone: QBR and the new contact',
      alert('warning', ['ticket_surge', 'nps_drop', 'main_contact_left']),
      [
        ['Agendar QBR com o decisor', '2026-02-05T18:00:00.000Z'],
        ['Apresentar-se ao novo contato principal', '2026-01-31T18:00:00.000Z'],
      ],
    ],
    ['an alert without a level (older data): only factor playbooks', alert(null, ['no_login']), []],
  ])('%s', (_l, signal, expected) => expect(titles(signal)).toEqual(expected));

  it('are valid playbooks', () =>
    expect(playbooksSchema.parse(DEFAULT_PLAYBOOKS)).toEqual(DEFAULT_PLAYBOOKS));
});

describe('tasksForAlert', () => {
  const signal = alert('critical');

  it('builds complete, schema-valid task documents linked to the alert and assigned', () => {
    const [first] = tasksForAlert(signal, DEFAULT_PLAYBOOKS, NOW, context);
    expect(activitySchema.parse(first)).toEqual(first);
    expect(first).toMatchObject({
      id: playbookTaskId(SIGNAL, 'risco-critico', 'ligacao-emergencia'),
      customerId: CUSTOMER,
      type: 'task',
      signalId: SIGNAL,
      assignedTo: MARIA,
      completedAt: null,
      occurredAt: NOW.toISOString(),
      metadata: { playbook: 'risco-critico', template: 'ligacao-emergencia' },
    });
  });

  it('is idempotent across devices and time: the same ids whoever creates them and when', () => {
    const later = tasksForAlert(signal, DEFAULT_PLAYBOOKS, new Date('2026-02-10T00:00:00Z'), {
      ...context,
      performedBy: null,
    });
    expect(later.map((t) => t.id)).toEqual(
      tasksForAlert(signal, DEFAULT_PLAYBOOKS, NOW, context).map((t) => t.id),
    );
    expect(new Set(later.map((t) => t.id)).size).toBe(2);
    expect(playbookTaskId(SIGNAL, 'risco-critico', 'ligacao-emergencia')).not.toBe(
      playbookTaskId('0190f3c2-0000-7000-8000-0000000000a2', 'risco-critico', 'ligacao-emergencia'),
    );
  });

  it('skips disabled playbooks and other kinds', () => {
    const off = DEFAULT_PLAYBOOKS.map((p) => ({ ...p, enabled: false }));
    expect(tasksForAlert(signal, off, NOW, context)).toEqual([]);
    expect(playbookMatches(DEFAULT_PLAYBOOKS[0]!, { ...signal, kind: 'expansion' })).toBe(false);
  });
});

describe('playbook validation (the admin editor and PUT /api/settings/playbooks)', () => {
  const base = DEFAULT_PLAYBOOKS[0]!;
  it.each([
    ['a duplicate playbook id', [base, base]],
    ['a duplicate task id', [{ ...base, tasks: [base.tasks[0]!, base.tasks[0]!] }]],
    ['a playbook without tasks', [{ ...base, tasks: [] }]],
    ['a due time of zero hours', [{ ...base, tasks: [{ ...base.tasks[0]!, dueInHours: 0 }] }]],
    ['an id with spaces', [{ ...base, id: 'risco critico' }]],
    ['an unknown risk factor', [{ ...base, trigger: { ...base.trigger, factor: 'weather' } }]],
  ])('refuses %s', (_l, list) => expect(playbooksSchema.safeParse(list).success).toBe(false));
});

describe('playbook texts: the defaults in each reader’s language, an admin’s words as written', () => {
  const en = createDomainTextRenderer('en');
  const pt = createDomainTextRenderer('pt-BR');
  const critical = DEFAULT_PLAYBOOKS[0]!;

  it('renders every default name, title and description in English and stores them in pt-BR', () => {
    for (const playbook of DEFAULT_PLAYBOOKS) {
      expect(playbookNameText(playbook).code).toBe('playbook.name');
      expect(pt(playbookNameText(playbook))).toBe(playbook.name);
      for (const template of playbook.tasks) {
        const text = templateText(playbook.id, template);
        expect([text.title.code, text.description?.code]).toEqual([
          'playbook.taskTitle',
          'playbook.taskDescription',
        ]);
        expect(pt(text.title)).toBe(template.title);
        expect(en(text.title)).not.toBe(template.title);
      }
    }
    expect(en(playbookNameText(critical))).toBe('Critical churn risk');
  });

  it('shows what an admin changed as written, field by field', () => {
    const [call] = critical.tasks;
    expect(playbookNameText({ id: critical.id, name: 'Risco máximo' })).toEqual({
      code: 'text',
      params: { text: 'Risco máximo' },
    });
    const retitled = templateText(critical.id, { ...call!, title: 'Ligar hoje' });
    expect(en(retitled.title)).toBe('Ligar hoje');
    expect(retitled.description?.code).toBe('playbook.taskDescription');
    // The same words under another playbook or a new template id are an admin's, not the default's.
    expect(templateText('outro', call!).title.code).toBe('text');
    expect(templateText(critical.id, { ...call!, id: 'ligacao-2' }).title.code).toBe('text');
    expect(templateText(critical.id, { ...call!, description: null }).description).toBeNull();
  });

  it("a task a default playbook made reads in the reader's language; other activities as written", () => {
    const [call, training] = tasksForAlert(alert('critical'), DEFAULT_PLAYBOOKS, NOW, context);
    expect(en(taskText(call!).title)).toBe('Emergency call within 24 h');
    expect(en(taskText(training!).description!)).toBe(
      'A free training session to re-engage the customer’s team.',
    );
    const edited = tasksForAlert(
      alert('critical'),
      [{ ...critical, tasks: [{ ...critical.tasks[0]!, title: 'Ligar já', dueInHours: 4 }] }],
      NOW,
      context,
    );
    expect(en(taskText(edited[0]!).title)).toBe('Ligar já');
    expect(taskText({ title: 'Follow-up', description: null, metadata: {} })).toEqual({
      title: { code: 'text', params: { text: 'Follow-up' } },
      description: null,
    });
  });
});

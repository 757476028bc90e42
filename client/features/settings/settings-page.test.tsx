// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet } from 'react-router';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  DeviceHealthConfig,
  OrganizationSettings,
  UserProfile,
} from '../../../shared/device-settings.ts';
import { DEFAULT_PLAYBOOKS } from '../../../shared/domain/csm/playbooks.ts';
import { createAppRoutes } from '../../app/routes.tsx';
import type { SignedInUser } from '../../../shared/identity.ts';
import { openDeviceDatabase, type DeviceDatabase } from '../../db/database.ts';
import { DeviceDataProvider } from '../../db/device-data.tsx';
import {
  createDeviceSettingsSync,
  HEALTH_CONFIG_DOC,
  ORGANIZATION_DOC,
  PLAYBOOKS_DOC,
  PENDING_PROFILE_DOC,
  PROFILE_DOC,
  PROFILE_REJECTION_DOC,
  type DeviceSettingsSync,
} from '../../db/device-settings.ts';
import { memoryStore } from '../../platform/key-value-store.ts';
import { offlineDeviceSettings, staticDeviceSessions } from '../../test/device-session.ts';
import { clientUser, json, renderApp, staffUser } from '../../test/render-app.tsx';

/**
 * `/ajustes` in the real app (routes, shell, i18n) over a real RxDB device database (memory storage): what the
 * page shows comes from the device's local documents, and what it saves lands there (and, online, goes to a
 * scripted server). jsdom + RxDB are slow: few, broad tests.
 */
const NOW = new Date('2026-11-21T12:00:00.000Z');
const adminUser: SignedInUser = {
  ...staffUser,
  id: '0190a8e4-0000-7000-8000-000000000003',
  email: 'admin@arco.example',
  name: 'Ana Admin',
  role: 'admin',
};

const organization: OrganizationSettings = {
  id: staffUser.organizationId,
  name: 'Arco Digital',
  locale: 'pt-BR',
  timeZone: 'America/Sao_Paulo',
  currency: 'BRL',
};
const healthConfig: DeviceHealthConfig = {
  weights: { productUsage: 30, engagement: 25, support: 20, payment: 15, growth: 10 },
  thresholds: { healthy: 80, atRisk: 50 },
  rules: [
    {
      id: 'low-nps',
      category: 'engagement',
      metric: 'npsScore',
      operator: 'less_than',
      value: 7,
      points: -20,
      description: 'NPS abaixo de 7',
    },
  ],
  updatedAt: '2026-10-05T14:00:00.000Z',
};
const profileOf = (user: SignedInUser, extra: Partial<UserProfile> = {}): UserProfile => ({
  id: user.id,
  name: user.name,
  email: user.email,
  role: user.role,
  customerId: user.customerId,
  locale: 'pt-BR',
  timeZone: user.timeZone,
  phone: '(11) 98888-7777',
  jobTitle: 'Gerente de sucesso do cliente',
  ...extra,
});

const opened: DeviceDatabase[] = [];
afterEach(async () => {
  cleanup();
  await Promise.all(opened.splice(0).map((d) => d.remove()));
});

type ServerCall = { url: string; method: string; body: unknown };

/** A scripted server for the settings endpoints; records what the device sent. */
function scriptedServer(answer: (call: ServerCall) => Response) {
  const calls: ServerCall[] = [];
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const call = {
      url: String(input),
      method: init?.method ?? 'GET',
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    };
    calls.push(call);
    return answer(call);
  }) as typeof fetch;
  return { fetchFn, calls };
}

async function renderSettings({
  user = staffUser,
  online = false,
  language = 'pt-BR',
  settings = offlineDeviceSettings,
  seed = async (db) => {
    await db.kv.set(ORGANIZATION_DOC, organization);
    await db.kv.set(PROFILE_DOC, profileOf(user));
    if (user.role !== 'client') await db.kv.set(HEALTH_CONFIG_DOC, healthConfig);
  },
}: {
  user?: SignedInUser;
  online?: boolean;
  language?: 'pt-BR' | 'en';
  settings?: (database: DeviceDatabase) => DeviceSettingsSync;
  seed?: (db: DeviceDatabase) => Promise<void>;
} = {}) {
  const database = await openDeviceDatabase({
    userId: user.id,
    role: user.role,
    storage: getRxStorageMemory(),
    now: () => NOW,
    onPendingCount: () => {},
    multiInstance: false,
  });
  opened.push(database);
  await seed(database);
  const sessions = staticDeviceSessions(user, database, settings(database));
  const routes = [
    {
      element: (
        <DeviceDataProvider sessions={sessions} user={user}>
          <Outlet />
        </DeviceDataProvider>
      ),
      children: createAppRoutes(),
    },
  ];
  const store = memoryStore();
  store.setItem('arco.language', language);
  const view = renderApp({
    path: '/ajustes',
    user,
    online,
    store,
    routes,
    fetchHandler: (url) =>
      url === '/api/auth/me' ? json(200, { user }) : json(404, { error: { code: 'x', message: 'x' } }),
  });
  await screen.findByRole('heading', { level: 1, name: language === 'en' ? 'Settings' : 'Ajustes' });
  return { ...view, database };
}

const region = (name: string) => screen.findByRole('region', { name });

describe('settings page: profile (offline)', () => {
  it('saves an edited phone on the device, queues it and marks it pending; the other fields are not sent', async () => {
    const user = userEvent.setup();
    const { database } = await renderSettings();
    const profile = await region('Seu perfil');
    const phone = within(profile).getByLabelText('Telefone');
    await waitFor(() => expect(phone).toHaveValue('(11) 98888-7777'));
    expect(within(profile).getByLabelText('Nome')).toHaveValue('Maria Santos');
    expect(within(profile).getByLabelText('Cargo')).toHaveValue('Gerente de sucesso do cliente');
    expect(within(profile).getByLabelText('Fuso horário')).toHaveDisplayValue(
      'São Paulo (Horário Padrão de Brasília)',
    );
    expect(within(profile).getByText('maria@arco.example')).toBeInTheDocument();
    expect(
      within(profile).getByText('Gerente de sucesso do cliente', { selector: 'dd' }),
    ).toBeInTheDocument();
    expect(within(profile).queryByText('Alteração pendente de envio')).not.toBeInTheDocument();

    await user.clear(phone);
    await user.type(phone, '+55 11 97777-0000');
    await user.selectOptions(within(profile).getByLabelText('Fuso horário'), 'America/Manaus');
    await user.click(within(profile).getByRole('button', { name: 'Salvar perfil' }));

    expect(await within(profile).findByRole('status')).toHaveTextContent(
      'Salvo neste aparelho. Será enviado quando a conexão voltar.',
    );
    expect(await within(profile).findByText('Alteração pendente de envio')).toBeInTheDocument();
    expect(await database.kv.get(PENDING_PROFILE_DOC)).toEqual({
      phone: '+55 11 97777-0000',
      timeZone: 'America/Manaus',
    });
    expect(await database.kv.get(PROFILE_DOC)).toMatchObject({
      name: 'Maria Santos',
      phone: '+55 11 97777-0000',
      timeZone: 'America/Manaus',
    });
    expect(phone).toHaveValue('+55 11 97777-0000');
  }, 60_000);

  it('refuses an invalid phone next to the field, focuses it and writes nothing', async () => {
    const user = userEvent.setup();
    const { database } = await renderSettings();
    const profile = await region('Seu perfil');
    const phone = within(profile).getByLabelText('Telefone');
    await waitFor(() => expect(phone).toHaveValue('(11) 98888-7777'));
    await user.clear(phone);
    await user.type(phone, 'ligar às 9h');
    await user.click(within(profile).getByRole('button', { name: 'Salvar perfil' }));

    expect(
      await within(profile).findByText('Use apenas números, espaços e + ( ) . - no telefone.'),
    ).toHaveAttribute('id');
    expect(phone).toHaveAttribute('aria-invalid', 'true');
    expect(phone).toHaveAccessibleDescription(/Use apenas números, espaços e \+ \( \) \. - no telefone\./);
    expect(phone).toHaveFocus();
    expect(within(profile).getByRole('status')).toHaveTextContent('Confira os campos destacados.');
    expect(await database.kv.get(PENDING_PROFILE_DOC)).toBeUndefined();
    expect(await database.kv.get(PROFILE_DOC)).toMatchObject({ phone: '(11) 98888-7777' });

    // Fixing the field clears its error.
    await user.clear(phone);
    expect(phone).not.toHaveAttribute('aria-invalid');
  }, 60_000);

  it('shows a refusal recorded by the server until the next edit', async () => {
    await renderSettings({
      seed: async (db) => {
        await db.kv.set(PROFILE_DOC, profileOf(staffUser));
        await db.kv.set(PROFILE_REJECTION_DOC, {
          message: 'Use only digits, spaces and + ( ) . - in the phone number.',
          fields: ['phone'],
          update: { phone: '0800 ARCO' },
          at: NOW.toISOString(),
        });
      },
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'O servidor recusou sua alteração do perfil (Telefone) e manteve os dados anteriores.',
    );
    // The organization has not arrived on this device yet.
    expect(await region('Organização')).toHaveTextContent(
      'Os dados da organização aparecem aqui depois da primeira sincronização.',
    );
  }, 60_000);

  it('saves online: the server gets only the changed field and the device shows it as saved', async () => {
    const user = userEvent.setup();
    const server = scriptedServer(({ body }) =>
      json(200, { profile: { ...profileOf(staffUser), ...(body as object) } }),
    );
    await renderSettings({
      online: true,
      settings: (db) =>
        createDeviceSettingsSync({ fetch: server.fetchFn, baseUrl: '', kv: db.kv, now: () => NOW }),
    });
    const profile = await region('Seu perfil');
    const jobTitle = within(profile).getByLabelText('Cargo');
    await waitFor(() => expect(jobTitle).toHaveValue('Gerente de sucesso do cliente'));
    await user.clear(jobTitle);
    await user.type(jobTitle, 'Head de CS');
    await user.click(within(profile).getByRole('button', { name: 'Salvar perfil' }));
    expect(await within(profile).findByText('Perfil salvo.')).toBeInTheDocument();
    expect(server.calls).toEqual([
      { url: '/api/settings/profile', method: 'PATCH', body: { jobTitle: 'Head de CS' } },
    ]);
    expect(within(profile).queryByText('Alteração pendente de envio')).not.toBeInTheDocument();
  }, 60_000);
});

describe('settings page: organization and health score', () => {
  it('a CSM reads the organization and the weights offline, without an edit form', async () => {
    await renderSettings();
    const org = await region('Organização');
    await within(org).findByText('Arco Digital');
    expect(org).toHaveTextContent('Horário Padrão de Brasília');
    expect(org).toHaveTextContent('Real brasileiro (BRL)');

    const health = await region('Health Score');
    const weights = await within(health).findAllByRole('listitem');
    expect(weights.slice(0, 5).map((li) => li.textContent)).toEqual([
      'Uso do produto30%',
      'Engajamento25%',
      'Suporte20%',
      'Pagamento15%',
      'Crescimento10%',
    ]);
    expect(weights.slice(5).map((li) => li.textContent)).toEqual([
      'Saudável: 80 ou mais',
      'Em risco: 50 a 79',
      'Crítico: abaixo de 50',
    ]);
    expect(health).toHaveTextContent('Atualizado em 05/10/2026');
    expect(health).toHaveTextContent('Somente administradores podem alterar.');
    expect(within(health).queryByRole('button', { name: 'Editar pesos' })).not.toBeInTheDocument();
  }, 60_000);

  it("formats dates in the profile's time zone, which may differ from the one the session started with", async () => {
    // 02:00 UTC on 6 Oct is still 5 Oct in São Paulo (UTC−3) but already 6 Oct in Fernando de Noronha (UTC−2).
    const lateNight = { ...healthConfig, updatedAt: '2026-10-06T02:00:00.000Z' };
    await renderSettings({
      seed: async (db) => {
        await db.kv.set(ORGANIZATION_DOC, organization);
        await db.kv.set(PROFILE_DOC, profileOf(staffUser, { timeZone: 'America/Noronha' }));
        await db.kv.set(HEALTH_CONFIG_DOC, lateNight);
      },
    });
    expect(staffUser.timeZone).toBe('America/Sao_Paulo');
    await waitFor(async () =>
      expect(await region('Health Score')).toHaveTextContent('Atualizado em 06/10/2026'),
    );
  });

  it('a client user sees no health section, even with a health configuration on the device', async () => {
    await renderSettings({
      user: clientUser,
      seed: async (db) => {
        await db.kv.set(ORGANIZATION_DOC, organization);
        await db.kv.set(PROFILE_DOC, profileOf(clientUser));
        await db.kv.set(HEALTH_CONFIG_DOC, healthConfig); // never fetched for a client; must not show anyway
      },
    });
    await region('Seu perfil');
    await within(await region('Organização')).findByText('Arco Digital');
    expect(screen.queryByRole('region', { name: 'Health Score' })).not.toBeInTheDocument();
    expect(screen.queryByText('Uso do produto')).not.toBeInTheDocument();
  }, 60_000);

  it('an admin offline: the form opens but saving is disabled with the reason', async () => {
    const user = userEvent.setup();
    await renderSettings({ user: adminUser });
    const health = await region('Health Score');
    await user.click(await within(health).findByRole('button', { name: 'Editar pesos' }));
    expect(within(health).getByLabelText('Uso do produto')).toHaveFocus();
    const save = within(health).getByRole('button', { name: 'Salvar pesos' });
    expect(save).toBeDisabled();
    expect(save).toHaveAccessibleDescription(
      'Conecte-se para alterar os pesos: a mudança vale para toda a equipe.',
    );
  }, 60_000);

  it('an admin online: a sum other than 100 cannot be saved; a valid change replaces the local copy', async () => {
    const user = userEvent.setup();
    const saved = { ...healthConfig, updatedAt: '2026-11-21T12:00:00.000Z' };
    const server = scriptedServer(({ body }) =>
      json(200, { health: { ...(body as object), updatedAt: saved.updatedAt } }),
    );
    const { database } = await renderSettings({
      user: adminUser,
      online: true,
      settings: (db) =>
        createDeviceSettingsSync({ fetch: server.fetchFn, baseUrl: '', kv: db.kv, now: () => NOW }),
    });
    const health = await region('Health Score');
    await user.click(await within(health).findByRole('button', { name: 'Editar pesos' }));
    const usage = within(health).getByLabelText('Uso do produto');
    const growth = within(health).getByLabelText('Crescimento');
    expect(within(health).getByText('Soma: 100%')).toHaveAttribute('role', 'status');

    await user.clear(growth);
    await user.type(growth, '5');
    expect(within(health).getByText('Soma: 95% — precisa ser 100%')).toHaveAttribute('role', 'status');
    await user.click(within(health).getByRole('button', { name: 'Salvar pesos' }));
    expect(await within(health).findByRole('alert')).toHaveTextContent(
      'Os pesos somam 95%. Ajuste para que somem exatamente 100%.',
    );
    expect(usage).toHaveFocus();
    expect(server.calls).toEqual([]);
    expect(await database.kv.get(HEALTH_CONFIG_DOC)).toEqual(healthConfig);

    await user.clear(usage);
    await user.type(usage, '35');
    await user.clear(within(health).getByLabelText('Saudável a partir de'));
    await user.type(within(health).getByLabelText('Saudável a partir de'), '85');
    expect(within(health).getByText('Soma: 100%')).toBeInTheDocument();
    await user.click(within(health).getByRole('button', { name: 'Salvar pesos' }));

    expect(await within(health).findByText(/^Pesos salvos\./)).toHaveAttribute('role', 'status');
    const expected = {
      weights: { productUsage: 35, engagement: 25, support: 20, payment: 15, growth: 5 },
      thresholds: { healthy: 85, atRisk: 50 },
      rules: healthConfig.rules, // not edited here, sent back unchanged
    };
    expect(server.calls).toEqual([{ url: '/api/settings/health', method: 'PUT', body: expected }]);
    expect(await database.kv.get(HEALTH_CONFIG_DOC)).toEqual({ ...expected, updatedAt: saved.updatedAt });
    // The form closed, the read-only view shows the new values and focus is back on the button.
    expect(within(health).getByRole('button', { name: 'Editar pesos' })).toHaveFocus();
    expect(health).toHaveTextContent('Uso do produto35%');
    expect(health).toHaveTextContent('Saudável: 85 ou mais');
    expect(health).toHaveTextContent('Em risco: 50 a 84');
  }, 60_000);

  it('an admin online: a refusal by the server is said, the form stays open', async () => {
    const user = userEvent.setup();
    const server = scriptedServer(() => json(403, { error: { code: 'forbidden', message: 'admins only' } }));
    await renderSettings({
      user: adminUser,
      online: true,
      settings: (db) =>
        createDeviceSettingsSync({ fetch: server.fetchFn, baseUrl: '', kv: db.kv, now: () => NOW }),
    });
    const health = await region('Health Score');
    await user.click(await within(health).findByRole('button', { name: 'Editar pesos' }));
    await user.click(within(health).getByRole('button', { name: 'Salvar pesos' }));
    expect(await within(health).findByRole('alert')).toHaveTextContent(
      'Somente administradores podem alterar os pesos.',
    );
    expect(within(health).getByLabelText('Uso do produto')).toBeInTheDocument();
  }, 60_000);
});

describe('settings page in English', () => {
  it('renders the profile, organization and health sections in English', async () => {
    const user = userEvent.setup();
    await renderSettings({ language: 'en' });
    const profile = await region('Your profile');
    await waitFor(() => expect(within(profile).getByLabelText('Phone')).toHaveValue('(11) 98888-7777'));
    expect(within(profile).getByLabelText('Time zone')).toHaveDisplayValue(
      'São Paulo (Brasilia Standard Time)',
    );
    await within(await region('Organization')).findByText('Brazilian Real (BRL)');
    const health = await region('Health Score');
    expect(health).toHaveTextContent('Product usage30%');
    expect(health).toHaveTextContent('Healthy: 80 or more');
    expect(health).toHaveTextContent('At risk: 50 to 79');
    expect(health).toHaveTextContent('Critical: below 50');
    expect(health).toHaveTextContent('Updated on Oct 5, 2026');
    expect(health).toHaveTextContent('Only administrators can change them.');

    const phone = within(profile).getByLabelText('Phone');
    await user.clear(phone);
    await user.type(phone, 'x');
    await user.click(within(profile).getByRole('button', { name: 'Save profile' }));
    expect(
      await within(profile).findByText('Use only digits, spaces and + ( ) . - in the phone number.'),
    ).toBeInTheDocument();
  }, 60_000);
});

describe('settings page: playbooks', () => {
  const SAVED_AT = '2026-11-21T12:00:00.000Z';
  const playbooksServer = () =>
    scriptedServer(({ body }) => json(200, { playbooks: { playbooks: body, updatedAt: SAVED_AT } }));
  const online = (server: ReturnType<typeof playbooksServer>) => ({
    user: adminUser,
    online: true,
    settings: (db: DeviceDatabase) =>
      createDeviceSettingsSync({ fetch: server.fetchFn, baseUrl: '', kv: db.kv, now: () => NOW }),
  });

  it('a CSM reads the default playbooks offline and cannot edit them', async () => {
    await renderSettings();
    const section = await region('Playbooks');
    const list = within(section).getByRole('list', { name: 'Playbooks da organização' });
    const cards = within(list)
      .getAllByRole('listitem')
      .filter((li) => li.parentElement === list);
    expect(cards.map((c) => within(c).getByRole('heading').textContent)).toEqual([
      'Risco crítico de churn',
      'Cliente em risco',
      'Contato principal saiu',
    ]);
    expect(cards[0]).toHaveTextContent('Quando: Alerta de risco · crítico');
    expect(cards[0]).toHaveTextContent('Ligação de emergência em 24 h prazo de 1 dia');
    expect(cards[0]).toHaveTextContent('Oferecer treinamento gratuito prazo de 3 dias');
    expect(cards[2]).toHaveTextContent(
      'Quando: Alerta de risco · qualquer nível · com o fator “Contato principal saiu da empresa”',
    );
    expect(section).toHaveTextContent('Os playbooks padrão do produto: ainda não alterados.');
    expect(within(section).getByText('Só administradores alteram os playbooks.')).toBeInTheDocument();
    expect(within(section).queryByRole('button', { name: 'Editar playbooks' })).not.toBeInTheDocument();
  }, 60_000);

  it('an admin offline: the form opens with the playbooks, saving waits for the connection', async () => {
    const user = userEvent.setup();
    await renderSettings({ user: adminUser });
    const section = await region('Playbooks');
    await user.click(within(section).getByRole('button', { name: 'Editar playbooks' }));
    expect(within(section).getAllByLabelText('Nome do playbook')[0]).toHaveValue('Risco crítico de churn');
    const save = within(section).getByRole('button', { name: 'Salvar playbooks' });
    expect(save).toBeDisabled();
    expect(save).toHaveAccessibleDescription(/^Sem conexão: as alterações ficam neste formulário/);
  }, 60_000);

  it('an admin online: errors show in place; edits, a new task and a removed playbook are saved', async () => {
    const user = userEvent.setup();
    const server = playbooksServer();
    const { database } = await renderSettings(online(server));
    const section = await region('Playbooks');
    await user.click(within(section).getByRole('button', { name: 'Editar playbooks' }));
    const critical = within(section).getByRole('group', { name: 'Risco crítico de churn' });
    const call = within(critical).getByRole('group', { name: 'Tarefa 1' });

    // An empty title and a due time of 0: refused on the device, errors next to the fields, focus on the first.
    await user.clear(within(call).getByLabelText('Título da tarefa'));
    await user.clear(within(call).getByLabelText('Prazo'));
    await user.type(within(call).getByLabelText('Prazo'), '0');
    await user.click(within(section).getByRole('button', { name: 'Salvar playbooks' }));
    expect(await within(section).findByRole('alert')).toHaveTextContent('Corrija os campos marcados.');
    const title = within(call).getByLabelText('Título da tarefa');
    expect(title).toHaveFocus();
    expect(title).toHaveAccessibleDescription('Preencha este campo.');
    expect(within(call).getByLabelText('Prazo')).toHaveAccessibleDescription(
      'Informe um número inteiro maior que zero. Depois que o alerta é reconhecido; de 1 hora a 90 dias.',
    );
    expect(server.calls).toEqual([]);

    await user.type(title, 'Ligar hoje');
    await user.clear(within(call).getByLabelText('Prazo'));
    await user.type(within(call).getByLabelText('Prazo'), '6');
    await user.selectOptions(within(call).getByLabelText('Unidade do prazo'), 'horas');
    // A second task for the warning playbook; the main-contact playbook goes.
    const warning = within(section).getByRole('group', { name: 'Cliente em risco' });
    await user.click(within(warning).getByRole('button', { name: 'Adicionar tarefa' }));
    const added = within(warning).getByRole('group', { name: 'Tarefa 2' });
    expect(within(added).getByLabelText('Título da tarefa')).toHaveFocus();
    await user.type(within(added).getByLabelText('Título da tarefa'), 'Enviar relatório de ROI');
    await user.clear(within(added).getByLabelText('Prazo'));
    await user.type(within(added).getByLabelText('Prazo'), '3');
    const contact = within(section).getByRole('group', { name: 'Contato principal saiu' });
    await user.click(within(contact).getByRole('button', { name: 'Remover playbook' }));
    await user.click(within(section).getByRole('button', { name: 'Salvar playbooks' }));

    expect(await within(section).findByText(/^Playbooks salvos\./)).toHaveAttribute('role', 'status');
    expect(server.calls).toHaveLength(1);
    const [sent] = server.calls;
    expect(sent).toMatchObject({ url: '/api/settings/playbooks', method: 'PUT' });
    const [criticalSent, warningSent, ...rest] = sent!.body as typeof DEFAULT_PLAYBOOKS;
    expect(rest).toEqual([]);
    expect(criticalSent!.tasks).toEqual([
      { ...DEFAULT_PLAYBOOKS[0]!.tasks[0], title: 'Ligar hoje', dueInHours: 6 },
      DEFAULT_PLAYBOOKS[0]!.tasks[1],
    ]);
    expect(warningSent!.tasks[1]).toMatchObject({
      id: expect.stringMatching(/^t-[0-9a-f]{8}$/),
      title: 'Enviar relatório de ROI',
      description: null,
      dueInHours: 72,
    });
    expect(await database.kv.get(PLAYBOOKS_DOC)).toEqual({ playbooks: sent!.body, updatedAt: SAVED_AT });
    // Back to the read-only view with the new words and the date; focus on the button.
    expect(within(section).getByRole('button', { name: 'Editar playbooks' })).toHaveFocus();
    expect(section).toHaveTextContent('Ligar hoje prazo de 6 horas');
    expect(section).toHaveTextContent('Enviar relatório de ROI prazo de 3 dias');
    expect(section).toHaveTextContent('Alterados em 21/11/2026.');
  }, 60_000);

  it('in English the defaults read in English; saving unchanged keeps their stored pt-BR words', async () => {
    const user = userEvent.setup();
    const server = playbooksServer();
    await renderSettings({ ...online(server), language: 'en' });
    const section = await region('Playbooks');
    expect(section).toHaveTextContent('Critical churn risk');
    expect(section).toHaveTextContent('Emergency call within 24 h due in 1 day');
    await user.click(within(section).getByRole('button', { name: 'Edit playbooks' }));
    expect(within(section).getAllByLabelText('Task title')[0]).toHaveValue('Emergency call within 24 h');
    await user.click(within(section).getByRole('button', { name: 'Save playbooks' }));
    expect(await within(section).findByText(/^Playbooks saved\./)).toBeInTheDocument();
    expect(server.calls.map((c) => c.body)).toEqual([DEFAULT_PLAYBOOKS]);
  }, 60_000);
});

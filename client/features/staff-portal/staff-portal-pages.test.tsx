// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { makeCampaign, makeLead } from '../../../shared/domain/portal/test-fixtures.ts';
import type { DeviceDatabase } from '../../db/database.ts';
import { json, type FetchHandler } from '../../test/render-app.tsx';
import { CUSTOMER_ID, customer } from '../../test/portal-fixtures.ts';
import { staffRenderer } from '../../test/render-staff.tsx';
import type { Content } from '../../../shared/entities/portal.ts';
import { fixture } from '../../../sync/testing/fixtures.ts';
import { staffCampaignPath, staffContentPath, staffLeadPath } from './paths.ts';

/**
 * The staff routes of a customer's portal screens in the real app over a staff device database: the client's
 * own pipeline and lead screens with the leads from the staff endpoint, read-only; offline, a readable message
 * instead of an empty pipeline (and no request); the campaigns from the device, offline too, with their links
 * under the staff URLs; an unknown customer is "não encontrado".
 */
const { renderStaff, removeDatabases } = staffRenderer();
afterEach(async () => {
  cleanup();
  await removeDatabases();
});

const LOAD = { timeout: 10_000 };
const carlos = makeLead({ customerId: CUSTOMER_ID, name: 'Carlos Mendes', stage: 'qualified' });
const ana = makeLead({
  id: '0199a0e0-0000-7000-8000-0000000000a2',
  customerId: CUSTOMER_ID,
  name: 'Ana Lima',
  stage: 'new',
});
const campaign = makeCampaign(1, { customerId: CUSTOMER_ID });

const seedCustomer = async (db: DeviceDatabase) => {
  await db.collections.customers!.insert(customer({ name: 'TechCorp LTDA' }));
  await db.collections.campaigns!.insert(campaign);
};

const endpoint = `/api/staff-portal/customers/${CUSTOMER_ID}/leads`;
const contentEndpoint = `/api/staff-portal/customers/${CUSTOMER_ID}/content`;
const webinar = {
  ...(fixture('content', '0199a0e0-0000-7000-8000-0000000000e1') as Content),
  kind: 'event' as const,
  title: 'Webinar: Google Ads',
  slug: 'webinar-google-ads',
  category: 'webinar',
  startsAt: '2026-11-28T17:00:00.000Z',
  endsAt: '2026-11-28T18:00:00.000Z',
  maxAttendees: 50,
  attendees: 47,
};
const people = [
  {
    userId: '0199a0e0-0000-7000-8000-0000000000f1',
    name: 'Pedro Almeida',
    reading: [],
    eventRegistrations: [
      {
        contentId: webinar.id,
        status: 'registered',
        registeredAt: '2026-11-20T12:00:00.000Z',
        waitlistPosition: null,
      },
    ],
  },
];
const server =
  (seen: string[]): FetchHandler =>
  (url) => {
    seen.push(url);
    return url === endpoint
      ? json(200, { customerId: CUSTOMER_ID, leads: [carlos, ana] })
      : url === contentEndpoint
        ? json(200, { customerId: CUSTOMER_ID, content: [webinar], people })
        : json(404, { error: { code: 'not_found', message: 'Not found.' } });
  };

describe('staff portal routes', () => {
  it("/clientes/:id/leads shows the client's pipeline from the staff endpoint, read-only", async () => {
    const seen: string[] = [];
    await renderStaff(`/clientes/${CUSTOMER_ID}/leads`, {
      seed: seedCustomer,
      online: true,
      fetchHandler: server(seen),
    });
    await screen.findByRole('heading', { level: 1, name: 'Leads — TechCorp LTDA' }, LOAD);
    const link = await screen.findByRole('link', { name: 'Carlos Mendes' }, LOAD);
    expect(link).toHaveAttribute('href', staffLeadPath(CUSTOMER_ID, carlos.id));
    expect(screen.getByRole('link', { name: 'Ana Lima' })).toBeInTheDocument();
    expect(screen.getByText(/Somente leitura/)).toBeInTheDocument();
    expect(screen.getByText(/O funil de vendas do cliente/)).toBeInTheDocument();
    expect(screen.queryByText(/arraste um lead/)).toBeNull();
    expect(screen.queryByRole('button', { name: /^Mover / })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Novo lead' })).toBeNull();
    expect(seen).toContain(endpoint);
    const bar = screen.getByRole('navigation', { name: 'Portal de TechCorp LTDA' });
    expect(within(bar).getByRole('link', { name: /Voltar para TechCorp LTDA/ })).toHaveAttribute(
      'href',
      `/clientes/${CUSTOMER_ID}`,
    );
  });

  it('/clientes/:id/leads/:leadId shows the score and timeline without the stage and log forms', async () => {
    await renderStaff(staffLeadPath(CUSTOMER_ID, carlos.id), {
      seed: seedCustomer,
      online: true,
      fetchHandler: server([]),
    });
    await screen.findByRole('heading', { level: 1, name: 'Carlos Mendes' }, LOAD);
    expect(screen.getByRole('region', { name: 'Lead scoring' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Histórico de comunicação' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Registrar interação' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Etapa do funil' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Voltar aos leads' })).toHaveAttribute(
      'href',
      `/clientes/${CUSTOMER_ID}/leads`,
    );
  });

  it('offline, the leads screen says they need a connection and asks nothing of the server', async () => {
    const seen: string[] = [];
    await renderStaff(`/clientes/${CUSTOMER_ID}/leads`, { seed: seedCustomer, fetchHandler: server(seen) });
    await screen.findByRole('heading', { level: 1, name: 'Leads — TechCorp LTDA' }, LOAD);
    expect(await screen.findByText(/vê-los precisa de conexão/, {}, LOAD)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Tentar de novo' })).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Resumo do funil' })).toBeNull();
    expect(seen).not.toContain(endpoint);
  });

  it('/clientes/:id/campanhas opens offline from the device, links kept under the staff URLs', async () => {
    await renderStaff(`/clientes/${CUSTOMER_ID}/campanhas`, { seed: seedCustomer });
    await screen.findByRole('heading', { level: 1, name: 'Campanhas — TechCorp LTDA' }, LOAD);
    const link = await screen.findByRole('link', { name: 'Serviços Premium' }, LOAD);
    expect(link).toHaveAttribute('href', staffCampaignPath(CUSTOMER_ID, campaign.id));
    expect(
      screen.getByText(/o CPL e os leads por campanha aparecem quando houver conexão/),
    ).toBeInTheDocument();
  });

  it("/clientes/:id/conteudo shows each user's progress and who registered for the upcoming events", async () => {
    await renderStaff(staffContentPath(CUSTOMER_ID), {
      seed: seedCustomer,
      online: true,
      fetchHandler: server([]),
    });
    await screen.findByRole('heading', { level: 1, name: 'Conteúdo — TechCorp LTDA' }, LOAD);
    const progress = await screen.findByRole('region', { name: 'Progresso de aprendizado' }, LOAD);
    expect(within(progress).getByText('Pedro Almeida')).toBeInTheDocument();
    expect(within(progress).getByText(/^0 artigos? lidos?$/)).toBeInTheDocument();
    const events = screen.getByRole('region', { name: 'Próximos eventos' });
    expect(within(events).getByText('Webinar: Google Ads')).toBeInTheDocument();
    expect(within(events).getByText('3 vagas restantes')).toBeInTheDocument();
    expect(within(events).getByText('Inscritos do cliente: Pedro Almeida')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Garantir vaga' })).toBeNull();
  });

  it('offline, the content screen says it needs a connection', async () => {
    await renderStaff(staffContentPath(CUSTOMER_ID), { seed: seedCustomer, fetchHandler: server([]) });
    await screen.findByRole('heading', { level: 1, name: 'Conteúdo — TechCorp LTDA' }, LOAD);
    expect(await screen.findByText(/vê-los precisa de conexão/, {}, LOAD)).toBeInTheDocument();
  });

  it('an unknown customer is "Cliente não encontrado", not an empty screen', async () => {
    await renderStaff('/clientes/0199a0e0-0000-7000-8000-0000000dead0/leads', { seed: seedCustomer });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Cliente não encontrado' }, LOAD),
    ).toBeInTheDocument();
  });
});

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ga4FakeDay, ga4FakeRealtime } from '../../server/integrations/fakes/ga4-fake.ts';
import { signInApi } from './support/api-client.ts';
import { seriousAxeViolations } from './support/axe.ts';
import { captureAtWidths, signInThroughUi, waitForFirstSync } from './support/device.ts';
import { journeyEnvironment } from './support/journey-environment.ts';

/**
 * Data connections (issue 17 items 1–2), in headless Debian Chromium against the real built app and server
 * (its GA4 calls answered by the in-process fake, INTEGRATIONS_FAKE's default outside production): Maria opens
 * TechCorp's Connections from its Customer 360 at 360 px, connects Google Analytics 4 with a property id and an
 * OAuth refresh token with its client id and secret (OAuth redirects cannot run here; the server exchanges the
 * refresh token at the local fake of Google's token endpoint), runs "Importar agora" (the run's time, status and
 * rows shown, no secret anywhere on the page), and TechCorp's client sees the imported sessions of today and
 * yesterday in the performance screen's sessions table, and on its "ao vivo" panel GA4 realtime's active users
 * and conversions of the last 30 minutes (the server polls the fake's runRealtimeReport while the panel is open).
 */
const env = journeyEnvironment();
const PROPERTY = '123456';
const REFRESH_TOKEN = '1//journey-refresh-0123456789';
const CLIENT_ID = '1234-journey.apps.googleusercontent.com';
const CLIENT_SECRET = 'GOCSPX-journey-secret-0123';
const ZONE = 'America/Sao_Paulo';
const localDate = (at: Date) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
const pt = (n: number) => new Intl.NumberFormat('pt-BR').format(n);

const ga4Card = (page: Page) => page.getByRole('region', { name: 'Google Analytics 4' });

describe('data connections', () => {
  it('staff connect GA4 (fake) for TechCorp, import now, and the client’s performance screen shows the figures', async () => {
    const origin = env.server().origin;
    const clientApi = await signInApi(origin, 'cliente@techcorp.example');
    const customerId = clientApi.user.customerId!;

    const device = await env.launch({ width: 360, height: 780 });
    const page = await signInThroughUi(device.context, origin, 'maria@arco.example', '/clientes');
    await waitForFirstSync(page);
    await page.goto(`${origin}/clientes/${customerId}`);
    await page.getByRole('heading', { level: 1, name: 'TechCorp LTDA' }).waitFor({ timeout: 30_000 });
    await page.getByRole('link', { name: 'Conexões de dados' }).click();
    await page.getByRole('heading', { level: 1, name: 'Conexões de dados' }).waitFor({ timeout: 30_000 });
    const card = ga4Card(page);
    await card.getByText('Não conectado').waitFor({ timeout: 30_000 });
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Connect with the keyboard-reachable form: property id, then OAuth's refresh token and client.
    await card.getByLabel('ID da propriedade').fill(PROPERTY);
    await card.getByRole('radio', { name: 'OAuth (refresh token)' }).check();
    await card.getByLabel('Refresh token', { exact: true }).fill(REFRESH_TOKEN);
    await card.getByLabel('Client ID', { exact: true }).fill(CLIENT_ID);
    await card.getByLabel('Client secret', { exact: true }).fill(CLIENT_SECRET);
    await card.getByRole('button', { name: 'Conectar' }).click();
    await card.getByText(`Conectado à conta ${PROPERTY}`).waitFor({ timeout: 30_000 });
    await card.getByText('por OAuth (refresh token)').waitFor();
    expect(await card.getByLabel('Refresh token', { exact: true }).count()).toBe(0);

    await card.getByRole('button', { name: 'Importar agora' }).click();
    await page.getByText('Google Analytics 4: importação concluída, 28 linhas.').waitFor({ timeout: 60_000 });
    await expect.poll(() => card.locator('dd').first().innerText()).toMatch(/— concluída, 28 linhas$/);
    const html = await page.content();
    for (const secret of [REFRESH_TOKEN, CLIENT_SECRET]) expect(html).not.toContain(secret);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await captureAtWidths(page, 'connections', { scrollTo: page.getByRole('heading', { level: 1 }) });

    // TechCorp's client: today's and yesterday's sessions as GA4 (the fake) reported them.
    const today = localDate(new Date());
    const yesterday = localDate(new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000));
    const client = await env.launch({ width: 390, height: 844 });
    const portal = await signInThroughUi(client.context, origin, 'cliente@techcorp.example', '/inicio');
    await waitForFirstSync(portal);
    await portal.goto(`${origin}/inicio/desempenho`);
    await portal.getByRole('heading', { level: 1, name: 'Desempenho' }).waitFor({ timeout: 30_000 });
    const table = portal.getByRole('region', { name: 'Sessões', exact: true }).getByRole('table');
    for (const date of [yesterday, today]) {
      const sessions = ga4FakeDay(PROPERTY, date).sessions;
      await expect.poll(() => table.innerText(), { timeout: 60_000 }).toContain(pt(sessions));
    }

    // Ao vivo: GA4 realtime is TechCorp's live source now — its 30-minute figures, named as such, not visits.
    const live = portal.getByRole('region', { name: 'Ao vivo', exact: true });
    const realtime = ga4FakeRealtime(PROPERTY);
    await expect
      .poll(() => live.innerText(), { timeout: 60_000 })
      .toContain(`${pt(realtime.activeUsers)} usuários ativos nos últimos 30 min`);
    const text = await live.innerText();
    expect(text).toContain(`${pt(realtime.keyEvents)} conversões nos últimos 30 min`);
    expect(text).toContain('Fonte: Google Analytics 4 (tempo real)');
    expect(text).not.toContain('visitantes ativos');
    expect(await seriousAxeViolations(portal)).toEqual([]);
  }, 300_000);
});

import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFocusNfseFake } from '../../server/nfse/fakes/focus-nfse-fake.ts';
import { signInApi } from './support/api-client.ts';
import { seriousAxeViolations } from './support/axe.ts';
import { captureAtWidths, signInThroughUi, waitForFirstSync } from './support/device.ts';
import { journeyEnvironment } from './support/journey-environment.ts';

/**
 * NFS-e (issue 17 item 5) in headless Debian Chromium against the real built app and server, configured with a
 * local Focus NFe fake over HTTP: TechCorp's client pays INV-1235 ("Pagar", the fake gateway), a CSM issues its
 * NFS-e from the Customer 360's payment history ("Emitir NFS-e": sent, processing; "Atualizar situação"). The
 * fake city hall refuses it: TechCorp's CNPJ is no longer active at the Receita. The CSM types the company's new,
 * alphanumeric CNPJ in "Editar dados" (lowercase, with its mask: stored bare and uppercase), and "Reenviar
 * NFS-e" sends a second nota under the next ref: authorized, "Baixar NFe". The client's invoice screen offers
 * "Baixar NFe" linking to the nota's PDF, which the browser can fetch, and the nota's number.
 */
const TOKEN = 'journey-focus-token';
let focus: { close: () => void; origin: string } | undefined;
let fake: ReturnType<typeof createFocusNfseFake> | undefined;
/** Read by the fake at each nota: TechCorp's demo CNPJ is put here once known (closed at the Receita). */
const inactiveTakers: string[] = [];
/** TechCorp's new CNPJ, alphanumeric (IN RFB 2.229/2024), as a CSM might type it. */
const NEW_CNPJ_TYPED = '12.abc.345/01de-35';
const NEW_CNPJ = '12ABC34501DE35';

beforeAll(async () => {
  // Started before the app server (hooks run in order), which reads its address from the environment.
  const server = serve({ fetch: (req) => fake!.fetch(req), port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake = createFocusNfseFake({ origin, inactiveTakers });
  focus = { origin, close: () => server.close() };
});
afterAll(() => focus?.close());

const env = journeyEnvironment({
  env: () => ({
    NFSE_BASE_URL: focus!.origin,
    NFSE_TOKEN: TOKEN,
    NFSE_PRESTADOR_CNPJ: '12.345.678/0001-95',
    NFSE_INSCRICAO_MUNICIPAL: '1234567',
    NFSE_CODIGO_MUNICIPIO: '3550308',
  }),
});

describe('NFS-e of a paid invoice', () => {
  it('the client pays, staff issue the nota, and the invoice screen offers "Baixar NFe"', async () => {
    const origin = env.server().origin;
    const clientApi = await signInApi(origin, 'cliente@techcorp.example');
    const open = (await clientApi.pullAll('invoices')).find((i) => i.number === 'INV-1235')!;
    expect(open).toMatchObject({ status: 'pending', nfeUrl: null });

    const { context } = await env.launch({ width: 390, height: 844 });
    const page = await signInThroughUi(context, origin, 'cliente@techcorp.example', '/inicio');
    await waitForFirstSync(page);
    await page.goto(`${origin}/inicio/faturas/${open.id}`);
    await page.getByRole('button', { name: 'Pagar', exact: true }).click();
    await page.getByText('Fatura paga. Obrigado!').waitFor({ timeout: 30_000 });
    await page.getByText('A nota fiscal está sendo emitida e aparece aqui em breve.').waitFor();

    // A CSM issues the nota in Chromium from the Customer 360's payment history: sent (processing), then read as
    // authorized by the fake city hall. TechCorp carries a CNPJ (demo data), sent as the taker's.
    const techcorp = (await clientApi.pullAll('customers'))[0]!;
    expect(techcorp.cnpj).toMatch(/^\d{14}$/);
    inactiveTakers.push(String(techcorp.cnpj));
    const staff = await env.launch({ width: 1280, height: 800 });
    const staffPage = await signInThroughUi(staff.context, origin, 'maria@arco.example', '/clientes');
    await waitForFirstSync(staffPage);
    await staffPage.goto(`${origin}/clientes/${techcorp.id}/contratos`);
    const history = staffPage.getByRole('region', { name: 'Histórico de pagamentos' });
    await history.waitFor({ timeout: 30_000 });
    const viewAll = history.getByRole('button', { name: /^Ver todas/ });
    if (await viewAll.isVisible()) await viewAll.click();
    const row = history.getByRole('row').filter({ hasText: 'INV-1235' });
    await row.getByRole('button', { name: 'Emitir NFS-e' }).click({ timeout: 60_000 });
    await row.getByText('Em processamento na prefeitura.').waitFor({ timeout: 30_000 });
    expect(await seriousAxeViolations(staffPage)).toEqual([]);
    await captureAtWidths(staffPage, 'staff-nfse-processing', { scrollTo: history });
    await row.getByRole('button', { name: 'Atualizar situação' }).click();
    // Refused by the city hall: its words, what to fix, and "Reenviar NFS-e".
    await row
      .getByText('E165: CNPJ do tomador não está ativo na Receita Federal')
      .waitFor({ timeout: 30_000 });
    const resend = row.getByRole('button', { name: 'Reenviar NFS-e' });
    expect(await resend.getAttribute('aria-describedby')).toBeTruthy();
    expect(await seriousAxeViolations(staffPage)).toEqual([]);
    await captureAtWidths(staffPage, 'staff-nfse-refused', { scrollTo: history });

    // The company's new CNPJ, alphanumeric, typed in "Editar dados" as people do (mask, lowercase).
    await staffPage.getByRole('button', { name: 'Editar dados' }).click();
    const dialog = staffPage.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /^CNPJ/ }).fill(NEW_CNPJ_TYPED);
    await dialog.getByRole('button', { name: 'Salvar' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 30_000 });
    // Pushed by the device: the server holds it before the nota is sent again.
    await expect
      .poll(async () => (await clientApi.pullAll('customers'))[0]!.cnpj, { timeout: 30_000 })
      .toBe(NEW_CNPJ);
    await resend.click();
    await row.getByText('Em processamento na prefeitura.').waitFor({ timeout: 30_000 });
    await row.getByRole('button', { name: 'Atualizar situação' }).click();
    const staffLink = row.getByRole('link', { name: 'Baixar NFe' });
    await staffLink.waitFor({ timeout: 30_000 });
    await row.getByText('nº 1001').waitFor();
    expect(await seriousAxeViolations(staffPage)).toEqual([]);
    await captureAtWidths(staffPage, 'staff-nfse-issued', { scrollTo: history });
    // On a 360 px phone the history stacks (nothing off-screen): the same row, its NFS-e in view, axe clean.
    await staffPage.setViewportSize({ width: 360, height: 780 });
    const sideways = await history
      .getByRole('table')
      .evaluate((table) => table.parentElement!.scrollWidth - table.parentElement!.clientWidth);
    expect(sideways).toBe(0); // the wide table scrolled 300+ px sideways, the NFS-e column off-screen
    await staffLink.scrollIntoViewIfNeeded();
    expect(await seriousAxeViolations(staffPage)).toEqual([]);
    await staffPage.setViewportSize({ width: 1280, height: 800 });
    const issued = { url: await staffLink.getAttribute('href') };
    expect(issued.url).toMatch(/\/notas\/.+\.pdf$/);
    // Two notas at the provider: the refused one and the one sent again under the next ref, with the new CNPJ.
    expect(fake!.notas().map((n) => n.ref)).toEqual([open.id, `${open.id}-2`]);
    expect(fake!.notas()[0]!.body).toMatchObject({ tomador: { cnpj: techcorp.cnpj } });
    expect(fake!.notas()[1]!.body).toMatchObject({
      tomador: { cnpj: NEW_CNPJ, razao_social: 'TechCorp LTDA' },
      servico: { item_lista_servico: '17.06' },
    });

    // The device syncs the invoice's link: "Baixar NFe" opens the nota's PDF.
    const link = page.getByRole('link', { name: 'Baixar NFe' });
    await link.waitFor({ timeout: 30_000 });
    expect(await link.getAttribute('href')).toBe(issued.url);
    await page.getByText('NFS-e nº 1001').waitFor();
    const pdf = await page.request.get(issued.url!);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await captureAtWidths(page, 'portal-invoice-nfe', { scrollTo: link });
    expect(JSON.stringify(fake!.notas())).not.toContain(TOKEN); // the token is a header, never in the nota
  }, 240_000);
});

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
 * local Focus NFe fake over HTTP: TechCorp's client pays INV-1235 ("Pagar", the fake gateway), staff ask for its
 * NFS-e (`POST /api/nfse/invoices/:id`: sent, then read as authorized), and the client's invoice screen offers
 * "Baixar NFe" linking to the nota's PDF, which the browser can fetch, and the nota's number.
 */
const TOKEN = 'journey-focus-token';
let focus: { close: () => void; origin: string } | undefined;
let fake: ReturnType<typeof createFocusNfseFake> | undefined;

beforeAll(async () => {
  // Started before the app server (hooks run in order), which reads its address from the environment.
  const server = serve({ fetch: (req) => fake!.fetch(req), port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake = createFocusNfseFake({ origin });
  focus = { origin, close: () => server.close() };
});
afterAll(() => focus?.close());

const env = journeyEnvironment({
  env: () => ({
    NFSE_BASE_URL: focus!.origin,
    NFSE_TOKEN: TOKEN,
    NFSE_PRESTADOR_CNPJ: '12.345.678/0001-90',
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

    // Staff ask for the nota: sent (processing), then read as authorized by the fake city hall.
    const staff = await fetch(`${origin}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'maria@arco.example', password: 'arco-demo' }),
    });
    const cookie = staff.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const request = async () => {
      const res = await fetch(`${origin}/api/nfse/invoices/${open.id}`, {
        method: 'POST',
        headers: { cookie, origin, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(res.status).toBe(200);
      return (await res.json()) as {
        issuance: { status: string; number: string | null; url: string | null };
      };
    };
    expect((await request()).issuance.status).toBe('processing');
    const issued = (await request()).issuance;
    expect(issued).toMatchObject({ status: 'issued', number: '1001' });
    expect(fake!.notas()[0]!.body).toMatchObject({
      tomador: { razao_social: 'TechCorp LTDA' },
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

import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { monthRoi, revenueByMonth } from '../../shared/domain/portal/money.ts';
import { localDateOf, monthOf } from '../../shared/domain/portal/time.ts';
import { invoiceSchema } from '../../shared/entities/billing.ts';
import { metricsSchema } from '../../shared/entities/portal.ts';
import { seriousAxeViolations } from './support/axe.ts';
import { signInApi } from './support/api-client.ts';
import { captureAtWidths, followNavEntry, signInThroughUi, waitForFirstSync } from './support/device.ts';
import { journeyEnvironment } from './support/journey-environment.ts';

/**
 * The client's money (issue 11, items 3 and 5) in headless Chromium against the real built app, the real server
 * and its demo data, as TechCorp's client on a 390 px phone: ROI 408 % and "R$ 5,08" from the shared rule on the
 * synced metrics; the open invoice's Pix "copia e cola" code, whose CRC this test recomputes on its own; "Pagar"
 * through the fake gateway, whose signed webhook marks the invoice paid on the server and the device sees it;
 * the printable monthly summary; every screen opening offline after a reload; axe finds nothing serious.
 */
const env = journeyEnvironment();
const PHONE = { width: 390, height: 844 };
const CLIENT = 'cliente@techcorp.example';
const ZONE = 'America/Sao_Paulo';

const region = (page: Page, name: string): Locator => page.getByRole('region', { name, exact: true });
const plain = (text: string | null | undefined) => (text ?? '').replace(/\u00a0/g, ' ');

/** CRC16/CCITT-FALSE bit by bit over the UTF-8 bytes, independent of the app's table-driven one. */
function crc16(text: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, 'utf8')) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++)
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/** The EMV fields of a payload walked by bytes, as a bank app reads them. */
function emvFields(payload: string): Map<string, string> {
  const bytes = Buffer.from(payload, 'utf8');
  const out = new Map<string, string>();
  for (let i = 0; i < bytes.length;) {
    const id = bytes.subarray(i, i + 2).toString();
    const len = Number(bytes.subarray(i + 2, i + 4).toString());
    out.set(id, bytes.subarray(i + 4, i + 4 + len).toString());
    i += 4 + len;
  }
  return out;
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousAxeViolations(page)).toEqual([]);
}

describe('money: ROI, invoices with Pix, paying through the gateway, the monthly summary — and offline', () => {
  it('shows ROI 408 % and R$ 5,08, a valid Pix code, pays through the fake gateway, prints the month, and opens offline', async () => {
    const origin = env.server().origin;
    const api = await signInApi(origin, CLIENT);
    // The shared rule on what the server holds gives the seed's figures (the screen must show the same).
    const metrics = (await api.pullAll('metrics')).map((d) =>
      metricsSchema.pick({ month: true, days: true }).parse({ month: d.month, days: d.days }),
    );
    const thisMonth = monthOf(localDateOf(Date.now(), ZONE));
    const month = revenueByMonth(metrics).find((m) => m.month === thisMonth);
    const roi = monthRoi(month!);
    expect(roi).toMatchObject({ kind: 'computed', roiPercentDisplay: 408, returnPerRealDisplay: 5.08 });
    const invoices = (await api.pullAll('invoices')).map((d) => invoiceSchema.parse(stripSync(d)));
    const open = invoices.find((i) => i.number === 'INV-1235');
    expect(open).toMatchObject({ status: 'pending' });

    const { context } = await env.launch(PHONE);
    const page = await signInThroughUi(context, origin, CLIENT, '/inicio');
    await waitForFirstSync(page);

    // Financeiro: revenue with its change and the ROI calculator.
    await followNavEntry(page, 'Finanças');
    await page.waitForURL(`${origin}/inicio/financeiro`);
    await page.getByRole('heading', { level: 1, name: 'Financeiro' }).waitFor();
    const roiCard = region(page, 'Retorno sobre investimento');
    await expect.poll(async () => plain(await roiCard.getByTestId('roi-percent').textContent())).toBe('408%');
    expect(plain(await roiCard.getByTestId('roi-return').textContent())).toBe(
      'Cada R$ 1 investido retornou R$ 5,08',
    );
    await roiCard.getByText('R$ 8.500,00').waitFor();
    await roiCard.getByText('R$ 43.200,00').first().waitFor();
    await region(page, 'Receita gerada').getByText('alta de 23% sobre o mês anterior').first().waitFor();
    await expectAccessible(page);
    await captureAtWidths(page, 'portal-finance');
    await captureAtWidths(page, 'portal-finance-roi', { scrollTo: roiCard });
    // What if the investment were R$ 10.000?
    const whatIf = roiCard.getByLabel('Investimento simulado (R$)');
    await whatIf.fill('10.000,00');
    await roiCard.getByText('ROI 332% · cada R$ 1 retornaria R$ 4,32').waitFor();

    // Faturas: the open invoice first; its Pix code is a valid EMV payload whose CRC we recompute.
    await page.getByRole('link', { name: 'Ver faturas e pagamentos' }).click();
    await page.waitForURL(`${origin}/inicio/faturas`);
    const openList = page.getByRole('list', { name: 'Faturas em aberto, vencidas primeiro' });
    await openList.getByText('INV-1235', { exact: false }).waitFor();
    await expectAccessible(page);
    await captureAtWidths(page, 'portal-invoices');
    await openList.getByRole('link', { name: new RegExp(open!.description) }).click();
    await page.waitForURL(`${origin}/inicio/faturas/${open!.id}`);
    await page.getByRole('img', { name: 'QR Code Pix da fatura INV-1235' }).waitFor();
    const code = await page.getByLabel('Código Pix copia e cola').inputValue();
    expect(code).toBe(open!.pixCode);
    expect(code.slice(-4)).toBe(crc16(code.slice(0, -4)));
    const fields = emvFields(code);
    expect(fields.get('59')).toBe('ARCO DIGITAL');
    expect(fields.get('54')).toBe((open!.amountCents / 100).toFixed(2));
    expect(fields.get('63')).toBe(code.slice(-4));
    await expectAccessible(page);
    await captureAtWidths(page, 'portal-invoice-pix', { scrollTo: region(page, 'Pagar com Pix') });

    // Pagar: the server opens a charge with the fake gateway, whose signed webhook marks it paid; sync brings it.
    await page.getByRole('button', { name: 'Pagar', exact: true }).click();
    await page.getByText('Pagamento enviado. Aguardando a confirmação do banco').waitFor();
    await page.getByText('Fatura paga. Obrigado!').waitFor({ timeout: 30_000 });
    expect(await page.getByLabel('Código Pix copia e cola').count()).toBe(0);
    const served = invoiceSchema.parse(stripSync((await api.find('invoices', open!.id))!));
    expect(served).toMatchObject({ status: 'paid', pixCode: null });
    expect(served.payments).toEqual([
      expect.objectContaining({
        status: 'approved',
        gateway: 'fake',
        method: 'pix',
        amountCents: open!.amountCents,
      }),
    ]);
    await expectAccessible(page);
    await captureAtWidths(page, 'portal-invoice-paid');

    // Resumo do mês: one page, printable without the app's chrome.
    await page.goto(`${origin}/inicio/resumo`);
    await page.getByRole('heading', { level: 1, name: 'Resumo do mês' }).waitFor();
    await expect
      .poll(async () => plain(await page.getByTestId('summary-score').textContent()))
      .toBe('87/100');
    await page.getByText('+5 no mês').waitFor();
    expect(
      plain(await region(page, 'Retorno sobre investimento').getByTestId('roi-percent').textContent()),
    ).toBe('408%');
    await region(page, 'Metas').getByText('76% (38 de 50)').waitFor();
    await expectAccessible(page);
    await captureAtWidths(page, 'portal-summary');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Navegação principal' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Imprimir ou salvar PDF' }).isVisible()).toBe(false);
    await page.getByText(/^Empresa: TechCorp LTDA · Gerado em/).waitFor();
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    await page.emulateMedia({ media: 'screen' });

    // Offline after a reload: every money screen opens from the device.
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Resumo do mês' }).waitFor();
    await expect
      .poll(async () => plain(await page.getByTestId('summary-score').textContent()))
      .toBe('87/100');
    for (const [path, check] of [
      ['/inicio/financeiro', () => roiCard.getByTestId('roi-percent').getByText('408%')],
      ['/inicio/faturas', () => page.getByRole('heading', { level: 2, name: 'Histórico' })],
      [`/inicio/faturas/${open!.id}`, () => page.getByText('Fatura paga. Obrigado!')],
    ] as const) {
      await page.goto(`${origin}${path}`);
      await check().waitFor();
    }
    // Paid: no payment section any more.
    expect(await page.getByRole('button', { name: 'Pagar', exact: true }).count()).toBe(0);
  });
});

/** A pulled row without RxDB's replication flag, as the collection's schema expects it. */
function stripSync(doc: Record<string, unknown>): Record<string, unknown> {
  const { _deleted: _, ...rest } = doc;
  return rest;
}

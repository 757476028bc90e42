// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { buildPixBrCode, verifyBrCode } from '../../../shared/domain/portal/br-code.ts';
import type { Invoice } from '../../../shared/entities/billing.ts';
import type { DailyMetric, Goal, Metrics } from '../../../shared/entities/portal.ts';
import { ago, customer, CUSTOMER_ID, DAY, uid } from '../../test/portal-fixtures.ts';
import { portalRenderer } from '../../test/render-portal.tsx';

/** The money screens in the real app over a real device database, offline (test/render-portal.tsx). */
const { renderPortal, removeDatabases } = portalRenderer();
afterEach(async () => {
  cleanup();
  await removeDatabases();
});

const synced = (n: number) => ({ id: uid(n), updatedAt: ago(DAY), serverSeq: n, clientUpdatedAt: ago(DAY) });

function metricsMonth(
  n: number,
  month: string,
  totals: Omit<DailyMetric, 'date' | 'bounceRate' | 'avgSessionSeconds' | 'pageviews'>,
): Metrics {
  // Two days carrying the month's totals: what the screens show is their sum.
  const half = (v: number) => Math.floor(v / 2);
  const day = (d: string, pick: (v: number) => number, score: number | null): DailyMetric => ({
    date: `${month}-${d}`,
    sessions: pick(totals.sessions),
    pageviews: 0,
    bounceRate: null,
    avgSessionSeconds: null,
    conversions: pick(totals.conversions),
    revenueCents: pick(totals.revenueCents),
    adSpendCents: pick(totals.adSpendCents),
    leads: pick(totals.leads),
    score,
  });
  return {
    ...synced(n),
    customerId: CUSTOMER_ID,
    month,
    days: [day('01', half, null), day('15', (v) => v - half(v), totals.score)],
  };
}

/** TechCorp's November (the test clock is 2026-11-21) and October, as the seed shows them. */
const METRICS = [
  metricsMonth(1, '2026-10', {
    sessions: 4_600,
    conversions: 120,
    revenueCents: 3_510_000,
    adSpendCents: 800_000,
    leads: 30,
    score: 82,
  }),
  metricsMonth(2, '2026-11', {
    sessions: 10_442,
    conversions: 292,
    revenueCents: 4_320_000,
    adSpendCents: 850_000,
    leads: 38,
    score: 87,
  }),
];

function invoice(
  n: number,
  over: Partial<Invoice> & Pick<Invoice, 'number' | 'dueDate' | 'status'>,
): Invoice {
  const open = over.status !== 'paid';
  return {
    ...synced(n),
    customerId: CUSTOMER_ID,
    contractId: null,
    description: `Mensalidade ${over.number}`,
    amountCents: 450_000,
    issueDate: over.dueDate.replace(/-\d\d$/, '-05'),
    paidDate: open ? null : over.dueDate,
    nfeUrl: open ? null : `https://nfse.arco.example/notas/${over.number}.pdf`,
    nfeNumber: open ? null : String(over.number ?? 'INV-1').replace(/\D/g, '') || '1',
    pixCode: open
      ? buildPixBrCode({
          pixKey: uid(99),
          amountCents: 450_000,
          merchantName: 'OUTRA AGÊNCIA',
          merchantCity: 'São Paulo',
          txid: over.number,
        })
      : null,
    payments: [],
    ...over,
  };
}

const goal = (
  n: number,
  type: Goal['type'],
  unit: Goal['unit'],
  targetValue: number,
  currentValue: number,
): Goal => ({
  ...synced(n),
  customerId: CUSTOMER_ID,
  type,
  title:
    { traffic: '10K visitas', leads: '50 leads', revenue: 'R$ 20K em receita' }[type as 'traffic'] ?? type,
  unit,
  targetValue,
  currentValue,
  period: 'monthly',
  startDate: '2026-11-01',
  endDate: '2026-11-30',
  status: currentValue >= targetValue ? 'completed' : 'active',
  progress: [],
});

describe('money screens (offline, device database)', () => {
  it('finance: revenue with its change, ROI 408 % and R$ 5,08, and a what-if investment', async () => {
    const user = userEvent.setup();
    await renderPortal('/inicio/financeiro', async (db) => {
      await db.collections.metrics!.bulkInsert(METRICS);
    });
    await screen.findByRole('heading', { level: 1, name: 'Financeiro' });
    const revenue = await screen.findByRole('region', { name: 'Receita gerada' });
    expect(within(revenue).getAllByText('R$ 43.200,00')[0]).toBeInTheDocument();
    expect(within(revenue).getAllByText('alta de 23% sobre o mês anterior').length).toBeGreaterThan(0);
    expect(within(revenue).getByText('R$ 35.100,00')).toBeInTheDocument();

    const roi = screen.getByRole('region', { name: 'Retorno sobre investimento' });
    expect(within(roi).getByTestId('roi-percent')).toHaveTextContent('408%');
    expect(within(roi).getByTestId('roi-return')).toHaveTextContent('Cada R$ 1 investido retornou R$ 5,08');
    expect(within(roi).getByText('R$ 34.700,00')).toBeInTheDocument();

    const input = within(roi).getByLabelText('Investimento simulado (R$)');
    expect(input).toHaveValue('8.500,00');
    await user.clear(input);
    await user.type(input, '10.000,00');
    expect(within(roi).getByText('ROI 332% · cada R$ 1 retornaria R$ 4,32')).toBeInTheDocument();
    await user.clear(input);
    await user.type(input, '4.50');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('Digite um valor como 10.000,00.');
  }, 60_000);

  it('finance: an empty state before any metrics arrive', async () => {
    await renderPortal('/inicio/financeiro');
    expect(
      await screen.findByRole('heading', { name: 'Ainda não há receita registrada' }),
    ).toBeInTheDocument();
  }, 60_000);

  it('invoices: overdue first, then pending, then history; an invoice shows its valid Pix code and QR', async () => {
    const user = userEvent.setup();
    await renderPortal('/inicio/faturas', async (db) => {
      await db.collections.customers!.insert(customer());
      await db.collections.invoices!.bulkInsert([
        invoice(11, { number: 'INV-1233', dueDate: '2026-10-15', status: 'paid' }),
        invoice(12, { number: 'INV-1234', dueDate: '2026-11-15', status: 'pending' }), // past due on the 21st
        invoice(13, { number: 'INV-1235', dueDate: '2026-12-15', status: 'pending' }),
      ]);
    });
    const open = await screen.findByRole('list', { name: 'Faturas em aberto, vencidas primeiro' });
    const rows = within(open).getAllByRole('listitem');
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringMatching(/INV-1234.*Vencida|Vencida.*INV-1234/),
      expect.stringMatching(/Pendente.*INV-1235/),
    ]);
    expect(screen.getByText('Total em aberto: R$ 9.000,00')).toBeInTheDocument();
    expect(screen.getByText('R$ 4.500,00 vencido')).toBeInTheDocument();
    const history = screen.getByRole('list', { name: 'Faturas pagas e canceladas, mais recentes primeiro' });
    expect(within(history).getByText(/Paga em 15\/10\/2026/)).toBeInTheDocument();

    await user.click(within(open).getByRole('link', { name: /Mensalidade INV-1234/ }));
    await screen.findByRole('heading', { level: 1, name: 'Mensalidade INV-1234' });
    const code = screen.getByLabelText('Código Pix copia e cola');
    expect(verifyBrCode((code as HTMLTextAreaElement).value)).toMatchObject({
      valid: true,
      merchantName: 'OUTRA AGENCIA',
      amountCents: 450_000,
    });
    expect(await screen.findByRole('img', { name: 'QR Code Pix da fatura INV-1234' })).toBeInTheDocument();
    expect(screen.getByText('A nota fiscal fica disponível depois do pagamento.')).toBeInTheDocument();
    // Offline: "Pagar" waits for the network and says why.
    expect(screen.getByRole('button', { name: 'Pagar' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Pagar' })).toHaveAccessibleDescription(/Você está offline/);
  }, 60_000);

  it('a paid invoice shows its NFe link and no Pix; an unknown invoice says so', async () => {
    const paid = invoice(21, { number: 'INV-1230', dueDate: '2026-08-15', status: 'paid' });
    const view = await renderPortal(`/inicio/faturas/${paid.id}`, async (db) => {
      await db.collections.invoices!.insert(paid);
    });
    await screen.findByRole('heading', { level: 1, name: 'Mensalidade INV-1230' });
    expect(screen.getByRole('link', { name: 'Baixar NFe' })).toHaveAttribute('href', paid.nfeUrl);
    expect(screen.queryByRole('region', { name: 'Pagar com Pix' })).not.toBeInTheDocument();
    await view.router.navigate(`/inicio/faturas/${uid(77)}`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Fatura não encontrada' }),
    ).toBeInTheDocument();
  }, 60_000);

  it('an invoice whose stored Pix code is invalid is not offered for scanning', async () => {
    const bad = invoice(31, { number: 'INV-1240', dueDate: '2026-12-15', status: 'pending' });
    bad.pixCode = bad.pixCode!.replace('OUTRA AGENCIA', 'OUTRA AGÊNCIA');
    await renderPortal(`/inicio/faturas/${bad.id}`, async (db) => {
      await db.collections.invoices!.insert(bad);
    });
    expect(await screen.findByText(/O código Pix desta fatura não é válido/)).toBeInTheDocument();
    expect(screen.queryByLabelText('Código Pix copia e cola')).not.toBeInTheDocument();
  }, 60_000);

  it('summary: score, impact, goals and ROI of the month on one page', async () => {
    await renderPortal('/inicio/resumo', async (db) => {
      await db.collections.metrics!.bulkInsert(METRICS);
      await db.collections.goals!.bulkInsert([
        goal(41, 'traffic', 'count', 10_000, 10_442),
        goal(42, 'leads', 'count', 50, 38),
        goal(43, 'revenue', 'cents', 2_000_000, 1_200_000),
      ]);
    });
    await screen.findByRole('heading', { level: 1, name: 'Resumo do mês' });
    expect(await screen.findByTestId('summary-score')).toHaveTextContent('87/100');
    expect(screen.getByText('+5 no mês')).toBeInTheDocument();
    expect(screen.getByText('+127% vs mês anterior')).toBeInTheDocument();
    const goals = screen.getByRole('region', { name: 'Metas' });
    expect(within(goals).getByText(/atingida/)).toBeInTheDocument();
    expect(within(goals).getByText('76% (38 de 50)')).toBeInTheDocument();
    expect(within(goals).getByText('60% (R$ 12.000,00 de R$ 20.000,00)')).toBeInTheDocument();
    expect(screen.getByTestId('roi-percent')).toHaveTextContent('408%');
    expect(screen.getByRole('button', { name: 'Imprimir ou salvar PDF' })).toBeInTheDocument();
  }, 60_000);
});

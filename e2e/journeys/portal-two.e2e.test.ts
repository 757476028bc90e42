import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signInApi, type SyncDocument } from './support/api-client.ts';
import { seriousAxeViolations } from './support/axe.ts';
import { captureAtWidths, signInThroughUi, waitForFirstSync, waitForPending } from './support/device.ts';
import { journeyEnvironment } from './support/journey-environment.ts';

/**
 * Acceptance journey of issue 12 (client portal II) in headless Chromium at 390 px against the real built app,
 * the real server and its demo data, as TechCorp's client user: the leads pipeline with the seed's figures,
 * Carlos Mendes' score breakdown and timeline, a stage change and an interaction made offline that reach the
 * server, a card moved by keyboard and one by mouse that stay after a reload and reach the server; the
 * campaigns with "Serviços Premium" (CTR 3,2 %, CPC R$ 1,80) and the inconclusive A/B test; the live event's
 * seats left follow the server's count as the user cancels and registers again; every screen opens
 * offline after a reload; axe finds no serious or critical problem. Screenshots at 360 and 1280 px.
 */
const env = journeyEnvironment();
const PHONE = { width: 390, height: 844 };
const CLIENT = 'cliente@techcorp.example';

async function serverEventually<T>(what: () => Promise<T | undefined>, timeout = 30_000): Promise<T> {
  let found: T | undefined;
  await expect.poll(async () => (found = await what()) !== undefined, { timeout, interval: 250 }).toBe(true);
  return found as T;
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousAxeViolations(page)).toEqual([]);
}

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

describe('client portal II: leads, campaigns and A/B tests, content', () => {
  it('shows the seed figures, moves leads offline, by keyboard and by mouse, and every screen opens offline', async () => {
    const origin = env.server().origin;
    const api = await signInApi(origin, CLIENT);
    const serverLeads = await api.pullAll('leads');
    const carlos = serverLeads.find((l) => l.name === 'Carlos Mendes')!;
    const newLeads = serverLeads
      .filter((l) => l.stage === 'new')
      .sort((a, b) => Number(a.position) - Number(b.position));
    const [byKeyboard, byMouse] = [newLeads[0]!, newLeads[1]!];

    const device = await env.launch(PHONE);
    const page = await signInThroughUi(device.context, origin, CLIENT, '/inicio');
    await waitForFirstSync(page);

    // The pipeline with the seed's counts and values.
    await page.goto(`${origin}/inicio/leads`);
    await heading(page, 'Leads').waitFor();
    const summary = page.getByRole('list', { name: 'Resumo do funil' });
    await expect
      .poll(async () =>
        (await summary.getByRole('listitem').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ')),
      )
      .toEqual([
        'NOVO 23 R$ 276 mil',
        'QUALIFICADO 15 R$ 180 mil',
        'NEGOCIAÇÃO 8 R$ 96 mil',
        'GANHO 3 R$ 36 mil',
      ]);
    await expectAccessible(page);
    await captureAtWidths(page, 'leads-pipeline');

    // Carlos Mendes' card opens his score breakdown and timeline.
    await page.getByRole('link', { name: 'Carlos Mendes' }).click();
    await heading(page, 'Carlos Mendes').waitFor();
    const score = page.getByRole('region', { name: 'Lead scoring' });
    await score.getByText('Score: 85/100').waitFor();
    expect((await score.getByRole('listitem').allInnerTexts()).map((s) => s.replace(/\s+/g, ' '))).toEqual([
      'Engajamento 30 de 35 pts',
      'Budget fit 25 de 25 pts',
      'Timeline 20 de 25 pts',
      'Authority 10 de 15 pts',
    ]);
    await score.getByText('Alta probabilidade de conversão').waitFor();
    await score.getByText('Ação recomendada: Ligar hoje').waitFor();
    const history = page.getByRole('region', { name: 'Histórico de comunicação' });
    await history.getByText('(12 min)').waitFor();
    await history.getByText('Proposta comercial — Mendes & Associados').waitFor();
    await expectAccessible(page);
    await captureAtWidths(page, 'lead-detail');

    // Offline: he moves to negotiation and a WhatsApp is logged — both stored on the device, pending.
    await device.context.setOffline(true);
    const stage = page.getByRole('region', { name: 'Etapa do funil' });
    await stage.getByLabel('Mover para a etapa').selectOption({ label: 'Negociação' });
    await stage.getByRole('button', { name: 'Mudar etapa' }).click();
    await page.getByText('Etapa alterada para Negociação.', { exact: false }).waitFor();
    const log = page.getByRole('region', { name: 'Registrar interação' });
    await log.getByRole('radio', { name: 'WhatsApp' }).check();
    await log.getByLabel('Resumo').fill('Mandou áudio confirmando a reunião de fechamento.');
    await log.getByRole('button', { name: 'Registrar' }).click();
    await history.getByText('Mandou áudio confirmando a reunião de fechamento.').waitFor();
    await waitForPending(page, 1);
    expect((await api.find('leads', carlos.id))?.stage).toBe('qualified');

    // Every screen opens offline after a reload (service worker + IndexedDB).
    await page.reload();
    await heading(page, 'Carlos Mendes').waitFor();
    await page.getByText('Mandou áudio confirmando a reunião de fechamento.').waitFor();
    for (const [path, title] of [
      ['/inicio/leads', 'Leads'],
      ['/inicio/campanhas', 'Campanhas'],
    ] as const) {
      await page.goto(`${origin}${path}`);
      await heading(page, title).waitFor();
    }
    await page.getByRole('link', { name: 'Serviços Premium' }).click();
    await heading(page, 'Serviços Premium').waitFor();

    // Back online, the change reaches the server.
    await device.context.setOffline(false);
    await waitForPending(page, 0, 60_000);
    const moved = await serverEventually(async () => {
      const doc = await api.find('leads', carlos.id);
      return doc?.stage === 'negotiation' ? doc : undefined;
    });
    expect((moved.interactions as SyncDocument[]).map((i) => i.content)).toContain(
      'Mandou áudio confirmando a reunião de fechamento.',
    );

    // On a desktop-wide board (columns side by side), a card moved by keyboard: pick up with space, arrow
    // right to "negociação", drop with space. (On a phone the lead page's stage selector moves it, above.)
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${origin}/inicio/leads`);
    await heading(page, 'Leads').waitFor();
    const keyboardHandle = page.getByRole('button', { name: `Mover ${String(byKeyboard.name)}` });
    await keyboardHandle.focus();
    await page.keyboard.press('Space');
    // The library announces the pick-up, then at once where the card is (its own stage): the live region
    // holds the latest sentence.
    await page
      .getByText(`${String(byKeyboard.name)} está sobre a etapa Novo.`)
      .waitFor({ state: 'attached' });
    await page.keyboard.press('ArrowRight');
    await page
      .getByText(`${String(byKeyboard.name)} está sobre a etapa Qualificado.`)
      .waitFor({ state: 'attached' });
    await page.keyboard.press('ArrowRight');
    await page
      .getByText(`${String(byKeyboard.name)} está sobre a etapa Negociação.`)
      .waitFor({ state: 'attached' });
    await page.keyboard.press('Space');
    await page.getByText(`${String(byKeyboard.name)} movido para Negociação.`).waitFor({ state: 'attached' });

    // A card moved by mouse.
    const mouseHandle = page.getByRole('button', { name: `Mover ${String(byMouse.name)}` });
    const target = page.locator('section[data-stage="negotiation"]');
    const from = (await mouseHandle.boundingBox())!;
    const to = (await target.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10, { steps: 5 });
    await page.mouse.move(to.x + to.width / 2, to.y + 60, { steps: 15 });
    await page.mouse.up();
    await page.getByText(`${String(byMouse.name)} movido para Negociação.`).waitFor({ state: 'attached' });
    await page.setViewportSize(PHONE);

    // Both stay after a reload and reach the server.
    await waitForPending(page, 0, 60_000);
    await page.reload();
    await heading(page, 'Leads').waitFor();
    const negotiation = page.locator('section[data-stage="negotiation"]');
    for (const lead of [byKeyboard, byMouse, carlos]) {
      await negotiation.getByRole('link', { name: String(lead.name) }).waitFor();
      await serverEventually(async () =>
        (await api.find('leads', lead.id))?.stage === 'negotiation' ? true : undefined,
      );
    }

    // Campaigns: Serviços Premium's figures and the A/B test's honest verdict.
    await page.goto(`${origin}/inicio/campanhas`);
    await heading(page, 'Campanhas').waitFor();
    const premium = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Serviços Premium' }) });
    const figure = async (term: string) =>
      (
        await premium
          .locator('div')
          .filter({ has: page.locator('dt', { hasText: new RegExp(`^${term}$`) }) })
          .locator('dd')
          .innerText()
      ).replace(/\s+/g, ' ');
    expect(await figure('Orçamento')).toBe('R$ 5.000,00');
    expect(await figure('Gasto')).toBe('R$ 3.240,00');
    expect(await figure('CTR')).toBe('3,2%');
    expect(await figure('CPC')).toBe('R$ 1,80');
    expect(await figure('Conversões hoje')).toMatch(/^18 \(↑6 vs ontem\)/);
    await premium.getByText('Performance excelente').waitFor();
    const retargeting = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Retargeting' }) });
    await retargeting.getByText('Precisa otimização').waitFor();
    const test = page.getByRole('article', { name: 'Landing Page: Hero Section' });
    await test.getByText('Inconclusivo — continue testando').waitFor();
    await test.getByText('faltam cerca de 2.368 visitas por variante', { exact: false }).waitFor();
    await expectAccessible(page);
    await captureAtWidths(page, 'campaigns');

    await page.getByRole('link', { name: 'Serviços Premium' }).click();
    await heading(page, 'Serviços Premium').waitFor();
    await page.getByRole('heading', { name: 'Métricas diárias' }).waitFor();
    await expectAccessible(page);
    await captureAtWidths(page, 'campaign-detail');

    // Content hub: the seed's progress, trending pieces and the live event's seats.
    await page.goto(`${origin}/inicio/conteudo`);
    await heading(page, 'Conteúdo').waitFor();
    const progress = page.getByRole('region', { name: 'Seu progresso' });
    await progress.getByText('12 artigos lidos').waitFor();
    await progress.getByText('3 vídeos assistidos').waitFor();
    await progress.getByText('Badge conquistado: Estudante Dedicado').waitFor();
    const trending = page.getByRole('region', { name: 'Em alta' });
    expect(await trending.getByRole('link').allInnerTexts()).toEqual([
      'SEO para E-commerce',
      'Como otimizar Google Ads',
      'Estratégias de Remarketing',
    ]);
    const liveEvent = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: /^\[LIVE\] Estratégias/ }) });
    await liveEvent.getByText('12 vagas restantes').waitFor();
    await liveEvent.getByText('Você está inscrito.').waitFor();
    await expectAccessible(page);
    await captureAtWidths(page, 'content-hub');

    // Offline: cancel and register again for the live event, and finish reading an article.
    const content = await api.pullAll('content');
    const checklist = content.find((c) => c.title === 'Checklist de lançamento de campanhas')!;
    const live = content.find((c) => String(c.title).startsWith('[LIVE]'))!;
    await device.context.setOffline(true);
    await liveEvent.getByRole('button', { name: 'Cancelar inscrição' }).click();
    await liveEvent.getByText('Inscrição cancelada.', { exact: false }).waitFor();
    await liveEvent.getByRole('button', { name: 'Garantir vaga' }).click();
    await liveEvent.getByText('Você está inscrito.').waitFor();
    await page.getByRole('link', { name: 'Checklist de lançamento de campanhas' }).click();
    await heading(page, 'Checklist de lançamento de campanhas').waitFor();
    await page.getByRole('heading', { level: 3, name: 'Passo a passo' }).waitFor();
    await page
      .getByText(/^\d+% lido$/)
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Marcar como concluído' }).click();
    await page.getByText('100% lido', { exact: true }).waitFor();
    await expectAccessible(page);
    await captureAtWidths(page, 'content-article');
    await page.reload();
    await heading(page, 'Checklist de lançamento de campanhas').waitFor();
    await page.getByText(/^Concluído em /).waitFor();

    await device.context.setOffline(false);
    await waitForPending(page, 0, 60_000);
    const engagement = await serverEventually(async () => {
      const [doc] = await api.pullAll('engagement');
      const read = (doc?.reading as { contentId: string; progress: number }[] | undefined)?.find(
        (r) => r.contentId === checklist.id,
      );
      return read?.progress === 100 ? doc : undefined;
    });
    expect(
      (engagement.eventRegistrations as { contentId: string; status: string }[]).find(
        (r) => r.contentId === live.id,
      )?.status,
    ).toBe('registered');

    // Online: the seats left are the server's count. Cancelling frees a seat, registering takes it back.
    await page.goto(`${origin}/inicio/conteudo`);
    await heading(page, 'Conteúdo').waitFor();
    await liveEvent.getByText('12 vagas restantes').waitFor();
    await liveEvent.getByRole('button', { name: 'Cancelar inscrição' }).click();
    await liveEvent.getByText('13 vagas restantes').waitFor({ timeout: 30_000 });
    await liveEvent.getByRole('button', { name: 'Garantir vaga' }).click();
    await liveEvent.getByText('12 vagas restantes').waitFor({ timeout: 30_000 });
    await liveEvent.getByText('Você está inscrito.').waitFor();
    const seatsOnServer = await serverEventually(async () => {
      const event = (await api.pullAll('content')).find((c) => c.id === live.id);
      return event && Number(event.attendees) === 88 ? event : undefined;
    });
    expect(Number(seatsOnServer.maxAttendees) - Number(seatsOnServer.attendees)).toBe(12);
  }, 300_000);
});

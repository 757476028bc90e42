import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signInApi, type SyncDocument } from './support/api-client.ts';
import { captureAtWidths, signInThroughUi, waitForFirstSync, waitForPending } from './support/device.ts';
import { seriousAxeViolations } from './support/axe.ts';
import { journeyEnvironment } from './support/journey-environment.ts';

/**
 * Acceptance journey of issue 10 items 7–9 (at risk, alert lifecycle, playbooks and tasks) in headless Chromium
 * against the real built app, the real server and its seeded demo data: maria sees StartupXYZ critical with its
 * factors and points, AgênciaDigital and ConsultoriaDEF as warnings and the total MRR at risk; offline she
 * acknowledges StartupXYZ's alert (its playbook creates the tasks), creates a task from AgênciaDigital's alert
 * and completes a task; back online all of it reaches the server (checked through its API with a separate
 * session). Screenshots of the at-risk page and "Minhas tarefas" at 360 and 1280 px.
 */
const env = journeyEnvironment();
const DESKTOP = { width: 1280, height: 800 };

async function serverEventually<T>(what: () => Promise<T | undefined>, timeout = 30_000): Promise<T> {
  let found: T | undefined;
  await expect.poll(async () => (found = await what()) !== undefined, { timeout, interval: 250 }).toBe(true);
  return found as T;
}

const brl = (cents: number) =>
  new Intl.NumberFormat('pt-BR', {
    style: 'currency',
    currency: 'BRL',
    minimumFractionDigits: 0,
    maximumFractionDigits: 0,
  }).format(Math.round(cents / 100));
const cardOf = (page: Page, name: string) =>
  page
    .getByRole('list', { name: 'Clientes em risco, mais arriscados primeiro' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 2, name }) });

describe('maria works the at-risk customers (CSM)', () => {
  it('sees the wireframe’s customers, acts on alerts offline, and it all reaches the server', async () => {
    const api = await signInApi(env.server().origin, 'maria@arco.example');
    const customers = await api.pullAll('customers');
    const health = await api.pullAll('health');
    const byName = (name: string) => customers.find((c) => c.name === name)!;
    const [startup, agencia] = [byName('StartupXYZ'), byName('AgênciaDigital')];
    const atRisk = health.filter((h) => h.riskLevel !== 'none');
    const mrrAtRisk = atRisk.reduce((sum, h) => {
      const c = customers.find((x) => x.id === h.customerId);
      return c && c.status !== 'churned' ? sum + (c.mrrCents as number) : sum;
    }, 0);
    const alertOf = async (customerId: unknown) =>
      (await api.pullAll('signals')).find(
        (s) => s.kind === 'risk_alert' && s.customerId === customerId && s.status !== 'resolved',
      );
    const startupAlert = (await alertOf(startup.id))!;
    expect(startupAlert.status).toBe('open');

    const maria = await env.launch(DESKTOP);
    const page = await signInThroughUi(maria.context, env.server().origin, 'maria@arco.example', '/clientes');
    await waitForFirstSync(page);
    await page
      .getByRole('navigation', { name: 'Navegação principal' })
      .getByRole('link', { name: 'Em risco' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Clientes em risco' }).waitFor();

    // StartupXYZ: critical, risk score 20 = 100 − 30 − 25 − 15 − 10.
    const startupCard = cardOf(page, 'StartupXYZ');
    await startupCard.getByText('■ Crítico', { exact: true }).waitFor();
    expect(await startupCard.getByText(/pts$/).allTextContents()).toEqual([
      '-30 pts',
      '-25 pts',
      '-15 pts',
      '-10 pts',
    ]);
    expect(await startupCard.getByText(/^Risk score:/).textContent()).toBe('Risk score: 20');
    await cardOf(page, 'AgênciaDigital').getByText('▲ Alerta', { exact: true }).waitFor();
    await cardOf(page, 'ConsultoriaDEF').getByText('▲ Alerta', { exact: true }).waitFor();
    const summary = page.getByRole('region', { name: 'Resumo dos clientes em risco' });
    await summary.getByText(brl(mrrAtRisk), { exact: true }).waitFor();
    await captureAtWidths(page, 'at-risk');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Offline: acknowledge StartupXYZ's alert (the critical playbook makes two tasks), a task from AgênciaDigital's.
    await maria.context.setOffline(true);
    await startupCard.getByRole('button', { name: 'Reconhecer' }).click();
    await startupCard.getByText(/Alerta reconhecido\. 2 tarefas criadas/).waitFor();
    await startupCard.getByText('Reconhecido', { exact: true }).waitFor();
    const agenciaCard = cardOf(page, 'AgênciaDigital');
    await agenciaCard.getByRole('button', { name: 'Criar tarefa' }).click();
    await agenciaCard.getByText(/tarefas? criadas?\. Veja em Minhas tarefas/).waitFor();
    await captureAtWidths(page, 'at-risk-offline', { scrollTo: startupCard });

    // Her tasks: the emergency call is there; she completes it, still offline.
    await page
      .getByRole('navigation', { name: 'Navegação principal' })
      .getByRole('link', { name: 'Tarefas' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Minhas tarefas' }).waitFor();
    const open = page.getByRole('list', { name: 'Tarefas a fazer, atrasadas primeiro' });
    await open.getByText('Ligação de emergência em 24 h').waitFor();
    await open.getByText('Oferecer treinamento gratuito').waitFor();
    await captureAtWidths(page, 'tasks');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await open.getByRole('button', { name: 'Concluir “Ligação de emergência em 24 h”' }).click();
    await page
      .getByRole('region', { name: 'Concluídas nos últimos 7 dias' })
      .getByText('Ligação de emergência em 24 h')
      .waitFor();
    // Nothing reached the server yet.
    expect((await alertOf(startup.id))!.status).toBe('open');

    await maria.context.setOffline(false);
    await waitForPending(page, 0, 60_000);
    const acknowledged = await serverEventually(async () => {
      const s = await alertOf(startup.id);
      return s?.status === 'acknowledged' ? s : undefined;
    });
    expect(acknowledged.acknowledgedAt).not.toBeNull();
    const tasks = await serverEventually(async () => {
      const all = (await api.pullAll('activities')).filter((a) => a.type === 'task');
      const forStartup = all.filter((a) => a.signalId === startupAlert.id);
      const forAgencia = all.filter((a) => a.customerId === agencia.id);
      return forStartup.length === 2 &&
        forAgencia.length >= 1 &&
        forStartup.some((t) => t.completedAt !== null)
        ? { forStartup, forAgencia }
        : undefined;
    });
    const call = tasks.forStartup.find((t) => t.title === 'Ligação de emergência em 24 h') as SyncDocument;
    expect(call).toMatchObject({ assignedTo: api.user.id, signalId: startupAlert.id });
    expect(call.completedAt).not.toBeNull();
  });
});

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './support/axe.ts';
import { captureAtWidths, signInThroughUi, waitForFirstSync, waitForPending } from './support/device.ts';
import { journeyEnvironment } from './support/journey-environment.ts';

/**
 * Acceptance journey of issue 17 item 6 (chat with the agency, dashboard §7B) in headless Chromium against the
 * real built app, the real server and its demo data, with two browser contexts: the TechCorp client opens the
 * chat from the "Chat com Especialista" card while maria has the chat inbox open — the chat appears there live
 * (the live stream nudges her device's pull); her reply appears on the client's open screen without a reload; a
 * message the client writes offline is marked "Aguardando envio" and reaches maria's open chat on reconnect. The
 * chat never shows among the client's tickets. axe on both chat screens; screenshots at 360 and 1280 px.
 */
const env = journeyEnvironment();
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 780 };
const FIRST = 'Olá! Podemos revisar o orçamento da campanha de verão?';
const REPLY = 'Claro, Pedro! Estou olhando os números agora.';
const OFFLINE = 'Perfeito, fico no aguardo (escrito sem conexão).';
/** A message in the conversation (not the composer, which may still hold the text being saved). */
const said = (page: Page, text: string) => page.getByTestId('chat-message').filter({ hasText: text });

describe('chat with the agency', () => {
  it('client and CSM talk live; an offline message goes out on reconnect; the chat is not a ticket', async () => {
    const origin = env.server().origin;
    const [client, staff] = await Promise.all([env.launch(PHONE), env.launch(DESKTOP)]);
    const [page, maria] = await Promise.all([
      signInThroughUi(client.context, origin, 'cliente@techcorp.example', '/inicio'),
      signInThroughUi(staff.context, origin, 'maria@arco.example', '/clientes'),
    ]);
    await Promise.all([waitForFirstSync(page), waitForFirstSync(maria)]);

    // Maria opens the chat inbox from the ticket queue.
    await maria.goto(`${origin}/atendimento`);
    await maria.getByRole('link', { name: 'Chats com clientes' }).click();
    await maria.getByRole('heading', { level: 1, name: 'Chats' }).waitFor();

    // The client's card (§7B) on the portal home: presence, hours from the configuration, "Iniciar conversa".
    const card = page.getByRole('region', { name: 'Chat com Especialista' });
    await card.waitFor();
    await card.getByText('Horário: Seg–Sex 9h–18h').waitFor();
    await expect
      .poll(async () => card.getByRole('status').innerText(), { timeout: 15_000 })
      .toMatch(/^(Online agora|Ausente no momento — deixe sua mensagem|Fora do horário — responderemos .+)$/);
    await card.getByRole('link', { name: 'Iniciar conversa' }).click();
    await page.getByRole('heading', { level: 1, name: 'Chat com Especialista' }).waitFor();
    await page.getByLabel('Sua mensagem').fill(FIRST);
    await page.getByRole('button', { name: 'Enviar' }).click();
    await said(page, FIRST).waitFor();

    // It appears in maria's open inbox without a reload.
    const sentAt = Date.now();
    const entry = maria.getByRole('link', { name: /TechCorp/ });
    await entry.waitFor({ timeout: 30_000 });
    const toStaffMs = Date.now() - sentAt;
    await entry.getByText('Aguardando resposta').waitFor();
    await captureAtWidths(maria, 'chat-inbox');
    await entry.click();
    await said(maria, FIRST).waitFor();

    // Maria replies; the client's open chat shows it without a reload.
    await maria.getByLabel('Sua mensagem').fill(REPLY);
    await maria.getByRole('button', { name: 'Enviar' }).click();
    const repliedAt = Date.now();
    await said(page, REPLY).waitFor({ timeout: 30_000 });
    const toClientMs = Date.now() - repliedAt;
    await waitForPending(page, 0, 60_000);
    await captureAtWidths(page, 'chat-client');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Offline, the client's message waits on the device, marked; back online it reaches maria's open chat.
    await client.context.setOffline(true);
    await page
      .getByText('Sem conexão: suas mensagens ficam neste aparelho e são enviadas ao reconectar.')
      .waitFor();
    await page.getByLabel('Sua mensagem').fill(OFFLINE);
    await page.getByRole('button', { name: 'Enviar' }).click();
    const waiting = page.getByTestId('chat-message').filter({ hasText: OFFLINE });
    await waiting.getByText('Aguardando envio').waitFor();
    await waitForPending(page, 1);
    await captureAtWidths(page, 'chat-client-offline');
    expect(await said(maria, OFFLINE).count()).toBe(0);
    await client.context.setOffline(false);
    await said(maria, OFFLINE).waitFor({ timeout: 60_000 });
    await waitForPending(page, 0, 60_000);
    await expect.poll(async () => waiting.getByText('Aguardando envio').count(), { timeout: 30_000 }).toBe(0);
    await captureAtWidths(maria, 'chat-staff');
    expect(await seriousAxeViolations(maria)).toEqual([]);

    // The chat is not a ticket on the client's side.
    await page.goto(`${origin}/inicio/tickets`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await page.getByRole('link', { name: /^#?\d*\s*Chat$/ }).count()).toBe(0);

    console.info(`chat live: client → staff inbox ${toStaffMs} ms, staff → client screen ${toClientMs} ms`);
  });
});

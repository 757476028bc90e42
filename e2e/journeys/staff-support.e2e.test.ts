import { describe, expect, it } from 'vitest';
import { signInApi, type SyncDocument } from './support/api-client.ts';
import {
  captureAtWidths,
  deviceDatabases,
  deviceDocuments,
  followNavEntry,
  signInThroughUi,
  waitForFirstSync,
  waitForPending,
} from './support/device.ts';
import { journeyEnvironment } from './support/journey-environment.ts';

/**
 * Acceptance journey of issue 10 item 10 (the staff side of tickets and meetings) in headless Chromium against
 * the real built app, the real server and its demo data: the TechCorp client opens a ticket on their phone; it
 * appears in maria's queue; she takes it, adds an internal note and — offline — replies; back online the reply
 * reaches the client's device (screen and IndexedDB) and the note does not. The client asks to reschedule their
 * next meeting; maria accepts it from the meeting requests and the client's device shows the answer.
 * Screenshots of the queue, the staff ticket screen and the meeting requests at 360 and 1280 px.
 */
const env = journeyEnvironment();
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 780 };
const SUBJECT = 'Leads do formulário não chegam ao CRM';
const NOTE = 'Nota interna: cliente ligou irritado, priorizar com a equipe de integração.';
const REPLY = 'Olá, Pedro! Já estamos verificando a integração com o CRM e voltamos em breve.';

async function serverEventually<T>(what: () => Promise<T | undefined>, timeout = 30_000): Promise<T> {
  let found: T | undefined;
  await expect.poll(async () => (found = await what()) !== undefined, { timeout, interval: 250 }).toBe(true);
  return found as T;
}

/** `YYYY-MM-DDTHH:mm` in São Paulo (UTC−3, no daylight saving since 2019) for a datetime-local input. */
const saoPauloLocal = (iso: string) => new Date(Date.parse(iso) - 3 * 3_600_000).toISOString().slice(0, 16);

describe('staff answer clients: tickets and meeting requests', () => {
  it('a client ticket reaches the queue; the reply (sent offline) reaches the client, the internal note never does; a reschedule is answered', async () => {
    const origin = env.server().origin;
    const staffApi = await signInApi(origin, 'maria@arco.example');
    const clientApi = await signInApi(origin, 'cliente@techcorp.example');
    const clientId = clientApi.user.id;

    const [client, staff] = await Promise.all([env.launch(PHONE), env.launch(DESKTOP)]);
    const [page, maria] = await Promise.all([
      signInThroughUi(client.context, origin, 'cliente@techcorp.example', '/inicio'),
      signInThroughUi(staff.context, origin, 'maria@arco.example', '/clientes'),
    ]);
    await Promise.all([waitForFirstSync(page), waitForFirstSync(maria)]);

    // The client opens a ticket on their phone.
    await page.goto(`${origin}/inicio/tickets/novo`);
    await page.getByRole('heading', { level: 1, name: 'Abrir novo ticket' }).waitFor();
    await page.getByLabel('Assunto').fill(SUBJECT);
    await page.getByLabel('Descrição').fill('Desde ontem os leads do site não aparecem no nosso CRM.');
    await page.getByRole('radio', { name: /^Alta/ }).check();
    await page.getByRole('button', { name: 'Abrir ticket' }).click();
    await page.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
    const ticketId = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1)!);
    const created = await serverEventually(async () => {
      const doc = await staffApi.find('tickets', ticketId);
      return doc?.number ? doc : undefined;
    });

    // It appears in maria's queue (live, over the stream), in SLA order.
    await followNavEntry(maria, 'Suporte');
    await maria.getByRole('heading', { level: 1, name: 'Suporte' }).waitFor();
    const queue = maria.getByRole('list', { name: 'Tickets, SLA estourado primeiro' });
    const row = queue.getByRole('link', { name: `#${String(created.number)} ${SUBJECT}` });
    await row.waitFor({ timeout: 30_000 });
    await captureAtWidths(maria, 'support-queue');

    // Maria takes it and writes an internal note.
    await row.click();
    await maria.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
    await maria.getByRole('button', { name: 'Assumir' }).click();
    await maria.getByText('Responsável: você').waitFor();
    const notes = maria.getByRole('region', { name: /Notas internas/ });
    await notes.getByLabel('Nova nota interna').fill(NOTE);
    await notes.getByRole('button', { name: 'Salvar nota interna' }).click();
    // The saved note in the notes list (the text area holds the same text until the device has stored it).
    await notes.getByRole('listitem').filter({ hasText: NOTE }).waitFor();
    await waitForPending(maria, 0, 60_000);

    // Offline, she replies: saved on her device, pending, nothing on the server yet.
    await staff.context.setOffline(true);
    await maria.getByLabel('Responder ao cliente').fill(REPLY);
    await maria.getByRole('button', { name: 'Enviar resposta' }).click();
    await maria.getByText('Resposta salva. Ela chega ao cliente na próxima sincronização.').waitFor();
    await waitForPending(maria, 1);
    const supportMessages = (t: SyncDocument | undefined) =>
      ((t?.messages ?? []) as { senderType: string; body: string }[]).filter(
        (m) => m.senderType === 'support',
      );
    expect(supportMessages(await staffApi.find('tickets', ticketId))).toEqual([]);
    await captureAtWidths(maria, 'support-ticket');

    // Back online it syncs: the server holds the reply, signed by maria, and the first-response stamp.
    await staff.context.setOffline(false);
    await waitForPending(maria, 0, 60_000);
    const answered = await serverEventually(async () => {
      const doc = await staffApi.find('tickets', ticketId);
      return supportMessages(doc).length > 0 ? doc : undefined;
    });
    expect(supportMessages(answered)).toEqual([
      expect.objectContaining({ body: REPLY, senderId: staffApi.user.id, senderName: staffApi.user.name }),
    ]);
    expect(answered).toMatchObject({ status: 'in_progress', assignedTo: staffApi.user.id });
    expect(answered.firstResponseAt).not.toBeNull();
    const note = (await staffApi.pullAll('activities')).find((a) => a.ticketId === ticketId);
    expect(note).toMatchObject({ type: 'note', description: NOTE, customerId: created.customerId });

    // The reply reaches the client's device; the note never does (no activities there at all).
    await expect
      .poll(
        async () =>
          supportMessages(
            (await deviceDocuments(page, clientId, 'tickets')).find((t) => t.id === ticketId) as SyncDocument,
          ).map((m) => m.body),
        { timeout: 30_000, interval: 250 },
      )
      .toEqual([REPLY]);
    const collections = (await deviceDatabases(page, clientId)).map((n) => n.split('--').at(-1));
    expect(collections).not.toContain('activities');
    for (const name of collections) {
      if (!name || name.startsWith('_') || name.startsWith('rx-')) continue;
      expect(JSON.stringify(await deviceDocuments(page, clientId, name))).not.toContain('priorizar');
    }
    await page.getByText(REPLY).waitFor({ timeout: 30_000 });
    expect(await page.getByText(NOTE).count()).toBe(0);

    // The client asks to reschedule their next meeting, two days later.
    await page.goto(`${origin}/inicio`);
    await page.getByRole('heading', { level: 1, name: 'Olá, Pedro' }).waitFor();
    const next = (await clientApi.pullAll('meetings'))
      .filter((m) => m.status === 'scheduled' && Date.parse(String(m.scheduledAt)) > Date.now())
      .sort((a, b) => Date.parse(String(a.scheduledAt)) - Date.parse(String(b.scheduledAt)))[0]!;
    const proposed = new Date(Date.parse(String(next.scheduledAt)) + 2 * 86_400_000).toISOString();
    await page.getByRole('button', { name: 'Reagendar' }).click();
    await page.getByLabel('Nova data e hora sugeridas').fill(saoPauloLocal(proposed));
    await page.getByLabel('Motivo (opcional)').fill('Viagem a trabalho nesse dia.');
    await page.getByRole('button', { name: 'Enviar pedido de reagendamento' }).click();
    await page.getByText('Aguardando a confirmação do seu gerente de conta.').waitFor();
    await waitForPending(page, 0, 60_000);

    // Maria sees it among the meeting requests and accepts it.
    await maria.goto(`${origin}/atendimento/reunioes`);
    await maria.getByRole('heading', { level: 1, name: 'Pedidos de reunião' }).waitFor();
    const request = maria
      .getByRole('list', { name: 'Pedidos aguardando resposta, os mais antigos primeiro' })
      .getByRole('listitem')
      .filter({ hasText: 'Viagem a trabalho nesse dia.' });
    await request.waitFor({ timeout: 30_000 });
    await captureAtWidths(maria, 'support-meeting-requests', { scrollTo: request });
    await request.getByLabel('Mensagem ao cliente (opcional)').fill('Combinado, até lá!');
    await request.getByRole('button', { name: 'Aceitar novo horário' }).click();
    await maria.getByText('Resposta salva. Ela chega ao cliente na próxima sincronização.').waitFor();
    await waitForPending(maria, 0, 60_000);
    const moved = await serverEventually(async () => {
      const m = await clientApi.find('meetings', next.id);
      return m?.requestAnswer ? m : undefined;
    });
    expect(moved).toMatchObject({ scheduledAt: proposed, status: 'rescheduled', clientRequest: null });

    // The client's device shows the answer.
    await page
      .getByText(/Pedido aceito: "Reunião mensal de resultados" remarcada para/)
      .waitFor({ timeout: 30_000 });
    await page.getByText(/Mensagem: Combinado, até lá!/).waitFor();
  });
});

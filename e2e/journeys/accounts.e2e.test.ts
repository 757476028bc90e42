import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { firstLink, startTestSmtp, type TestSmtp } from '../../server/mail/testing.ts';
import { openControlledPage } from '../support/app.ts';
import { launchChromium, type LaunchedBrowser } from '../support/browser.ts';
import { startAppServer, type AppServer } from '../support/server.ts';
import { signInApi } from './support/api-client.ts';
import { seriousAxeViolations } from './support/axe.ts';
import {
  captureAtWidths,
  deviceDatabases,
  deviceDocuments,
  followNavEntry,
  submitSignIn,
  waitForFirstSync,
} from './support/device.ts';

/**
 * Accounts in headless Chromium against the real server, its seeded data and a real SMTP server on loopback
 * catching the mail (SMTP_URL): an admin invites a client user of Fintech ABC from the users screen; the
 * invitee opens the mailed link, sets a password and sees only Fintech ABC (their device holds no other
 * customer); the admin disables them and their open device, on its next contact, is signed out with every
 * local database wiped; the audit log shows it all.
 */
let smtp: TestSmtp;
let server: AppServer;
let browsers: LaunchedBrowser[] = [];

beforeAll(async () => {
  smtp = await startTestSmtp();
  server = await startAppServer({ SMTP_URL: smtp.url });
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});
afterEach(async () => {
  const blocked = browsers.flatMap((b) => b.blockedRequests);
  await Promise.all(browsers.map((b) => b.close()));
  browsers = [];
  expect(blocked).toEqual([]);
});
async function launch(viewport: { width: number; height: number }) {
  const browser = await launchChromium({ viewport });
  browsers.push(browser);
  return browser;
}

const INVITEE = 'ana.lima@fintech.example';
const PASSWORD = 'senha-da-ana-2026';

async function expectAxeClean(page: Page) {
  expect(await seriousAxeViolations(page)).toEqual([]);
}

describe('accounts', () => {
  it('an admin invites a Fintech ABC client user; the invitee joins through the mailed link and holds only Fintech ABC; disabled, their open device is signed out and wiped on its next contact', async () => {
    const origin = server.origin;

    // The admin, on the users screen.
    const adminBrowser = await launch({ width: 1280, height: 800 });
    const admin = await openControlledPage(adminBrowser.context, origin, '/entrar');
    await submitSignIn(admin, 'admin@arco.example');
    await admin.waitForURL((url) => !url.pathname.startsWith('/entrar'));
    await waitForFirstSync(admin);
    await followNavEntry(admin, 'Usuários');
    await admin.getByRole('heading', { level: 1, name: 'Usuários' }).waitFor();
    await admin.getByRole('list', { name: 'Pessoas da organização' }).waitFor();

    const invite = admin.getByRole('region', { name: 'Convidar alguém' });
    await invite.getByLabel('E-mail').fill(INVITEE);
    await invite.getByLabel('Perfil').selectOption({ label: 'Cliente' });
    await invite.getByLabel('Empresa cliente').selectOption({ label: 'Fintech ABC' });
    await invite.getByRole('button', { name: 'Enviar convite' }).click();
    await admin.getByText(`Convite enviado para ${INVITEE}. O link vale por 7 dias.`).waitFor();
    const pending = admin.getByRole('list', { name: 'Convites abertos' }).getByRole('listitem');
    await expect.poll(() => pending.allTextContents()).toEqual([expect.stringContaining(INVITEE)]);
    await expectAxeClean(admin);
    await captureAtWidths(admin, 'users');

    // The mail, as it arrived at the SMTP server.
    const mail = await smtp.waitForMail(INVITEE);
    expect(mail.subject).toBe('Convite para Arco Digital no Arco');
    expect(mail.text).toContain('acompanhar Fintech ABC no portal');
    const link = new URL(firstLink(mail.text));
    expect(`${link.origin}${link.pathname}`).toBe(`${origin}/convite`);

    // The invitee opens the link on their phone, names themselves and chooses a password.
    const phone = await launch({ width: 360, height: 780 });
    const device = await openControlledPage(phone.context, origin, '/entrar');
    await device.goto(link.toString());
    await device.getByRole('heading', { level: 1, name: 'Aceitar convite' }).waitFor();
    await device.getByText('Arco Digital convidou você para acompanhar Fintech ABC no portal.').waitFor();
    expect(await device.getByLabel('E-mail').inputValue()).toBe(INVITEE);
    expect(device.url()).toBe(`${origin}/convite`); // the token left the address bar
    await device.getByLabel('Seu nome').fill('Ana Lima');
    await device.getByLabel('Escolha uma senha').fill(PASSWORD);
    await expectAxeClean(device);
    await captureAtWidths(device, 'invitation');
    await device.getByRole('button', { name: 'Aceitar e entrar' }).click();
    await device.waitForURL(`${origin}/inicio`);
    await waitForFirstSync(device);

    // What the server says about her, and what her device holds: Fintech ABC and nothing else.
    const api = await signInApi(origin, INVITEE, PASSWORD);
    expect(api.user).toMatchObject({ role: 'client', name: 'Ana Lima' });
    const customers = await deviceDocuments(device, api.user.id, 'customers');
    expect(customers.map((c) => c.name)).toEqual(['Fintech ABC']);
    expect(customers[0]!.id).toBe(api.user.customerId);
    for (const collection of ['invoices', 'tickets', 'goals'])
      for (const doc of await deviceDocuments(device, api.user.id, collection))
        expect(doc.customerId, collection).toBe(api.user.customerId);
    // The link is single-use.
    await device.goto(link.toString());
    await device.waitForURL(`${origin}/inicio`); // already signed in: straight home

    // The admin sees her signed in, then disables her.
    await admin.reload();
    const anaCard = admin
      .getByRole('list', { name: 'Pessoas da organização' })
      .getByRole('listitem')
      .filter({ hasText: INVITEE });
    await anaCard.getByText(/Última atividade:/).waitFor();
    // Her phone is out of signal while she is disabled, so its next contact is the one below: an open app
    // otherwise reaches the server on its own at any moment (a pull after a live change, the reload's sync),
    // and the wipe could come before the check that her data is still there.
    await phone.context.setOffline(true);
    admin.once('dialog', (dialog) => void dialog.accept());
    await anaCard.getByRole('button', { name: 'Desativar Ana Lima' }).click();
    await anaCard.getByText('Desativado', { exact: true }).waitFor();
    expect(await deviceDatabases(device, api.user.id)).not.toEqual([]);

    // Her open phone, on its next contact with the server (the connection comes back), wipes and signs out.
    await phone.context.setOffline(false);
    await device
      .getByText(
        'Sua conta foi desativada por um administrador. Os dados dela foram apagados deste aparelho.',
      )
      .waitFor({ timeout: 30_000 });
    await device.waitForURL((url) => url.pathname === '/entrar');
    await expect.poll(() => deviceDatabases(device, api.user.id), { timeout: 15_000 }).toEqual([]);
    const leftovers = await device.evaluate(async () => ({
      databases: (await indexedDB.databases()).map((d) => d.name ?? ''),
      profile: localStorage.getItem('arco.profile.v1'),
    }));
    expect(leftovers.databases.filter((n) => n.includes('arco-'))).toEqual([]);
    expect(leftovers.profile).toBeNull();
    await expect(signInApi(origin, INVITEE, PASSWORD)).rejects.toThrow(/401/);

    // The audit log tells the story, newest first.
    await admin.getByRole('link', { name: 'Registro' }).click();
    const log = admin
      .getByRole('list', { name: 'Registro de auditoria, mais recentes primeiro' })
      .getByRole('listitem');
    await expect
      .poll(async () => (await log.allTextContents()).slice(0, 12).join('\n'))
      .toMatch(
        /desativou Ana Lima[\s\S]*Ana Lima entrou[\s\S]*Ana Lima aceitou o convite[\s\S]*convidou ana\.lima@fintech\.example/,
      );
    await expectAxeClean(admin);
    await captureAtWidths(admin, 'users-log');
  });

  it('first run: on a production server with no organization, the sign-in screen offers the first-run screen, which creates the organization and signs its admin in; afterwards the server refuses it', async () => {
    const empty = await startAppServer({ NODE_ENV: 'production', SMTP_URL: smtp.url });
    try {
      const origin = empty.origin;
      expect(await (await fetch(`${origin}/api/setup`)).json()).toEqual({ needed: true });
      const browser = await launch({ width: 360, height: 780 });
      const page = await openControlledPage(browser.context, origin, '/entrar');
      await page
        .getByRole('link', { name: 'Primeiro acesso: crie a organização e a conta de administrador.' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Primeiro acesso' }).waitFor();
      await page.getByLabel('Nome da organização (agência)').fill('Agência Aurora');
      await page.getByLabel('Seu nome').fill('Eva Souza');
      await page.getByLabel('Seu e-mail').fill('eva@aurora.example');
      await page.getByLabel('Senha').fill('curta');
      await page.getByRole('button', { name: 'Criar organização' }).click();
      await page.getByRole('alert').getByText('Confira os campos destacados.').waitFor();
      await page.getByText('Use no mínimo 10 caracteres.').waitFor();
      await page.getByLabel('Senha').fill('senha-da-eva-2026');
      await expectAxeClean(page);
      await captureAtWidths(page, 'first-run');
      await page.getByRole('button', { name: 'Criar organização' }).click();
      await page.waitForURL(`${origin}/clientes`);

      const api = await signInApi(origin, 'eva@aurora.example', 'senha-da-eva-2026');
      expect(api.user).toMatchObject({ role: 'admin', name: 'Eva Souza' });
      expect(await (await fetch(`${origin}/api/setup`)).json()).toEqual({ needed: false });
      const again = await fetch(`${origin}/api/setup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify({
          organizationName: 'Intrusa',
          name: 'X',
          email: 'x@intrusa.example',
          password: 'senha-da-intrusa',
        }),
      });
      expect(again.status).toBe(409);
    } finally {
      await empty.close();
    }
  });
});

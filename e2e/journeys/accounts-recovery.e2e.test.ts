import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstLink, startTestSmtp, type TestSmtp } from '../../server/mail/testing.ts';
import { openControlledPage } from '../support/app.ts';
import { DEMO_PASSWORD, signInApi } from './support/api-client.ts';
import { seriousAxeViolations } from './support/axe.ts';
import { captureAtWidths, followNavEntry, signInThroughUi, waitForFirstSync } from './support/device.ts';
import { journeyEnvironment } from './support/journey-environment.ts';

/**
 * Getting back into an account, in headless Debian Chromium against the real built app and server, with a
 * real SMTP server on loopback catching the mail (issue 14: password reset, passkeys, signed-in devices).
 * The app runs at http://localhost:<port> (PUBLIC_ORIGIN): a WebAuthn relying party needs a domain, and
 * mailed links carry that origin. What the server holds is checked through its own API.
 */
let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startTestSmtp();
});
afterAll(async () => {
  await smtp?.close();
});
const env = journeyEnvironment({ env: () => ({ SMTP_URL: smtp.url }), host: 'localhost' });

const NEW_PASSWORD = 'Joao-nova-senha-2026';

async function apiLogin(email: string, password: string): Promise<number> {
  const res = await fetch(`${env.server().origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  await res.body?.cancel();
  return res.status;
}

describe('password reset', () => {
  it('João resets his password from the sign-in screen through the mailed link; the old password stops working, his other session ends and the link works once', async () => {
    const origin = env.server().origin;
    // João is also signed in somewhere else: setting the new password must end that session too.
    const elsewhere = await signInApi(origin, 'joao@arco.example');
    await elsewhere.get('/api/auth/me');

    const browser = await env.launch({ width: 360, height: 780 });
    const page = await openControlledPage(browser.context, origin, '/entrar');
    await page.getByRole('button', { name: 'Entrar com passkey' }).waitFor();
    await captureAtWidths(page, 'sign-in');
    await page.getByLabel('E-mail').fill('joao@arco.example');
    await page.getByRole('link', { name: 'Esqueci minha senha' }).click();

    await page.getByRole('heading', { level: 1, name: 'Esqueci minha senha' }).waitFor();
    // The address typed on the sign-in screen comes along.
    expect(await page.getByLabel('E-mail').inputValue()).toBe('joao@arco.example');
    const mailsBefore = smtp.mails().length;
    await page.getByRole('button', { name: 'Enviar link' }).click();
    await page.getByRole('heading', { level: 1, name: 'Confira seu e-mail' }).waitFor();
    await page
      .getByText(
        'Se houver uma conta para joao@arco.example, enviamos um link para escolher uma nova senha.',
        {
          exact: false,
        },
      )
      .waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await captureAtWidths(page, 'password-forgot-sent');

    const mail = await smtp.waitForMail('joao@arco.example', { since: mailsBefore });
    expect(mail.subject).toBe('Redefina sua senha do Arco');
    expect(mail.text).toContain('Olá, João Silva.');
    const link = firstLink(mail.text);
    expect(link).toMatch(new RegExp(`^${origin}/redefinir-senha#token=[A-Za-z0-9_-]{43}$`));

    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Nova senha' }).waitFor();
    await page.getByText('Escolha uma nova senha para joao@arco.example.').waitFor();
    // The token leaves the address bar at once (history, screenshots, bookmarks).
    expect(new URL(page.url()).hash).toBe('');
    await page.getByRole('textbox', { name: 'Nova senha', exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Repita a nova senha').fill(NEW_PASSWORD);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await captureAtWidths(page, 'password-reset');
    await page.getByRole('button', { name: 'Salvar nova senha' }).click();
    await page.getByRole('heading', { level: 1, name: 'Senha alterada' }).waitFor();
    await captureAtWidths(page, 'password-reset-done');

    // The server: the other session is over, the old password is refused, the new one works.
    await expect(elsewhere.get('/api/auth/me')).rejects.toThrow(/401/);
    expect(await apiLogin('joao@arco.example', DEMO_PASSWORD)).toBe(401);

    // In the app: the old password is refused, the new one signs him in.
    await page.getByRole('link', { name: 'Entrar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Entrar no Arco' }).waitFor();
    await page.getByLabel('E-mail').fill('joao@arco.example');
    await page.getByLabel('Senha').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Entrar', exact: true }).click();
    await page.getByText('E-mail ou senha incorretos.', { exact: false }).waitFor();
    await page.getByLabel('Senha').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Entrar', exact: true }).click();
    await page.waitForURL((url) => url.pathname !== '/entrar');

    // The link a second time: spent.
    const again = await browser.context.newPage();
    await again.goto(link);
    await again.getByRole('heading', { level: 1, name: 'Este link não vale mais' }).waitFor();
    await again.getByRole('link', { name: 'Pedir um novo link' }).waitFor();
    expect(await apiLogin('joao@arco.example', NEW_PASSWORD)).toBe(200);
  }, 240_000);
});

/** Chromium's virtual authenticator on this page: a platform authenticator with resident keys and UV. */
async function addVirtualAuthenticator(page: Page): Promise<{ cdp: CDPSession; authenticatorId: string }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, authenticatorId };
}

describe('passkeys and signed-in devices', () => {
  it('Maria registers a passkey in settings, signs out of her other device and of this one, and signs in with the passkey without typing her e-mail', async () => {
    const origin = env.server().origin;
    const elsewhere = await signInApi(origin, 'maria@arco.example');
    const browser = await env.launch({ width: 1280, height: 800 });
    const page = await signInThroughUi(browser.context, origin, 'maria@arco.example', '/clientes');
    const { cdp, authenticatorId } = await addVirtualAuthenticator(page);
    await waitForFirstSync(page);

    await followNavEntry(page, 'Ajustes');
    await page.getByRole('heading', { level: 1, name: 'Ajustes' }).waitFor();
    const passkeys = page.getByRole('region', { name: 'Passkeys' });
    await passkeys.getByText('Nenhuma passkey ainda.').waitFor();
    const name = passkeys.getByLabel('Nome da passkey');
    expect(await name.inputValue()).toBe('Chrome em Linux');
    await name.fill('Notebook da Maria');
    await passkeys.getByRole('button', { name: 'Criar passkey neste aparelho' }).click();
    await passkeys.getByText('Passkey “Notebook da Maria” criada.', { exact: false }).waitFor();
    await passkeys.getByRole('listitem').filter({ hasText: 'Notebook da Maria' }).waitFor();

    // The authenticator holds a discoverable credential for our RP ID; the server has the passkey.
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(credentials).toHaveLength(1);
    expect(credentials[0]).toMatchObject({ isResidentCredential: true, rpId: 'localhost' });
    expect(await elsewhere.get('/api/auth/passkeys')).toMatchObject({
      passkeys: [{ name: 'Notebook da Maria', lastUsedAt: null }],
    });

    // Signed-in devices: this one marked, the other one (the API client) listed; "Sair dos outros dispositivos".
    const devices = page.getByRole('region', { name: 'Aparelhos conectados' });
    await devices.getByText('Este aparelho').waitFor();
    expect(await devices.getByRole('listitem').count()).toBe(2);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await captureAtWidths(page, 'settings-security', { scrollTo: passkeys });
    await devices.getByRole('button', { name: 'Sair dos outros dispositivos' }).click();
    await devices.getByText('Você saiu de 1 outro aparelho.').waitFor();
    await devices.getByText('Nenhum outro aparelho conectado.').waitFor();
    await expect(elsewhere.get('/api/auth/me')).rejects.toThrow(/401/);

    // Sign out of this device, then back in with the passkey alone. Chromium's virtual environment answers the
    // sign-in page's waiting autofill request (conditional UI) by itself, with no one choosing the passkey; so
    // the credential is taken out of the authenticator while the page opens and put back before "Entrar com
    // passkey" — the button's own ceremony is what signs her in.
    const [credential] = credentials;
    await cdp.send('WebAuthn.removeCredential', { authenticatorId, credentialId: credential!.credentialId });
    await page.getByRole('button', { name: 'Sair', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Entrar no Arco' }).waitFor();
    expect(await page.getByLabel('E-mail').inputValue()).toBe('');
    const { credentials: stashed } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(stashed).toEqual([]);
    await cdp.send('WebAuthn.addCredential', { authenticatorId, credential: credential! });
    await page.getByRole('button', { name: 'Entrar com passkey' }).click();
    // Back where she signed out (the sign-in page's `next`), signed in as herself.
    await page.waitForURL(`${origin}/ajustes`);
    await page.getByRole('heading', { level: 1, name: 'Ajustes' }).waitFor();
    await waitForFirstSync(page);
    expect(await page.getByRole('region', { name: 'Seu perfil' }).getByLabel('Nome').inputValue()).toBe(
      'Maria Santos',
    );

    const after = await signInApi(origin, 'maria@arco.example');
    const stored = (await after.get('/api/auth/passkeys')) as { passkeys: { lastUsedAt: string | null }[] };
    expect(stored.passkeys[0]?.lastUsedAt).not.toBeNull();
    const { credentials: used } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(used[0]?.signCount).toBeGreaterThan(0);
  }, 240_000);
});

import type { BrowserContext, Page } from 'playwright-core';

/** Opens the app once and waits until its service worker is active *and* controls the page. */
export async function openControlledPage(context: BrowserContext, origin: string, path = '/'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${origin}${path}`);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // registerType 'prompt' has no clientsClaim: the first load is not controlled; the next one is.
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  // Let the app's background session check (/api/auth/me) finish, so its answer cannot land later.
  await page.waitForLoadState('networkidle');
  return page;
}

/**
 * What a previous sign-in leaves on the device: the remembered profile (no secret in it). With the network
 * off the app trusts it and opens straight into the user's area — the installed-app-offline case.
 */
export async function rememberProfileOffline(
  context: BrowserContext,
  page: Page,
  profile: object,
): Promise<void> {
  await page.evaluate((p) => localStorage.setItem('arco.profile.v1', JSON.stringify(p)), profile);
  await context.setOffline(true);
}

/** Password of every seeded demo account (docs/architecture.md §10). */
export const DEMO_PASSWORD = 'arco-demo';

/** Signs in through the real form and waits until the app has left the sign-in page. */
export async function signInThroughForm(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  if (!new URL(page.url()).pathname.startsWith('/entrar'))
    throw new Error(`not on the sign-in page: ${page.url()}`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Senha').fill(password);
  await page.getByRole('button', { name: 'Entrar', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/entrar'));
}

import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { signInApi } from './support/api-client.ts';
import { seriousAxeViolations } from './support/axe.ts';
import { captureAtWidths, followNavEntry, signInThroughUi, waitForFirstSync } from './support/device.ts';
import { journeyEnvironment } from './support/journey-environment.ts';

/**
 * The private calendar feed from /ajustes (issue 17 item 7), in headless Debian Chromium against the real built
 * app, server and demo data: Maria creates the link in "Agenda"; the URL, fetched as a calendar app would (no
 * cookie), parses with ical.js and holds her meetings (the ids the server syncs to her); "Gerar novo link" ends
 * the old URL, "Revogar link" the new one; offline the section says it needs a connection. A moved meeting's
 * higher SEQUENCE is server/calendar/routes.pg.test.ts's.
 */
const env = journeyEnvironment();

async function fetchFeed(url: string) {
  const res = await fetch(url);
  if (res.status !== 200) return { status: res.status, uids: [] as string[] };
  const calendar = new ICAL.Component(ICAL.parse(await res.text()));
  const uids = calendar.getAllSubcomponents('vevent').map((v) => String(v.getFirstPropertyValue('uid')));
  return { status: res.status, uids };
}

describe('the private calendar feed from /ajustes', () => {
  it('Maria creates the link, a calendar app reads her meetings from it, and revoking ends it', async () => {
    const origin = env.server().origin;
    const device = await env.launch({ width: 1280, height: 800 });
    await device.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    const page = await signInThroughUi(device.context, origin, 'maria@arco.example', '/clientes');
    await waitForFirstSync(page);
    await followNavEntry(page, 'Ajustes');
    const section = page.getByRole('region', { name: 'Agenda' });
    await section.getByText('Nenhum link de agenda ativo.').waitFor({ timeout: 30_000 });

    await section.getByRole('button', { name: 'Criar link da agenda' }).click();
    const field = section.getByLabel('Link privado da agenda');
    await field.waitFor();
    const url = await field.inputValue();
    expect(url).toMatch(new RegExp(`^${origin}/api/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    await section.getByRole('button', { name: 'Copiar link' }).click();
    await section.getByText('Link copiado.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    await captureAtWidths(page, 'settings-calendar-feed', { scrollTo: section });
    expect(await seriousAxeViolations(page)).toEqual([]);

    // A calendar app's fetch: no session. Maria's meetings, as the server syncs them to her, are all there.
    const api = await signInApi(origin, 'maria@arco.example');
    const meetings = (await api.pullAll('meetings')).filter((m) => m.accountManagerId === api.user.id);
    expect(meetings.length).toBeGreaterThan(0);
    const feed = await fetchFeed(url);
    expect(feed.status).toBe(200);
    expect(new Set(feed.uids)).toEqual(new Set(meetings.map((m) => `${m.id}@meetings.arco`)));

    // "Gerar novo link": the old URL stops at once.
    await section.getByRole('button', { name: 'Gerar novo link' }).click();
    await expect.poll(() => field.inputValue()).not.toBe(url);
    const second = await field.inputValue();
    expect((await fetchFeed(url)).status).toBe(404);
    expect((await fetchFeed(second)).status).toBe(200);

    // "Revogar link": no URL works, the section says so, and it stays so after a reload.
    await section.getByRole('button', { name: 'Revogar link' }).click();
    await section.getByText(/^Link revogado/).waitFor();
    expect((await fetchFeed(second)).status).toBe(404);
    await page.reload();
    await section.getByText('Nenhum link de agenda ativo.').waitFor({ timeout: 30_000 });

    // Offline: it says the link needs a connection and offers no button.
    await device.context.setOffline(true);
    await section
      .getByText('Sem conexão: criar, copiar ou revogar o link da agenda precisa de conexão.')
      .waitFor();
    expect(await section.getByRole('button').count()).toBe(0);
  }, 240_000);
});

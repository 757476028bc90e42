import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signInApi, type ApiClient } from './support/api-client.ts';
import { signInThroughUi, waitForFirstSync } from './support/device.ts';
import { journeyEnvironment } from './support/journey-environment.ts';

/**
 * Every in-app link the demo data produces opens a real screen (issue 11, "Done when"): the notifications'
 * `url`s of a client and of a CSM, and the client's action cards' `url`s, as the real server holds them after
 * seeding (read through the sync API the device uses — never a hand-written list), each visited in headless
 * Chromium against the built app. A link passes when the page it lands on is the link itself (no redirect to
 * the home or the sign-in page) and shows an h1 that is not the app's "page not found" nor a screen's own
 * "… não encontrado(a)" (a detail screen that does not know the id). A link whose screen does not exist yet
 * fails here by design: the seed's links are promises to the user.
 */
const env = journeyEnvironment();
const PHONE = { width: 390, height: 844 };

/** Invariant: the h1 texts that mean "no such screen" or "no such record" in pt-BR. */
const NOT_A_SCREEN = /não encontrad[oa]/i;

interface LinkVisit {
  link: string;
  landedOn: string;
  heading: string;
}

/** Distinct in-app links (`/…`) in `field` of every document of `collection` the user may read. */
async function linksIn(api: ApiClient, collection: string, field: string): Promise<string[]> {
  const docs = await api.pullAll(collection);
  const links = docs
    .map((d) => d[field])
    .filter((v): v is string => typeof v === 'string' && v.startsWith('/'));
  return [...new Set(links)].sort();
}

/** Opens `link` as a fresh navigation and reads where it landed and its h1 once the screen has settled. */
async function visit(page: Page, origin: string, link: string): Promise<LinkVisit> {
  await page.goto(`${origin}${link}`);
  const h1 = page.getByRole('heading', { level: 1 });
  await h1.first().waitFor({ timeout: 20_000 });
  const heading = await settledText(page);
  const url = new URL(page.url());
  return { link, landedOn: `${url.pathname}${url.search}${url.hash}`, heading };
}

/**
 * The first h1's text once it has stayed the same for a second: a detail screen may show a loading heading
 * while the device database answers, then its record's title or its own "não encontrado".
 */
async function settledText(page: Page): Promise<string> {
  let last = '';
  let same = 0;
  for (let i = 0; i < 60 && same < 4; i++) {
    const text = ((await page.getByRole('heading', { level: 1 }).first().textContent()) ?? '').trim();
    same = text === last ? same + 1 : 0;
    last = text;
    await page.waitForTimeout(250);
  }
  return last;
}

async function walk(email: string, home: '/inicio' | '/clientes', sources: [string, string][]) {
  const origin = env.server().origin;
  const api = await signInApi(origin, email);
  const links = [...new Set((await Promise.all(sources.map(([c, f]) => linksIn(api, c, f)))).flat())].sort();
  // The demo data links somewhere for every role: an empty list would make the walk pass vacuously.
  expect(links.length).toBeGreaterThan(0);

  const { context } = await env.launch(PHONE);
  const page = await signInThroughUi(context, origin, email, home);
  await waitForFirstSync(page);
  const visits: LinkVisit[] = [];
  for (const link of links) visits.push(await visit(page, origin, link));

  const broken = visits.filter(
    (v) => v.landedOn !== v.link || v.heading === '' || NOT_A_SCREEN.test(v.heading),
  );
  // Printed in full so a failure names every link that has no screen, not only the first.
  expect(broken, `links that do not open their screen:\n${JSON.stringify(broken, null, 2)}`).toEqual([]);
  return visits;
}

describe('every in-app link of the demo data opens a real screen', () => {
  it('TechCorp client: notifications and action cards', async () => {
    const visits = await walk('cliente@techcorp.example', '/inicio', [
      ['notifications', 'url'],
      ['actions', 'url'],
    ]);
    // The seed's TechCorp links reach at least the goals, the performance screen and an invoice.
    expect(visits.map((v) => v.link)).toEqual(
      expect.arrayContaining([
        '/inicio/metas',
        '/inicio/desempenho',
        expect.stringMatching(/^\/inicio\/faturas\//),
      ]),
    );
  });

  it('StartupXYZ client (another client profile): notifications and action cards', async () => {
    await walk('cliente@startupxyz.example', '/inicio', [
      ['notifications', 'url'],
      ['actions', 'url'],
    ]);
  });

  // Staff read the clients' action cards too, but those link into the client portal: only the client opens them.
  it.each(['maria@arco.example', 'admin@arco.example'])('%s (staff): notifications', async (email) => {
    const visits = await walk(email, '/clientes', [['notifications', 'url']]);
    expect(visits.map((v) => v.link)).toEqual(expect.arrayContaining([expect.stringMatching(/^\/clientes/)]));
  });
});

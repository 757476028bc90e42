import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './support/axe.ts';
import { signInApi } from './support/api-client.ts';
import {
  captureAtWidths,
  followNavEntry,
  setDeviceOffline,
  signInThroughUi,
  waitForFirstSync,
  waitForPending,
} from './support/device.ts';
import { journeyEnvironment } from './support/journey-environment.ts';

/**
 * The client portal's home, goals and achievements (issue 11, items 1, 4 and 6) in headless Chromium against
 * the real built app, the real server and its demo data, as TechCorp's client on a 390 px phone: the seed's
 * figures on the home (Score ARCO 87 (+5), R$ 43.200 in conversions, the three kinds of action cards, the
 * goals 10K visits reached / 38 of 50 leads / R$ 20K at 60 %), an action card completed offline reaching the
 * server once back online, the goals and achievements screens, each screen opening offline after a reload,
 * and axe finding no serious or critical violation on any of them.
 */
const env = journeyEnvironment();
const PHONE = { width: 390, height: 844 };
const CLIENT = 'cliente@techcorp.example';
const QUICK_WIN = 'Ligue hoje para Carlos Mendes';

const region = (page: Page, name: string): Locator => page.getByRole('region', { name, exact: true });
const plain = (text: string | null | undefined) => (text ?? '').replace(/\u00a0/g, ' ').trim();

async function expectAxeClean(page: Page): Promise<void> {
  expect(await seriousAxeViolations(page)).toEqual([]);
}

/** The seed's figures; after a completed card the score is the rule's new value, never lower. */
async function expectHomeFigures(page: Page, cardCompleted = false): Promise<void> {
  const score = region(page, 'Seu Score ARCO');
  if (!cardCompleted) {
    await score.getByText('87/100', { exact: true }).waitFor({ timeout: 20_000 });
    await score.getByText('+5 este mês', { exact: true }).waitFor();
    expect(await score.getByRole('progressbar').getAttribute('value')).toBe('87');
  } else {
    await score.getByText(/^\d+\/100$/).waitFor({ timeout: 20_000 });
    expect(Number(await score.getByRole('progressbar').getAttribute('value'))).toBeGreaterThanOrEqual(87);
  }
  const impact = (await score.getByRole('listitem').allTextContents()).map(plain);
  expect(impact).toEqual([
    '+127% tráfego vs mês passado',
    'R$ 43.200 em conversões este mês',
    '38 leads qualificados capturados',
  ]);
  const goals = page.getByRole('list', { name: 'Metas do mês' }).getByRole('listitem');
  const heads = await goals.evaluateAll((items) =>
    items.map((li) => {
      // The seed's ✅ / ⏳ / 🔄, drawn as icons, are named by `data-icon`.
      const p = li.querySelector('p');
      return `${p?.querySelector('[data-icon]')?.getAttribute('data-icon') ?? ''}${p?.textContent ?? ''}`;
    }),
  );
  expect(heads.map(plain)).toEqual([
    '✅10.000 visitas no mêsMeta atingida',
    '⏳50 leads no mês38/50',
    '🔄R$ 20.000 em novos contratos60%',
  ]);
}

describe('portal home, goals and achievements (TechCorp client, 390 px)', () => {
  it('shows the seed’s figures, completes a card offline that reaches the server online, opens every screen offline, axe clean', async () => {
    const origin = env.server().origin;
    const api = await signInApi(origin, CLIENT);
    const quickWin = (await api.pullAll('actions')).find((a) => a.title === QUICK_WIN);
    expect(quickWin?.status).toBe('pending');

    const { context } = await env.launch(PHONE);
    const page = await signInThroughUi(context, origin, CLIENT, '/inicio');
    await waitForFirstSync(page);
    await expectHomeFigures(page);

    const cards = page.getByRole('list', { name: 'Ações recomendadas' });
    const kinds = await cards
      .locator('article')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds).toEqual(['urgent', 'insight', 'quick_win']);
    await region(page, 'Sequência de visitas')
      .getByText(/^\d+ dias seguidos$/)
      .waitFor();
    await expectAxeClean(page);
    await captureAtWidths(page, 'portal-home');
    await captureAtWidths(page, 'portal-home-actions', { scrollTo: region(page, 'Ações recomendadas') });

    // Offline: the card is completed on the device, survives a reload, and waits to be sent.
    await setDeviceOffline(context, true);
    await cards.getByRole('button', { name: `Concluir: ${QUICK_WIN}` }).click();
    await page.getByText(`“${QUICK_WIN}” concluída.`).waitFor();
    await waitForPending(page, 2); // the card and the quick win in the engagement record
    await page.reload();
    await expectHomeFigures(page, true);
    await cards.getByText('Meta Ads "Retargeting" precisa de otimização').waitFor();
    expect(await cards.getByText(QUICK_WIN).count()).toBe(0);
    expect((await api.find('actions', quickWin!.id))?.status).toBe('pending');

    // Goals, offline, also after a reload.
    await followNavEntry(page, 'Metas');
    await page.waitForURL(`${origin}/inicio/metas`);
    const current = page.getByRole('list', { name: 'Em andamento' });
    await current.getByRole('listitem').first().waitFor();
    expect(await current.getByRole('listitem').count()).toBe(3);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Metas' }).waitFor();
    await current.getByText('38/50').waitFor();
    await expectAxeClean(page);

    // Achievements, offline, also after a reload: the streak, the seed's six badges, XP and level.
    await followNavEntry(page, 'Conquistas');
    await page.waitForURL(`${origin}/inicio/conquistas`);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Conquistas' }).waitFor();
    const badges = page.getByRole('list', { name: 'Badges' });
    await badges.getByRole('listitem').first().waitFor();
    expect(await badges.getByRole('listitem').count()).toBe(6);
    await badges.getByRole('heading', { name: 'Streak de 7 dias' }).waitFor();
    await region(page, 'Sequência de visitas')
      .getByText(/\d+ dias seguidos$/)
      .waitFor();
    await region(page, 'Nível e XP')
      .getByText(/^Nível \d · /)
      .waitFor();
    await expectAxeClean(page);

    // Back online: the completed card reaches the server without a reload.
    await setDeviceOffline(context, false);
    await expect
      .poll(async () => (await api.find('actions', quickWin!.id))?.status, { timeout: 30_000, interval: 500 })
      .toBe('completed');
    await waitForPending(page, 0);

    await captureAtWidths(page, 'portal-achievements');
    await followNavEntry(page, 'Metas');
    await page.getByRole('heading', { level: 1, name: 'Metas' }).waitFor();
    await captureAtWidths(page, 'portal-goals');
    // The "Mais" sheet of the client's navigation, open.
    const nav = page.getByRole('navigation', { name: 'Navegação principal' });
    await nav.getByRole('button', { name: 'Mais', exact: true }).click();
    await nav.getByRole('list', { name: 'Mais seções' }).waitFor();
    await expectAxeClean(page);
    await captureAtWidths(page, 'portal-nav-more');
  }, 300_000);
});

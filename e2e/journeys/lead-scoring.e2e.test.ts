import { describe, expect, it } from 'vitest';
import { signInApi } from './support/api-client.ts';
import { seriousAxeViolations } from './support/axe.ts';
import { captureAtWidths, followNavEntry, signInThroughUi, waitForFirstSync } from './support/device.ts';
import { journeyEnvironment } from './support/journey-environment.ts';

/**
 * Lead scoring rules editable by staff (issue 12 §3B), in headless Debian Chromium against the real built app,
 * server and demo data: the admin changes the weights and the "Alta" threshold in /ajustes; the server holds
 * them (`GET /api/settings` in a separate session); TechCorp's client device, which keeps them offline, scores
 * Carlos Mendes with them (85 with the defaults → 87, and medium instead of high with "Alta" from 90).
 */
const env = journeyEnvironment();

describe('lead scoring rules from /ajustes to the client’s leads screen', () => {
  it('the admin edits the weights and bands; the client’s device rescores Carlos Mendes with them', async () => {
    const origin = env.server().origin;
    const admin = await browserAs('admin@arco.example', { width: 1280, height: 800 }, '/clientes');
    await followNavEntry(admin, 'Ajustes');
    const section = admin.getByRole('region', { name: 'Pontuação de leads' });
    // The settings screen is lazy-loaded: read the list once the section has rendered.
    await section.getByRole('button', { name: 'Editar pontuação' }).waitFor();
    expect(await section.getByRole('listitem').allTextContents()).toEqual([
      'Engajamento35',
      'Budget fit25',
      'Timeline25',
      'Autoridade15',
    ]);
    await section.getByRole('button', { name: 'Editar pontuação' }).click();
    await section.getByLabel('Engajamento').fill('50');
    await section.getByText('Soma: 115 pontos — precisa ser 100').waitFor();
    await section.getByLabel('Engajamento').fill('45');
    await section.getByLabel('Timeline').fill('20');
    await section.getByLabel('Autoridade').fill('10');
    await section.getByLabel('Alta probabilidade a partir de').fill('90');
    await section.getByText('Soma: 100 pontos').waitFor();
    await captureAtWidths(admin, 'settings-lead-scoring', { scrollTo: section });
    expect(await seriousAxeViolations(admin)).toEqual([]);
    await section.getByRole('button', { name: 'Salvar pontuação' }).click();
    await section.getByText('Pontuação salva.', { exact: false }).waitFor();
    await section.getByText('Alta a partir de 90 · Média a partir de 50 · abaixo disso, Baixa').waitFor();

    const api = await signInApi(origin, 'cliente@techcorp.example');
    const held = (await api.get('/api/settings')) as { leadScoring: { config: unknown } };
    expect(held.leadScoring.config).toMatchObject({
      maxPoints: { engagement: 45, budgetFit: 25, timeline: 20, authority: 10 },
      bands: { high: 90, medium: 50 },
    });

    const client = await browserAs('cliente@techcorp.example', { width: 390, height: 844 }, '/inicio');
    await client.goto(`${origin}/inicio/leads`);
    await client.getByRole('link', { name: 'Carlos Mendes' }).click();
    const score = client.getByRole('region', { name: 'Lead scoring' });
    await score.getByText('Score: 87/100').waitFor();
    expect((await score.getByRole('listitem').allInnerTexts()).map((s) => s.replace(/\s+/g, ' '))).toEqual([
      'Engajamento 39 de 45 pts',
      'Budget fit 25 de 25 pts',
      'Timeline 16 de 20 pts',
      'Authority 7 de 10 pts',
    ]);
    await score.getByText('Média probabilidade de conversão').waitFor();

    // Offline after a reload the device still scores with the organization's rules (a local document).
    await client.context().setOffline(true);
    await client.reload();
    await client.getByRole('region', { name: 'Lead scoring' }).getByText('Score: 87/100').waitFor();
  }, 240_000);
});

async function browserAs(
  email: string,
  viewport: { width: number; height: number },
  path: '/clientes' | '/inicio',
) {
  const device = await env.launch(viewport);
  const page = await signInThroughUi(device.context, env.server().origin, email, path);
  await waitForFirstSync(page);
  return page;
}

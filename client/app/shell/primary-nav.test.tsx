// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { NAV_BAR_SLOTS, splitNavEntries } from '../../platform/feature-manifest.ts';
import { clientUser, renderApp, staffUser } from '../../test/render-app.tsx';
import { navEntriesFor } from './primary-nav.tsx';

afterEach(cleanup);

describe('splitNavEntries', () => {
  it.each([
    [3, 3, 0],
    [5, 5, 0],
    [6, 4, 2],
    [10, 4, 6],
  ])('%i entries → %i in the bar, %i behind "Mais"', (n, bar, more) => {
    const split = splitNavEntries(Array.from({ length: n }, (_, i) => i));
    expect([split.bar.length, split.more.length]).toEqual([bar, more]);
    // In order: the bar holds the lowest, "Mais" the rest, nothing lost or repeated.
    expect([...split.bar, ...split.more]).toEqual(Array.from({ length: n }, (_, i) => i));
  });
});

describe('primary navigation', () => {
  it('puts the staff role’s first four sections in the bar and the rest behind "Mais"', async () => {
    const user = userEvent.setup();
    renderApp({ path: '/clientes', user: staffUser, online: false });
    const nav = await screen.findByRole('navigation', { name: 'Navegação principal' });
    const entries = navEntriesFor('csm');
    expect(entries.length).toBeGreaterThan(NAV_BAR_SLOTS);

    const more = within(nav).getByRole('button', { name: 'Mais' });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    // A hidden list has no accessible name yet: find it through the button's aria-controls.
    const sheet = document.getElementById(more.getAttribute('aria-controls') ?? '');
    expect(sheet).toHaveAttribute('aria-label', 'Mais seções');
    expect(sheet).not.toBeVisible();
    // Four links in the bar; the hidden ones are not reachable until the sheet opens.
    expect(within(nav).getAllByRole('link')).toHaveLength(4);

    await user.click(more);
    expect(more).toHaveAttribute('aria-expanded', 'true');
    expect(sheet).toBeVisible();
    const open = within(nav).getByRole('list', { name: 'Mais seções' });
    expect(within(open).getByRole('link', { name: 'Ajustes' })).toHaveAttribute('href', '/ajustes');
    expect(within(nav).getAllByRole('link')).toHaveLength(entries.length);

    // Escape closes it and gives focus back to the button.
    await user.keyboard('{Escape}');
    expect(sheet).not.toBeVisible();
    expect(more).toHaveFocus();

    // Following a link closes it, and "Mais" carries the you-are-here mark for a page it holds.
    await user.click(more);
    await user.click(within(open).getByRole('link', { name: 'Ajustes' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Ajustes' })).toBeInTheDocument();
    expect(sheet).not.toBeVisible();
    expect(more).toHaveAttribute('data-current', 'true');
    expect(within(open).getByRole('link', { name: 'Ajustes', hidden: true })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('closes the sheet on a tap outside it', async () => {
    const user = userEvent.setup();
    renderApp({ path: '/clientes', user: staffUser, online: false });
    const nav = await screen.findByRole('navigation', { name: 'Navegação principal' });
    await user.click(within(nav).getByRole('button', { name: 'Mais' }));
    expect(within(nav).getByRole('list', { name: 'Mais seções' })).toBeVisible();
    await user.click(screen.getByRole('main'));
    expect(within(nav).queryByRole('list', { name: 'Mais seções' })).toBeNull();
  });

  it('shows every client section in the bar while they fit, in order', async () => {
    renderApp({ path: '/inicio', user: clientUser, online: false });
    const nav = await screen.findByRole('navigation', { name: 'Navegação principal' });
    const entries = navEntriesFor('client');
    if (entries.length <= NAV_BAR_SLOTS) {
      expect(within(nav).queryByRole('button', { name: 'Mais' })).toBeNull();
      expect(
        within(nav)
          .getAllByRole('link')
          .map((l) => l.getAttribute('href')),
      ).toEqual(entries.map((e) => e.to));
    } else {
      expect(
        within(nav)
          .getAllByRole('link')
          .map((l) => l.getAttribute('href')),
      ).toEqual(entries.slice(0, NAV_BAR_SLOTS - 1).map((e) => e.to));
    }
    expect(within(nav).getByRole('link', { name: 'Início' })).toHaveAttribute('aria-current', 'page');
  });
});

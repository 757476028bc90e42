import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  buildRows,
  computeKpis,
  createKpiCache,
  createNarrowingFilter,
  createRowCache,
  createRowSorter,
  filterRows,
  listKpis,
  NO_FILTERS,
  nextSort,
  normalizeSearch,
  REMEMBERED_SEARCHES,
  rowWarning,
  shareOf,
  sortRows,
  type CustomerFilters,
  type CustomerSort,
} from './customer-rows.ts';
import { csmNameResolver } from './staff-directory.ts';
import {
  customerDoc,
  healthDoc,
  JOAO,
  MARIA,
  PEDRO,
  WIREFRAME_CUSTOMERS,
  WIREFRAME_HEALTH,
} from './test-fixtures.ts';

const names = csmNameResolver(MARIA, [JOAO, PEDRO], (ref) => `CSM ${ref}`);
const rows = buildRows(WIREFRAME_CUSTOMERS, WIREFRAME_HEALTH, names);
const byName = (name: string) => rows.find((r) => r.customer.name === name)!;
const namesOf = (list: readonly { customer: { name: string } }[]) => list.map((r) => r.customer.name);

describe('buildRows (the wireframe rows, customers spec §2.1)', () => {
  it.each([
    ['TechCorp LTDA', 450_000, 92, 'healthy', 'Maria Santos'],
    ['Fintech ABC', 320_000, 87, 'healthy', 'João Silva'],
    ['AgênciaDigital', 210_000, 68, 'at_risk', 'Maria Santos'],
    ['StartupXYZ', 150_000, 42, 'critical', null],
    ['E-commerce Shop', 280_000, 85, 'healthy', 'Pedro Lima'],
  ])('%s: MRR %i cents, health %i (%s), CSM %s', (name, mrr, score, status, csm) => {
    const row = byName(name);
    expect(row.id).toBe(row.customer.id); // the table's row key
    expect(row.customer.mrrCents).toBe(mrr);
    expect(row.health?.score).toBe(score);
    expect(row.health?.status).toBe(status);
    expect(row.csmName).toBe(csm);
  });

  it('a customer without a health document yet has no health and no warning', () => {
    const [row] = buildRows([customerDoc(9, { name: 'Nova LTDA' })], WIREFRAME_HEALTH, names);
    expect(row?.health).toBeNull();
    expect(row?.warning).toBeNull();
  });

  it('with a cache, rebuilds only rows whose customer or health document changed', () => {
    const cache = createRowCache(names);
    const first = buildRows(WIREFRAME_CUSTOMERS, WIREFRAME_HEALTH, names, cache);
    expect(first).toEqual(rows);
    // The next result of a live query: same objects for unchanged documents, new ones for changed.
    const renamed = { ...WIREFRAME_CUSTOMERS[0]!, name: 'TechCorp SA' };
    const rescored = { ...WIREFRAME_HEALTH[1]!, score: 50, status: 'critical' as const };
    const customers = [renamed, ...WIREFRAME_CUSTOMERS.slice(1)];
    const health = WIREFRAME_HEALTH.map((h) => (h.customerId === rescored.customerId ? rescored : h));
    const next = buildRows(customers, health, names, cache);
    const changed = new Set([renamed.id, rescored.customerId]);
    next.forEach((row, i) => {
      if (changed.has(row.customer.id)) expect(row).not.toBe(first[i]);
      else expect(row).toBe(first[i]);
    });
    expect(next[0]?.searchText).toContain('techcorp sa');
    expect(next.find((r) => r.customer.id === rescored.customerId)?.health?.status).toBe('critical');
    // Another resolver (the directory arrived) never reuses the cache's names.
    const other = csmNameResolver(MARIA, [], (ref) => `CSM ${ref}`);
    const renamedCsm = buildRows(customers, health, other, cache);
    expect(renamedCsm.find((r) => r.customer.csmId === JOAO.id)?.csmName).toBe('CSM …0003');
  });

  it('an unknown CSM gets a neutral label from the id; the signed-in user always has a name', () => {
    const only = csmNameResolver(MARIA, [], (ref) => `CSM ${ref}`);
    expect(only(MARIA.id)).toBe('Maria Santos');
    expect(only(JOAO.id)).toBe('CSM …0003');
  });
});

describe('warning line', () => {
  it.each([
    ['TechCorp LTDA', null],
    ['Fintech ABC', null],
    // §2.1 "⚠ Baixo engajamento": the top factor is "usage below 50 % of capacity" (−20).
    [
      'AgênciaDigital',
      {
        severity: 'warning',
        kind: 'factor',
        category: 'engagement',
        // "Uso abaixo de 50% da capacidade (28 de 60 licenças em uso)" in pt-BR (shared/domain-text).
        description: { code: 'risk.lowCapacityUsage', params: { active: 28, seats: 60 } },
      },
    ],
    // §2.1 "🔴 RISCO DE CHURN - Sem login há 14 dias".
    [
      'StartupXYZ',
      {
        severity: 'critical',
        kind: 'factor',
        category: 'engagement',
        description: { code: 'risk.noLogin', params: { days: 14 } },
      },
    ],
    ['E-commerce Shop', null],
  ])('%s → %j', (name, expected) => {
    expect(byName(name).warning).toEqual(expected);
  });

  it('without risk factors, names the weakest health dimension', () => {
    const h = healthDoc(7, { score: 60, status: 'at_risk', trend: null });
    const breakdown = { ...h.breakdown, support: { ...h.breakdown.support, score: 31 } };
    expect(rowWarning({ ...h, breakdown })).toEqual({
      severity: 'warning',
      kind: 'dimension',
      dimension: 'support',
      score: 31,
    });
  });

  it.each([
    ['no_login', 'engagement'],
    ['usage_drop', 'usage'],
    ['stale_ticket', 'support'],
    ['ticket_surge', 'support'],
    ['nps_drop', 'satisfaction'],
    ['main_contact_left', 'relationship'],
    ['renewal_soon', 'renewal'],
    ['something_new', 'other'],
  ])('risk factor %s → category %s', (type, category) => {
    const h = healthDoc(8, {
      score: 40,
      status: 'critical',
      trend: null,
      riskFactors: [
        {
          type,
          description: { code: 'text', params: { text: 'x' } },
          impact: -10,
          detectedAt: '2026-01-29T18:00:00.000Z',
        },
      ],
    });
    expect(rowWarning(h)).toMatchObject({ kind: 'factor', category });
  });
});

describe('normalizeSearch', () => {
  it.each([
    ['AgênciaDigital', 'agenciadigital'],
    ['  São   Paulo ', 'sao paulo'],
    ['JOÃO', 'joao'],
    ['Ação Çedilha', 'acao cedilha'],
    ['E-commerce', 'e-commerce'],
    ['ÁÉÍÓÚ ÂÊÔ ÃÕ Ç àü', 'aeiou aeo ao c au'],
    ['\tTab\nnova linha', 'tab nova linha'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeSearch(input)).toBe(expected);
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string(), (s) => normalizeSearch(normalizeSearch(s)) === normalizeSearch(s)));
  });
});

describe('filterRows', () => {
  const f = (filters: Partial<CustomerFilters>) =>
    namesOf(filterRows(rows, { ...NO_FILTERS, ...filters }, MARIA.id));

  it.each<[Partial<CustomerFilters>, string[]]>([
    [{}, ['TechCorp LTDA', 'Fintech ABC', 'AgênciaDigital', 'StartupXYZ', 'E-commerce Shop']],
    [{ query: 'agencia' }, ['AgênciaDigital']],
    [{ query: 'AGÊNCIA digital' }, ['AgênciaDigital']],
    [{ query: 'fintechabc.com' }, ['Fintech ABC']], // domain
    [{ query: 'saas' }, ['TechCorp LTDA']], // industry
    [{ query: 'com.br shop' }, ['E-commerce Shop']], // every word must match
    [{ query: 'maria' }, []], // CSM names are not searched
    [{ health: 'healthy' }, ['TechCorp LTDA', 'Fintech ABC', 'E-commerce Shop']],
    [{ health: 'at_risk' }, ['AgênciaDigital']],
    [{ health: 'critical' }, ['StartupXYZ']],
    [{ tier: 'pro' }, ['Fintech ABC', 'AgênciaDigital', 'E-commerce Shop']],
    [{ tier: 'custom' }, []],
    [{ csm: JOAO.id }, ['Fintech ABC']],
    [{ csm: 'none' }, ['StartupXYZ']],
    [{ mine: true }, ['TechCorp LTDA', 'AgênciaDigital']],
    [{ mine: true, health: 'at_risk' }, ['AgênciaDigital']],
    [{ mine: true, csm: JOAO.id }, []],
    [{ tier: 'pro', health: 'healthy', query: 'e-comm' }, ['E-commerce Shop']],
  ])('%j → %j', (filters, expected) => {
    expect(f(filters)).toEqual(expected);
  });

  it('counts active filters (the search box is not one)', () => {
    expect(activeFilterCount({ ...NO_FILTERS, query: 'x' })).toBe(0);
    expect(activeFilterCount({ ...NO_FILTERS, health: 'at_risk', mine: true })).toBe(2);
  });

  it('never returns a row the unfiltered list lacks, and "all" filters are the identity', () => {
    fc.assert(
      fc.property(
        fc.record({
          query: fc.constantFrom('', 'a', 'tech', 'ç', 'com.br'),
          health: fc.constantFrom('all', 'healthy', 'at_risk', 'critical'),
          tier: fc.constantFrom('all', 'starter', 'pro', 'enterprise', 'custom'),
          csm: fc.constantFrom('all', 'none', JOAO.id, MARIA.id),
          mine: fc.boolean(),
        }),
        (filters) => {
          const out = filterRows(rows, filters as CustomerFilters, MARIA.id);
          return out.every((r) => rows.includes(r)) && out.length <= rows.length;
        },
      ),
    );
    expect(filterRows(rows, NO_FILTERS, MARIA.id)).toEqual(rows);
  });
});

describe('createNarrowingFilter (a search typed key by key)', () => {
  const q = (query: string, filters: Partial<CustomerFilters> = {}): CustomerFilters => ({
    ...NO_FILTERS,
    ...filters,
    query,
  });

  it('answers exactly what filterRows answers, for any sequence of searches and filters', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            query: fc.constantFrom('', 'e', 'ec', 'eco', 'e-c', 'tech', 'te', 't', 'com br', 'com', 'ç'),
            health: fc.constantFrom('all', 'healthy', 'at_risk'),
            mine: fc.boolean(),
          }),
          { maxLength: 40 },
        ),
        (steps) => {
          const narrow = createNarrowingFilter();
          for (const step of steps) {
            const filters: CustomerFilters = { ...NO_FILTERS, ...step };
            expect(namesOf(narrow(rows, filters, MARIA.id))).toEqual(
              namesOf(filterRows(rows, filters, MARIA.id)),
            );
          }
        },
      ),
    );
  });

  it('a search typed again (a deleted letter, then the letter) answers its earlier result without filtering', () => {
    const narrow = createNarrowingFilter();
    const tech = narrow(rows, q('tech'), MARIA.id);
    const tec = narrow(rows, q('tec'), MARIA.id);
    expect(narrow(rows, q('tech'), MARIA.id)).toBe(tech);
    expect(narrow(rows, q('tec'), MARIA.id)).toBe(tec);
    expect(namesOf(tech)).toEqual(['TechCorp LTDA', 'Fintech ABC']);
  });

  it('forgets its searches when the rows, a filter or the user change', () => {
    const narrow = createNarrowingFilter();
    const first = narrow(rows, q('tech'), MARIA.id);
    const healthy = narrow(rows, q('tech', { health: 'healthy' }), MARIA.id);
    expect(healthy).not.toBe(first);
    expect(narrow(rows, q('tech'), MARIA.id)).not.toBe(first);
    const fewer = rows.slice(1);
    expect(namesOf(narrow(fewer, q('tech'), MARIA.id))).toEqual(['Fintech ABC']);
    expect(namesOf(narrow(rows, q('tech', { mine: true }), JOAO.id))).toEqual(['Fintech ABC']);
  });

  it(`keeps the last ${REMEMBERED_SEARCHES} searches, not more`, () => {
    const narrow = createNarrowingFilter();
    const oldest = narrow(rows, q('a'), MARIA.id);
    for (let i = 0; i < REMEMBERED_SEARCHES - 1; i++) narrow(rows, q(`x${i}`), MARIA.id);
    expect(narrow(rows, q('a'), MARIA.id)).toBe(oldest); // still kept, and now the newest
    for (let i = 0; i < REMEMBERED_SEARCHES; i++) narrow(rows, q(`y${i}`), MARIA.id);
    expect(narrow(rows, q('a'), MARIA.id)).not.toBe(oldest);
  });
});

describe('sortRows', () => {
  const s = (key: CustomerSort['key'], direction: CustomerSort['direction']) =>
    namesOf(sortRows(rows, { key, direction }));

  it.each<[CustomerSort['key'], CustomerSort['direction'], string[]]>([
    ['name', 'asc', ['AgênciaDigital', 'E-commerce Shop', 'Fintech ABC', 'StartupXYZ', 'TechCorp LTDA']],
    ['mrr', 'desc', ['TechCorp LTDA', 'Fintech ABC', 'E-commerce Shop', 'AgênciaDigital', 'StartupXYZ']],
    ['mrr', 'asc', ['StartupXYZ', 'AgênciaDigital', 'E-commerce Shop', 'Fintech ABC', 'TechCorp LTDA']],
    ['health', 'asc', ['StartupXYZ', 'AgênciaDigital', 'E-commerce Shop', 'Fintech ABC', 'TechCorp LTDA']],
    // Plans starter < pro < enterprise; ties by name.
    ['tier', 'asc', ['StartupXYZ', 'AgênciaDigital', 'E-commerce Shop', 'Fintech ABC', 'TechCorp LTDA']],
    ['tier', 'desc', ['TechCorp LTDA', 'AgênciaDigital', 'E-commerce Shop', 'Fintech ABC', 'StartupXYZ']],
    // No CSM sorts last in both directions.
    ['csm', 'asc', ['Fintech ABC', 'AgênciaDigital', 'TechCorp LTDA', 'E-commerce Shop', 'StartupXYZ']],
    ['csm', 'desc', ['E-commerce Shop', 'AgênciaDigital', 'TechCorp LTDA', 'Fintech ABC', 'StartupXYZ']],
    ['since', 'asc', ['TechCorp LTDA', 'Fintech ABC', 'E-commerce Shop', 'AgênciaDigital', 'StartupXYZ']],
  ])('%s %s', (key, direction, expected) => {
    expect(s(key, direction)).toEqual(expected);
  });

  it('puts customers without health last in both directions', () => {
    const withNew = buildRows(
      [...WIREFRAME_CUSTOMERS, customerDoc(9, { name: 'AAA Nova' })],
      WIREFRAME_HEALTH,
      names,
    );
    for (const direction of ['asc', 'desc'] as const) {
      expect(namesOf(sortRows(withNew, { key: 'health', direction })).at(-1)).toBe('AAA Nova');
    }
  });

  it('is a permutation, and reversing the direction reverses rows with distinct keys', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 30 }),
        (mrrs) => {
          const list = buildRows(
            mrrs.map((mrrCents, i) => customerDoc(i + 10, { name: `C${i}`, mrrCents })),
            [],
            names,
          );
          const asc = sortRows(list, { key: 'mrr', direction: 'asc' });
          const desc = sortRows(list, { key: 'mrr', direction: 'desc' });
          expect(new Set(asc)).toEqual(new Set(list));
          expect(desc).toEqual([...asc].reverse());
        },
      ),
    );
  });

  it.each<[CustomerSort, CustomerSort['key'], CustomerSort]>([
    [{ key: 'name', direction: 'asc' }, 'name', { key: 'name', direction: 'desc' }],
    [{ key: 'name', direction: 'desc' }, 'name', { key: 'name', direction: 'asc' }],
    [{ key: 'name', direction: 'asc' }, 'mrr', { key: 'mrr', direction: 'desc' }],
    [{ key: 'mrr', direction: 'desc' }, 'health', { key: 'health', direction: 'asc' }],
  ])('nextSort(%j, %s) → %j', (current, key, expected) => {
    expect(nextSort(current, key)).toEqual(expected);
  });
});

describe('createRowSorter (a live list: sync pages and edits arrive as whole new lists)', () => {
  const SORTS: readonly CustomerSort[] = [
    { key: 'name', direction: 'asc' },
    { key: 'mrr', direction: 'desc' },
    { key: 'health', direction: 'asc' },
    { key: 'csm', direction: 'desc' },
    { key: 'tier', direction: 'asc' },
  ];
  // Few distinct names, amounts and scores: ties decided by the next key, the name and the id.
  const rowOf = (n: number, version: number) => {
    const customer = customerDoc(n, {
      name: `Cliente ${(n * 3 + version) % 5}`,
      mrrCents: ((n + version) % 4) * 1000,
      csmId: [null, MARIA.id, JOAO.id][(n + version) % 3]!,
      tier: (['starter', 'pro', 'enterprise'] as const)[n % 3]!,
    });
    const health =
      (n + version) % 4 === 0
        ? []
        : [healthDoc(n, { score: ((n + version) % 3) * 30, status: 'healthy', trend: null })];
    return buildRows([customer], health, names)[0]!;
  };
  const same = (a: readonly unknown[], b: readonly unknown[]) =>
    a.length === b.length && a.every((row, i) => row === b[i]);

  it('answers exactly the rows sortRows answers, in its order, for any sequence of lists and sorts', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            add: fc.array(fc.integer({ min: 10, max: 49 }), { maxLength: 4 }),
            drop: fc.array(fc.integer({ min: 10, max: 49 }), { maxLength: 3 }),
            change: fc.array(fc.integer({ min: 10, max: 49 }), { maxLength: 2 }),
            sort: fc.option(fc.constantFrom(...SORTS), { freq: 4 }),
          }),
          { maxLength: 30 },
        ),
        fc.array(fc.integer({ min: 10, max: 49 }), { minLength: 0, maxLength: 30 }),
        (steps, initial) => {
          const sorter = createRowSorter();
          const listed = new Map<number, { row: ReturnType<typeof rowOf>; version: number }>();
          for (const n of initial) listed.set(n, { row: rowOf(n, 0), version: 0 });
          let sort = SORTS[0]!;
          const check = () => {
            const rowsNow = [...listed.values()].map((entry) => entry.row);
            expect(same(sorter(rowsNow, sort), sortRows(rowsNow, sort))).toBe(true);
          };
          check();
          for (const step of steps) {
            for (const n of step.add) if (!listed.has(n)) listed.set(n, { row: rowOf(n, 0), version: 0 });
            for (const n of step.drop) listed.delete(n);
            for (const n of step.change) {
              const entry = listed.get(n);
              if (entry) listed.set(n, { row: rowOf(n, entry.version + 1), version: entry.version + 1 });
            }
            if (step.sort) sort = step.sort;
            check();
          }
        },
      ),
    );
  });

  it('merges an edited customer into the previous order and drops the rows that left', () => {
    const sorter = createRowSorter();
    const byMrr: CustomerSort = { key: 'mrr', direction: 'desc' };
    expect(namesOf(sorter(rows, byMrr))).toEqual(namesOf(sortRows(rows, byMrr)));
    // StartupXYZ (the lowest MRR) becomes the highest; Fintech ABC leaves the list.
    const startup = byName('StartupXYZ');
    const edited = buildRows([{ ...startup.customer, mrrCents: 9_999_999 }], WIREFRAME_HEALTH, names)[0]!;
    const next = [...rows.filter((r) => r !== startup && r !== byName('Fintech ABC')), edited];
    expect(namesOf(sorter(next, byMrr))).toEqual([
      'StartupXYZ',
      'TechCorp LTDA',
      'E-commerce Shop',
      'AgênciaDigital',
    ]);
    expect(sorter(next, byMrr)[0]).toBe(edited);
  });
});

describe('computeKpis', () => {
  it('sums the wireframe rows: R$ 14.100, 5 customers, 3 healthy, 1 at risk, 1 critical', () => {
    expect(computeKpis(rows, '2026-01-29')).toEqual({
      mrrCents: 1_410_000,
      customers: 5,
      healthy: 3,
      atRisk: 1,
      critical: 1,
      newThisMonth: 0,
    });
  });

  it('counts customers that started this calendar month as new', () => {
    const fresh = buildRows(
      [customerDoc(9, { name: 'Nova', customerSince: '2026-01-02' }), ...WIREFRAME_CUSTOMERS],
      WIREFRAME_HEALTH,
      names,
    );
    expect(computeKpis(fresh, '2026-01-29')).toMatchObject({ customers: 6, newThisMonth: 1, healthy: 3 });
    expect(computeKpis(fresh, '2026-02-01').newThisMonth).toBe(0);
  });

  // The cards follow the search and every filter (issue 10, "the list, finished").
  it.each<[string, Partial<CustomerFilters>, Partial<ReturnType<typeof computeKpis>>]>([
    ['no filter', {}, { mrrCents: 1_410_000, customers: 5, healthy: 3, atRisk: 1, critical: 1 }],
    ['search "agencia"', { query: 'agencia' }, { mrrCents: 210_000, customers: 1, healthy: 0, atRisk: 1 }],
    ['search by domain', { query: 'techcorp.com' }, { mrrCents: 450_000, customers: 1, healthy: 1 }],
    ['health: at risk', { health: 'at_risk' }, { mrrCents: 210_000, customers: 1, atRisk: 1, critical: 0 }],
    ['health: critical', { health: 'critical' }, { mrrCents: 150_000, customers: 1, critical: 1 }],
    ['plan: pro', { tier: 'pro' }, { mrrCents: 810_000, customers: 3, healthy: 2, atRisk: 1 }],
    ['CSM: João', { csm: JOAO.id }, { mrrCents: 320_000, customers: 1, healthy: 1 }],
    ['no CSM', { csm: 'none' }, { mrrCents: 150_000, customers: 1, critical: 1 }],
    ['my portfolio', { mine: true }, { mrrCents: 660_000, customers: 2, healthy: 1, atRisk: 1 }],
    ['my portfolio + pro', { mine: true, tier: 'pro' }, { mrrCents: 210_000, customers: 1, atRisk: 1 }],
    ['nothing matches', { query: 'zzz' }, { mrrCents: 0, customers: 0, healthy: 0, atRisk: 0, critical: 0 }],
  ])('listKpis with %s', (_, filters, expected) => {
    expect(listKpis(rows, { ...NO_FILTERS, ...filters }, MARIA.id, '2026-01-29')).toMatchObject(expected);
  });

  it('createKpiCache computes once per list of rows and day', () => {
    const kpisOf = createKpiCache();
    const listed = rows.slice(0, 3);
    const first = kpisOf(listed, '2026-12-07');
    expect(first).toEqual(computeKpis(listed, '2026-12-07'));
    expect(kpisOf(listed, '2026-12-07')).toBe(first);
    expect(kpisOf(listed.slice(), '2026-12-07')).not.toBe(first);
    expect(kpisOf(listed, '2027-01-02')).toEqual(computeKpis(listed, '2027-01-02'));
  });

  it('listKpis always equals computeKpis over the rows filterRows keeps', () => {
    const filters: fc.Arbitrary<CustomerFilters> = fc.record({
      query: fc.constantFrom('', 'a', 'tech', 'ç', 'shop'),
      health: fc.constantFrom<CustomerFilters['health'][]>('all', 'healthy', 'at_risk', 'critical'),
      tier: fc.constantFrom<CustomerFilters['tier'][]>('all', 'starter', 'pro', 'enterprise', 'custom'),
      csm: fc.constantFrom('all', 'none', MARIA.id, JOAO.id),
      mine: fc.boolean(),
    });
    fc.assert(
      fc.property(filters, (f) => {
        const kept = filterRows(rows, f, MARIA.id);
        expect(listKpis(rows, f, MARIA.id, '2026-01-29')).toEqual(computeKpis(kept, '2026-01-29'));
      }),
    );
  });

  it.each([
    [67, 89, 0.75], // the wireframe: 67 (75%)
    [12, 89, 0.13], // 12 (13%)
    [3, 5, 0.6],
    [0, 0, 0],
  ])('shareOf(%i, %i) = %f', (part, total, expected) => {
    expect(shareOf(part, total)).toBe(expected);
  });
});

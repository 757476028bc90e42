import { useId, useState, type Ref } from 'react';
import { Button } from '../../ui/button.tsx';
import {
  activeFilterCount,
  NO_FILTERS,
  TIER_ORDER,
  type CustomerFilters,
  type HealthFilter,
  type Tier,
} from './customer-rows.ts';
import type { CustomersT } from './use-customers-translation.ts';
import styles from './customer-list-page.module.css';

export interface CsmOption {
  readonly id: string;
  readonly name: string;
}

/**
 * Search, the filter disclosure (always open on desktop, collapsible on phones — open from the start when a
 * filter is already on, e.g. from the at-risk shortcut), export and "+ Empresa".
 */
export function ListToolbar({
  filters,
  onFilters,
  csmOptions,
  onExport,
  exportDisabled,
  onCreate,
  createRef,
  t,
}: {
  filters: CustomerFilters;
  onFilters: (next: CustomerFilters) => void;
  csmOptions: readonly CsmOption[];
  onExport: () => void;
  exportDisabled: boolean;
  /** Absent when the user may not create customers. */
  onCreate?: (opener: HTMLElement) => void;
  createRef?: Ref<HTMLButtonElement>;
  t: CustomersT;
}) {
  const active = activeFilterCount(filters);
  const [open, setOpen] = useState(active > 0);
  const panelId = useId();
  const searchId = useId();
  const set = (patch: Partial<CustomerFilters>) => onFilters({ ...filters, ...patch });

  return (
    <div className={styles.toolbarArea}>
      <div role="search" className={styles.toolbar}>
        <label htmlFor={searchId} className="visually-hidden">
          {t('search.label')}
        </label>
        <input
          id={searchId}
          type="search"
          className={styles.search}
          placeholder={t('search.placeholder')}
          value={filters.query}
          onChange={(e) => set({ query: e.target.value })}
          autoComplete="off"
          enterKeyHint="search"
        />
        <div className={styles.toolbarButtons} role="group" aria-label={t('toolbar.label')}>
          <Button
            variant="secondary"
            className={styles.filtersToggle}
            aria-expanded={open}
            aria-controls={panelId}
            onClick={() => setOpen((o) => !o)}
          >
            {active > 0 ? t('toolbar.filtersActive', { count: active }) : t('toolbar.filters')}
            <span aria-hidden="true">{open ? '▴' : '▾'}</span>
          </Button>
          <Button variant="secondary" onClick={onExport} disabled={exportDisabled}>
            {t('toolbar.export')}
          </Button>
          {onCreate ? (
            <Button
              ref={createRef}
              aria-label={t('toolbar.newCustomerLabel')}
              onClick={(e) => onCreate(e.currentTarget)}
            >
              <span aria-hidden="true">+</span> {t('toolbar.newCustomer')}
            </Button>
          ) : null}
        </div>
      </div>
      <div
        id={panelId}
        role="group"
        aria-label={t('filters.label')}
        className={styles.filters}
        hidden={!open}
      >
        <FilterSelect
          label={t('filters.health')}
          value={filters.health}
          onChange={(health) => set({ health: health as HealthFilter })}
          options={[
            ['all', t('filters.all')],
            ['healthy', t('health.healthy')],
            ['at_risk', t('health.at_risk')],
            ['critical', t('health.critical')],
          ]}
        />
        <FilterSelect
          label={t('filters.plan')}
          value={filters.tier}
          onChange={(tier) => set({ tier: tier as 'all' | Tier })}
          options={[
            ['all', t('filters.all')],
            ...TIER_ORDER.map((tier) => [tier, t(`tiers.${tier}`)] as const),
          ]}
        />
        <FilterSelect
          label={t('filters.csm')}
          value={filters.csm}
          onChange={(csm) => set({ csm })}
          options={[
            ['all', t('filters.all')],
            ...csmOptions.map((o) => [o.id, o.name] as const),
            ['none', t('filters.noCsm')],
          ]}
        />
        <label className={styles.checkbox}>
          <input type="checkbox" checked={filters.mine} onChange={(e) => set({ mine: e.target.checked })} />
          {t('filters.mine')}
        </label>
        <Button
          variant="secondary"
          className={styles.clear}
          disabled={active === 0}
          onClick={() => onFilters({ ...NO_FILTERS, query: filters.query })}
        >
          {t('filters.clear')}
        </Button>
      </div>
    </div>
  );
}

function FilterSelect({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly (readonly [string, string])[];
}) {
  const id = useId();
  // A value no option offers (a CSM id from a bookmark) still shows, rather than silently reading "Todos".
  const known = options.some(([v]) => v === value);
  return (
    <div className={styles.filter}>
      <label htmlFor={id} className={styles.filterLabel}>
        {label}
      </label>
      <select id={id} className={styles.select} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
        {known ? null : <option value={value}>{value}</option>}
      </select>
    </div>
  );
}

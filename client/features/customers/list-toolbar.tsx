import { memo, useId, useState, type Dispatch, type Ref, type SetStateAction } from 'react';
import { Button } from '../../ui/button.tsx';
import {
  activeFilterCount,
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
 *
 * A keystroke renders this toolbar (the search box is controlled), so everything but the search box is split
 * into memoised parts that take only what they show: a key does not redraw the buttons and the filter panel
 * (issue 16: a keystroke within a frame at 10,000 customers). `onPatch` and `onClearFilters` must apply to the
 * list's current filters (functional updates): the memoised panel does not re-render when only the query
 * changes, so it never holds the query to write back.
 */
export function ListToolbar({
  filters,
  onQuery,
  onPatch,
  onClearFilters,
  csmOptions,
  onExport,
  exportDisabled,
  onCreate,
  createRef,
  t,
}: {
  filters: CustomerFilters;
  onQuery: (query: string) => void;
  /** Changes some filters, keeping the others and the query as they are when applied. */
  onPatch: (patch: Partial<CustomerFilters>) => void;
  /** Every filter back to its default, the query kept. */
  onClearFilters: () => void;
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
          onChange={(e) => onQuery(e.target.value)}
          autoComplete="off"
          enterKeyHint="search"
        />
        <ToolbarButtons
          active={active}
          open={open}
          setOpen={setOpen}
          panelId={panelId}
          onExport={onExport}
          exportDisabled={exportDisabled}
          onCreate={onCreate}
          createRef={createRef}
          t={t}
        />
      </div>
      <FilterPanel
        panelId={panelId}
        open={open}
        health={filters.health}
        tier={filters.tier}
        csm={filters.csm}
        mine={filters.mine}
        active={active}
        onPatch={onPatch}
        onClearFilters={onClearFilters}
        csmOptions={csmOptions}
        t={t}
      />
    </div>
  );
}

const ToolbarButtons = memo(function ToolbarButtons({
  active,
  open,
  setOpen,
  panelId,
  onExport,
  exportDisabled,
  onCreate,
  createRef,
  t,
}: {
  active: number;
  open: boolean;
  setOpen: Dispatch<SetStateAction<boolean>>;
  panelId: string;
  onExport: () => void;
  exportDisabled: boolean;
  onCreate: ((opener: HTMLElement) => void) | undefined;
  createRef: Ref<HTMLButtonElement> | undefined;
  t: CustomersT;
}) {
  return (
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
  );
});

const FilterPanel = memo(function FilterPanel({
  panelId,
  open,
  health,
  tier,
  csm,
  mine,
  active,
  onPatch,
  onClearFilters,
  csmOptions,
  t,
}: {
  panelId: string;
  open: boolean;
  health: HealthFilter;
  tier: 'all' | Tier;
  csm: string;
  mine: boolean;
  active: number;
  onPatch: (patch: Partial<CustomerFilters>) => void;
  onClearFilters: () => void;
  csmOptions: readonly CsmOption[];
  t: CustomersT;
}) {
  return (
    <div id={panelId} role="group" aria-label={t('filters.label')} className={styles.filters} hidden={!open}>
      <FilterSelect
        label={t('filters.health')}
        value={health}
        onChange={(next) => onPatch({ health: next as HealthFilter })}
        options={[
          ['all', t('filters.all')],
          ['healthy', t('health.healthy')],
          ['at_risk', t('health.at_risk')],
          ['critical', t('health.critical')],
        ]}
      />
      <FilterSelect
        label={t('filters.plan')}
        value={tier}
        onChange={(next) => onPatch({ tier: next as 'all' | Tier })}
        options={[['all', t('filters.all')], ...TIER_ORDER.map((x) => [x, t(`tiers.${x}`)] as const)]}
      />
      <FilterSelect
        label={t('filters.csm')}
        value={csm}
        onChange={(next) => onPatch({ csm: next })}
        options={[
          ['all', t('filters.all')],
          ...csmOptions.map((o) => [o.id, o.name] as const),
          ['none', t('filters.noCsm')],
        ]}
      />
      <label className={styles.checkbox}>
        <input type="checkbox" checked={mine} onChange={(e) => onPatch({ mine: e.target.checked })} />
        {t('filters.mine')}
      </label>
      <Button variant="secondary" className={styles.clear} disabled={active === 0} onClick={onClearFilters}>
        {t('filters.clear')}
      </Button>
    </div>
  );
});

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

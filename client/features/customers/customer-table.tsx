import { memo, useCallback, useLayoutEffect, useRef, useState } from 'react';
import { measureElement, useWindowVirtualizer } from '@tanstack/react-virtual';
import { Link } from 'react-router';
import type { AppLanguage } from '../../ui/format.ts';
import { useDomainTextFor, type DomainTextRenderer } from '../../domain-text/use-domain-text.ts';
import { customerPath } from '../customer-360/paths.ts';
import type { CustomerRow, CustomerSort, RowWarning, SortKey } from './customer-rows.ts';
import { formatMoneyWhole } from './money.ts';
import type { CustomersT } from './use-customers-translation.ts';
import styles from './customer-table.module.css';

/**
 * The customer list as an ARIA table (`role="table"` / `row` / `columnheader` / `cell`): a table on desktop,
 * stacked cards on phones (the header row becomes a bar of sort buttons). Rows are virtualised against the
 * window scroll (@tanstack/react-virtual), so 10,000 customers keep a few dozen rows in the DOM;
 * `aria-rowcount` / `aria-rowindex` tell assistive technology the full size and each row's place.
 */
export interface CustomerTableProps {
  readonly rows: readonly CustomerRow[];
  /**
   * The rows are a first screenful while the whole list loads: `aria-busy`, and a row count of -1 ("unknown"
   * in ARIA) so assistive technology does not announce the preview's size as the list's.
   */
  readonly busy?: boolean;
  readonly sort: CustomerSort;
  readonly onSort: (key: SortKey) => void;
  readonly onEdit: (row: CustomerRow, opener: HTMLElement) => void;
  readonly canEdit: boolean;
  readonly t: CustomersT;
  readonly language: AppLanguage;
  /** Row selection for bulk actions (admins assigning CSMs); absent: no checkboxes. */
  readonly selection?: RowSelection;
}

export interface RowSelection {
  readonly selected: ReadonlySet<string>;
  readonly onToggle: (customerId: string, selected: boolean) => void;
  /** Select or clear every listed row (all of them, not only the ones the virtualiser has rendered). */
  readonly onToggleAll: (selected: boolean) => void;
}

/** Columns in display order; `null`: not sortable. */
const COLUMNS: readonly { key: SortKey | null; label: Parameters<CustomersT>[0]; className: string }[] = [
  { key: 'name', label: 'columns.customer', className: styles.colCustomer! },
  { key: 'mrr', label: 'columns.mrr', className: styles.colMrr! },
  { key: 'health', label: 'columns.health', className: styles.colHealth! },
  { key: 'tier', label: 'columns.plan', className: styles.colPlan! },
  { key: 'since', label: 'columns.since', className: styles.colSince! },
  { key: 'csm', label: 'columns.csm', className: styles.colCsm! },
  { key: null, label: 'columns.actions', className: styles.colActions! },
];

/** A mobile card is about this tall; real heights are measured as rows render. */
const ESTIMATED_ROW_PX = 132;

/**
 * Memoised: a keystroke first renders the page with the previous filter result (the search box must answer at
 * once), and the table has nothing to change in that render.
 */
export const CustomerTable = memo(function CustomerTable({
  rows,
  busy = false,
  sort,
  onSort,
  onEdit,
  canEdit,
  t,
  language,
  selection,
}: CustomerTableProps) {
  const domainText = useDomainTextFor(language);
  const bodyRef = useRef<HTMLDivElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  // The virtualiser needs the body's distance from the top of the document. Content above it (the filter
  // panel, notices, wrapping KPI cards) moves it, and always changes the document's height when it does.
  useLayoutEffect(() => {
    const measure = () => {
      const top = (bodyRef.current?.getBoundingClientRect().top ?? 0) + window.scrollY;
      setScrollMargin((previous) => (Math.abs(previous - top) > 1 ? top : previous));
    };
    measure();
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : null;
    observer?.observe(document.body);
    window.addEventListener('resize', measure);
    return () => {
      observer?.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, []);

  // Stable callbacks: the virtualiser recomputes every item's position (10,000 of them) whenever these change.
  const getItemKey = useCallback((index: number) => rows[index]?.id ?? index, [rows]);
  // Rows not measured yet are estimated at the last measured row's height (one layout's rows are mostly alike:
  // a desktop row, a phone card), not a constant: a search shows rows never measured, and each estimate that
  // misses moves the rows below and renders the table a second time within the keystroke.
  // Once one row has been measured, a row that mounts is taken at that height until its ResizeObserver entry
  // (delivered after the frame's layout, before it paints) says otherwise: reading its height as it mounts
  // forced a layout inside React's commit, then the frame laid out again (a profile of typing at 10,000).
  // A zero height (no layout: jsdom) never becomes the estimate.
  const typicalRow = useRef<number | null>(null);
  const estimateSize = useCallback(() => typicalRow.current ?? ESTIMATED_ROW_PX, []);
  const measureRow = useCallback((...args: Parameters<typeof measureElement>) => {
    const [element, entry, instance] = args;
    const typical = typicalRow.current;
    if (!entry && typical !== null) {
      const key = instance.options.getItemKey(instance.indexFromElement(element));
      return instance.itemSizeCache.get(key) ?? typical;
    }
    const size = measureElement(...args);
    if (size > 0) typicalRow.current = size;
    return size;
  }, []);
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize,
    measureElement: measureRow,
    // Rows rendered beyond the viewport on each side. Each is a row a keystroke mounts when the result changes
    // (≈ 30 elements: React, style, layout, paint): 6 cost a widening keystroke at 10,000 customers ≈ 5–10 ms
    // more than 3 (same-run A/B, session 10); 3 rows (≈ 170 px on desktop, ≈ 400 px of phone cards) still
    // cover a scroll step before the virtualiser renders the next ones.
    overscan: 3,
    scrollMargin,
    getItemKey,
  });

  const selectedListed = selection ? rows.filter((r) => selection.selected.has(r.customer.id)).length : 0;
  const allListed = rows.length > 0 && selectedListed === rows.length;

  return (
    <div
      role="table"
      aria-label={t('list.label')}
      aria-rowcount={busy ? -1 : rows.length + 1}
      aria-busy={busy || undefined}
      className={styles.table}
    >
      <TableHead
        sort={sort}
        onSort={onSort}
        t={t}
        selectAll={
          selection
            ? {
                count: rows.length,
                checked: allListed,
                mixed: selectedListed > 0 && !allListed,
                disabled: busy || rows.length === 0,
                onChange: selection.onToggleAll,
              }
            : null
        }
      />
      <div
        role="rowgroup"
        ref={bodyRef}
        className={styles.body}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <div
              key={item.key}
              role="row"
              aria-rowindex={item.index + 2}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className={styles.row}
              style={{ transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }}
            >
              <CustomerCells
                row={row}
                onEdit={onEdit}
                canEdit={canEdit}
                t={t}
                language={language}
                selected={selection ? selection.selected.has(row.customer.id) : null}
                onToggle={selection?.onToggle}
                domainText={domainText}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
});

/** The "select every listed row" box of the header (admins). */
interface SelectAll {
  readonly count: number;
  readonly checked: boolean;
  readonly mixed: boolean;
  readonly disabled: boolean;
  readonly onChange: (selected: boolean) => void;
}

/**
 * The header row. Memoised on what it shows (`selectAll` compared field by field): a keystroke changes the
 * table's rows, not its header, and the header's labels are eight lookups in i18next.
 */
const TableHead = memo(
  function TableHead({
    sort,
    onSort,
    t,
    selectAll,
  }: {
    sort: CustomerSort;
    onSort: (key: SortKey) => void;
    t: CustomersT;
    selectAll: SelectAll | null;
  }) {
    return (
      <div role="rowgroup" className={styles.head}>
        <div role="row" aria-rowindex={1} className={styles.headRow}>
          {COLUMNS.map((column) => {
            const active = column.key !== null && sort.key === column.key;
            return (
              <div
                key={column.label}
                role="columnheader"
                className={`${styles.headCell} ${column.className}`}
                aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                {selectAll && column.key === 'name' ? (
                  <SelectBox
                    label={t('assign.selectAll', { count: selectAll.count })}
                    checked={selectAll.checked}
                    mixed={selectAll.mixed}
                    disabled={selectAll.disabled}
                    onChange={selectAll.onChange}
                  />
                ) : null}
                {column.key === null ? (
                  <span className="visually-hidden">{t(column.label)}</span>
                ) : (
                  <button
                    type="button"
                    className={styles.sortButton}
                    data-active={active || undefined}
                    onClick={() => onSort(column.key!)}
                  >
                    {t(column.label)}
                    <span aria-hidden="true" className={styles.sortArrow}>
                      {active ? (sort.direction === 'asc' ? '↑' : '↓') : '↕'}
                    </span>
                  </button>
                )}
              </div>
            );
          })}
        </div>
      </div>
    );
  },
  (a, b) =>
    a.sort === b.sort &&
    a.onSort === b.onSort &&
    a.t === b.t &&
    (a.selectAll === b.selectAll ||
      (a.selectAll !== null &&
        b.selectAll !== null &&
        a.selectAll.count === b.selectAll.count &&
        a.selectAll.checked === b.selectAll.checked &&
        a.selectAll.mixed === b.selectAll.mixed &&
        a.selectAll.disabled === b.selectAll.disabled &&
        a.selectAll.onChange === b.selectAll.onChange)),
);

/** Memoised: scrolling renders only the rows that come into view (props are stable across scroll frames). */
const CustomerCells = memo(function CustomerCells({
  row,
  onEdit,
  canEdit,
  t,
  language,
  selected,
  onToggle,
  domainText,
}: Pick<CustomerTableProps, 'onEdit' | 'canEdit' | 't' | 'language'> & {
  row: CustomerRow;
  /** null: rows are not selectable. */
  selected: boolean | null;
  onToggle: RowSelection['onToggle'] | undefined;
  domainText: DomainTextRenderer;
}) {
  const { customer: c } = row;
  const meta = [c.industry, t('row.users', { count: c.activeUsers })].filter(Boolean).join(' • ');
  return (
    <>
      <div role="cell" className={styles.colCustomer}>
        {selected !== null && onToggle ? (
          <SelectBox
            label={t('assign.select', { name: c.name })}
            checked={selected}
            onChange={(next) => onToggle(c.id, next)}
          />
        ) : null}
        {/* The name opens the customer's 360 (its overview tab). */}
        <Link to={customerPath(c.id)} className={styles.name}>
          {c.name}
        </Link>
        {c.serverSeq === 0 ? <span className={styles.pending}>{t('row.pending')}</span> : null}
        <span className={styles.meta}>{meta}</span>
        {row.warning ? <WarningLine warning={row.warning} t={t} domainText={domainText} /> : null}
      </div>
      <div role="cell" className={`${styles.colMrr} ${styles.mrr}`}>
        {formatMoneyWhole(c.mrrCents, language)}
      </div>
      <div role="cell" className={styles.colHealth}>
        <HealthCell row={row} t={t} />
      </div>
      <div role="cell" className={`${styles.colPlan} ${styles.plan}`}>
        {t(`tiers.${c.tier}`)}
      </div>
      <div role="cell" className={`${styles.colSince} ${styles.muted}`}>
        {t('row.since', { year: c.customerSince.slice(0, 4) })}
      </div>
      <div role="cell" className={styles.colCsm}>
        <span aria-hidden="true" className={styles.mobileLabel}>
          {t('columns.csm')}:{' '}
        </span>
        {row.csmName ?? (
          <>
            <span aria-hidden="true">--</span>
            <span className="visually-hidden">{t('row.noCsm')}</span>
          </>
        )}
      </div>
      <div role="cell" className={styles.colActions}>
        {canEdit ? (
          <button
            type="button"
            className={styles.editButton}
            aria-label={t('row.editNamed', { name: c.name })}
            onClick={(e) => onEdit(row, e.currentTarget)}
          >
            {t('row.edit')}
          </button>
        ) : null}
      </div>
    </>
  );
});

/** A 44 px touch target around a native checkbox; `mixed` sets the indeterminate state (some rows selected). */
function SelectBox({
  label,
  checked,
  mixed = false,
  disabled = false,
  onChange,
}: {
  label: string;
  checked: boolean;
  mixed?: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className={styles.select}>
      <input
        type="checkbox"
        ref={(input) => {
          if (input) input.indeterminate = mixed;
        }}
        checked={checked}
        disabled={disabled}
        aria-label={label}
        onChange={(e) => onChange(e.target.checked)}
      />
    </label>
  );
}

const STATUS_GLYPH = { healthy: '●', at_risk: '▲', critical: '■' } as const;

/** Score, status word and glyph (never colour alone), a bar, and the 30-day trend. */
function HealthCell({ row, t }: { row: CustomerRow; t: CustomersT }) {
  const h = row.health;
  if (!h) return <span className={styles.muted}>{t('health.unknown')}</span>;
  const trend = h.trend ?? 0;
  const arrow = trend > 0 ? '↑' : trend < 0 ? '↓' : '↔';
  const trendText =
    trend > 0
      ? t('health.trendUp', { count: trend })
      : trend < 0
        ? t('health.trendDown', { count: -trend })
        : t('health.trendStable');
  return (
    <div className={styles.health} data-status={h.status}>
      <span className={styles.healthScore}>
        <span aria-hidden="true" className={styles.glyph}>
          {STATUS_GLYPH[h.status]}
        </span>
        <span aria-hidden="true">{h.score}</span>
        <span className="visually-hidden">{t('health.scoreOf', { score: h.score })}</span>
        <span className={styles.healthLabel}>{t(`health.${h.status}`)}</span>
      </span>
      <span className={styles.bar} aria-hidden="true">
        <span className={styles.barFill} style={{ width: `${h.score}%` }} />
      </span>
      {h.trend === null ? null : (
        <span className={styles.trend} data-direction={trend > 0 ? 'up' : trend < 0 ? 'down' : 'stable'}>
          <span aria-hidden="true">
            {arrow} {trend === 0 ? '0' : Math.abs(trend)}
          </span>
          <span className="visually-hidden">{trendText}</span>
        </span>
      )}
    </div>
  );
}

/** The wireframe's "🔴 RISCO DE CHURN - Sem login há 14 dias" / "⚠ Baixo engajamento" line. */
export function warningText(warning: RowWarning, t: CustomersT, domainText: DomainTextRenderer): string {
  const description = warning.kind === 'factor' ? domainText(warning.description) : '';
  const headline =
    warning.kind === 'factor'
      ? t(`riskCategories.${warning.category}`)
      : t(`weakDimensions.${warning.dimension}`);
  if (warning.severity === 'critical') {
    return `${t('row.churnRisk')} - ${warning.kind === 'factor' ? description : headline}`;
  }
  return warning.kind === 'factor' ? `${headline}: ${description}` : headline;
}

function WarningLine({
  warning,
  t,
  domainText,
}: {
  warning: RowWarning;
  t: CustomersT;
  domainText: DomainTextRenderer;
}) {
  return (
    <span className={styles.warning} data-severity={warning.severity}>
      <span aria-hidden="true" className={styles.glyph}>
        {warning.severity === 'critical' ? '■' : '▲'}
      </span>
      {warningText(warning, t, domainText)}
    </span>
  );
}

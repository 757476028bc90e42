import {
  lazy,
  Suspense,
  useCallback,
  useDeferredValue,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { MangoQuery } from 'rxdb';
import type { Customer } from '../../../shared/entities/customer.ts';
import type { Health } from '../../../shared/entities/csm.ts';
import { calendarDate } from '../../../shared/domain/csm/dates.ts';
import { identityOf } from '../../../shared/identity.ts';
import { useDependencies } from '../../platform/dependencies.tsx';
import { useSession } from '../../auth/session-context.tsx';
import { useCollection, useLiveCollection, useLiveDocuments } from '../../db/device-data.tsx';
import { useSyncStatus } from '../../sync-status/use-sync-status.ts';
import { Button } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { DEFAULT_TIME_ZONE } from '../../ui/format.ts';
import { AlertIcon, UsersIcon } from '../../ui/icons.tsx';
import { Page } from '../../ui/page.tsx';
import type { FormTarget } from './customer-form-dialog.tsx';
import {
  activeFilterCount,
  buildRows,
  createKpiCache,
  createNarrowingFilter,
  createRowCache,
  createRowSorter,
  inPortfolioScope,
  NO_FILTERS,
  nextSort,
  type CustomerFilters,
  type CustomerRow,
  type SortKey,
} from './customer-rows.ts';
import { useDomainTextFor } from '../../domain-text/use-domain-text.ts';
import { CustomerTable, type RowSelection } from './customer-table.tsx';
import { assigneeOptions, selectedCustomers } from './csm-assignees.ts';
import type { AssignmentPlan } from './csm-assignment.ts';
import { useCustomerPermissions } from './use-customer-permissions.ts';
import { KpiCards } from './kpi-cards.tsx';
import { ListToolbar, type CsmOption } from './list-toolbar.tsx';
import { csmNameResolver, useStaffDirectory } from './staff-directory.ts';
import { useCustomersTranslation } from './use-customers-translation.ts';
import { useListState } from './use-list-state.ts';
import { listStatus } from './list-status.ts';
import styles from './customer-list-page.module.css';

// Loaded when first used, not with the staff's first screen (issue 16's bundle budget): the forms bring the
// shared write rules, the CSV export its writer (papaparse).
const CustomerFormDialog = lazy(() =>
  import('./customer-form-dialog.tsx').then((m) => ({ default: m.CustomerFormDialog })),
);
const AssignCsmDialog = lazy(() =>
  import('./assign-csm-dialog.tsx').then((m) => ({ default: m.AssignCsmDialog })),
);

/**
 * The first screenful, read before the whole portfolio (10,000 customers of ≈ 4 KB take about a second to come
 * out of IndexedDB): the first customers by name from the customers' name index (shared/collections/customers.ts;
 * an index-ordered read stops after a screenful), so the preview is the top of the default sort. The index
 * orders by code point, the list by the pt-BR collator: the preview is shown in the list's sort and the full
 * list takes over. Their health documents are read by `customerId` (its index), one small read each.
 */
const PREVIEW_ROWS = 50;
const FIRST_CUSTOMERS: MangoQuery<Customer> = { selector: {}, sort: [{ name: 'asc' }], limit: PREVIEW_ROWS };

/** The health documents of the preview's customers (not live: the full list replaces the preview). */
function usePreviewHealth(customers: readonly Customer[], skip: boolean): readonly Health[] {
  const collection = useCollection('health');
  const ids = skip ? '' : customers.map((c) => c.id).join(',');
  const [health, setHealth] = useState<readonly Health[]>([]);
  useEffect(() => {
    if (!collection || ids === '') return;
    let cancelled = false;
    void Promise.all(
      ids.split(',').map((id) => collection.findOne({ selector: { customerId: id } }).exec()),
    ).then(
      (docs) => {
        if (!cancelled) setHealth(docs.flatMap((d) => (d ? [d.toJSON() as Health] : [])));
      },
      () => undefined, // a preview without health: the full list brings it
    );
    return () => {
      cancelled = true;
    };
  }, [collection, ids]);
  return health;
}

/**
 * The device's number of customers while the whole list is read: a count over RxDB's index (no document is
 * read), live so a customer synced meanwhile is counted. `enabled` false subscribes to nothing.
 */
function useDeviceCustomerCount(enabled: boolean): number | null {
  const collection = useCollection('customers');
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    if (!collection || !enabled) return;
    const sub = collection.count().$.subscribe(setCount);
    return () => sub.unsubscribe();
  }, [collection, enabled]);
  return count;
}

/**
 * `/clientes` — the staff customer list (customers spec §2.1): portfolio KPIs, search, filters and sort kept
 * in the URL (`?saude=risco` is the manifest's at-risk shortcut), a virtualised table, CSV export, and
 * creating/editing a company. Reads only the device database, so it works offline.
 */
export function CustomerListPage() {
  const { user } = useSession();
  const { t, language } = useCustomersTranslation();
  const domainText = useDomainTextFor(language);
  const { now } = useDependencies();
  const collection = useCollection('customers');
  // Two phases: the first screenful (the name index, answered in tens of milliseconds) and everything
  // (useLiveCollection: the whole collection in chunked getAll reads, then its change stream). The full read
  // starts once the preview answered: started together, its IndexedDB requests went first and the preview waited
  // behind them (npm run bench -- browser-sync: first rows only with the whole list). With the old query cursor
  // the two reads interleaved and starting the full one later nearly doubled the time to the full list; a few
  // getAll requests cost the preview's ≈ 50 ms. During the first sync the collection re-renders at most every
  // 250 ms; deferring lets React skip to the newest result instead of rebuilding 10,000 rows for each one.
  // Deferred whole (docs with `ready`), so "loaded" and the rows it vouches for always come from the same result.
  const [loaded, setLoaded] = useState(false);
  const firstCustomers = useLiveDocuments('customers', loaded ? null : FIRST_CUSTOMERS);
  const firstHealth = usePreviewHealth(firstCustomers.docs, loaded);
  const customers = useDeferredValue(useLiveCollection('customers', firstCustomers.ready || loaded));
  const health = useDeferredValue(useLiveCollection('health', firstCustomers.ready || loaded));
  if (customers.ready && health.ready && !loaded) setLoaded(true);
  const deviceCount = useDeviceCustomerCount(!loaded);
  const directory = useStaffDirectory();
  const sync = useSyncStatus();
  const [listState, setListState] = useListState();
  // Filtering 10,000 rows must never delay a keystroke in the search box.
  const deferred = useDeferredValue(listState);
  const [dialog, setDialog] = useState<FormTarget | null>(null);
  /** The last save or export, announced politely; "saved offline" only while that change is still queued. */
  const [announcement, setAnnouncement] = useState<{ text: string; untilSynced: boolean } | null>(null);
  const openerRef = useRef<HTMLElement | null>(null);
  /** Customers ticked for "Atribuir a…" (admins), by id; kept across searches and filters until used. */
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const [assigning, setAssigning] = useState(false);

  const me = useMemo(() => (user ? { id: user.id, name: user.name } : { id: '', name: '' }), [user]);
  const csmName = useMemo(
    () => csmNameResolver(me, directory, (ref) => t('row.unknownCsm', { ref })),
    [me, directory, t],
  );
  const rowCache = useMemo(() => createRowCache(csmName), [csmName]);
  const rows = useMemo(
    () => buildRows(customers.docs, health.docs, csmName, rowCache),
    [customers.docs, health.docs, csmName, rowCache],
  );
  const previewRows = useMemo(
    () => (loaded ? [] : buildRows(firstCustomers.docs, firstHealth, csmName)),
    [loaded, firstCustomers.docs, firstHealth, csmName],
  );
  // Until everything is loaded the table shows the preview in the chosen sort and filters; counts, KPIs,
  // empty states and the export wait for the whole portfolio (a preview's numbers would be wrong).
  const listed = loaded ? rows : previewRows;
  // Sorted once per list and sort, and a sync page or a live edit sorts only the rows it brought
  // (createRowSorter); a keystroke only filters the sorted rows (filtering keeps their order), and narrows the
  // previous result while the search only grows (issue 16: a keystroke within a frame at 10,000).
  const [sortOf] = useState(createRowSorter);
  const sorted = useMemo(() => sortOf(listed, deferred.sort), [sortOf, listed, deferred.sort]);
  const [narrow] = useState(createNarrowingFilter);
  const visible = useMemo(
    () => narrow(sorted, deferred.filters, me.id),
    [narrow, sorted, deferred.filters, me.id],
  );
  const timeZone = user?.timeZone ?? DEFAULT_TIME_ZONE;
  const today = calendarDate(now(), timeZone);
  const { filters } = listState;
  // The cards follow the search and every filter: they summarise the rows the table lists (never the preview).
  // Once loaded, `visible` is exactly `filterRows(rows, filters)` (listKpis), sorted: no second filtering pass.
  const [kpisOf] = useState(createKpiCache);
  const kpis = useMemo(() => kpisOf(visible, today), [kpisOf, visible, today]);
  const csmOptions = useMemo(
    () => csmOptionsOf(listed, directory, me, csmName),
    [listed, directory, me, csmName],
  );

  // Stable across keystrokes (functional updates), so the memoised table and cards skip the keystroke's urgent
  // render: only the search box and the count change until the deferred filter result arrives.
  const setFilters = useCallback(
    (next: CustomerFilters) => setListState((state) => ({ ...state, filters: next })),
    [setListState],
  );
  const onSort = useCallback(
    (key: SortKey) => setListState((state) => ({ ...state, sort: nextSort(state.sort, key) })),
    [setListState],
  );
  const onQuery = useCallback(
    (query: string) => setListState((state) => ({ ...state, filters: { ...state.filters, query } })),
    [setListState],
  );
  const patchFilters = useCallback(
    (patch: Partial<CustomerFilters>) =>
      setListState((state) => ({ ...state, filters: { ...state.filters, ...patch } })),
    [setListState],
  );
  const clearFilters = useCallback(
    () => setListState((state) => ({ ...state, filters: { ...NO_FILTERS, query: state.filters.query } })),
    [setListState],
  );

  const selection = useMemo<RowSelection>(
    () => ({
      selected,
      onToggle: (id, on) =>
        setSelected((current) => {
          const next = new Set(current);
          if (on) next.add(id);
          else next.delete(id);
          return next;
        }),
      onToggleAll: (on) =>
        setSelected((current) => {
          const next = new Set(current);
          for (const row of visible) {
            if (on) next.add(row.customer.id);
            else next.delete(row.customer.id);
          }
          return next;
        }),
    }),
    [selected, visible],
  );
  const assignees = useMemo(() => assigneeOptions(directory, me), [directory, me]);

  const onEdit = useCallback((row: CustomerRow, opener: HTMLElement) => {
    openerRef.current = opener;
    setAnnouncement(null);
    setDialog({ mode: 'edit', customer: row.customer });
  }, []);

  // A signed-in user parsed at the session boundary always has an identity. Parsed once per user, not per
  // render (a keystroke renders the page twice; the permissions below are derived from it).
  const identity = useMemo(() => (user ? identityOf(user) : null), [user]);
  const permissions = useCustomerPermissions(identity);
  // Portfolio assignment is the admin's (shared permission rule); CSMs never see the checkboxes.
  const mayAssign = collection !== null && permissions !== null && permissions.assign;
  // Once per selection or list, not per render (a keystroke renders the page; the list holds 10,000).
  const selectedDocs = useMemo(
    () => (mayAssign ? selectedCustomers(customers.docs, selected) : []),
    [mayAssign, customers.docs, selected],
  );
  // The at-risk view's hint counts critical customers the list's own filters would show: with the filters the
  // list is drawn with (deferred), once per result rather than on every keystroke's urgent render.
  const atRiskList = deferred.filters.health === 'at_risk';
  const criticalElsewhere = useMemo(
    () =>
      atRiskList && loaded
        ? rows.filter((r) => r.health?.status === 'critical' && inPortfolioScope(r, deferred.filters, me.id))
            .length
        : 0,
    [atRiskList, loaded, rows, deferred.filters, me.id],
  );
  // The toolbar's export and "+ Empresa" stay the same functions across keystrokes (its buttons are memoised);
  // the export reads the list as last committed.
  const exportList = async () => {
    const { CSV_FORMATS, csvFileName, csvRecords, toCsv } = await import('./customer-csv.ts');
    const format = CSV_FORMATS[language];
    const file = csvFileName(today);
    downloadText(toCsv(csvRecords(visible, t, format, domainText), format), file);
    setAnnouncement({ text: t('toolbar.exported', { file, count: visible.length }), untilSynced: false });
  };
  const latestExport = useRef(exportList);
  useLayoutEffect(() => {
    latestExport.current = exportList;
  });
  const onExport = useCallback(() => void latestExport.current(), []);
  const onCreate = useCallback((opener: HTMLElement) => {
    openerRef.current = opener;
    setAnnouncement(null);
    setDialog({ mode: 'create' });
  }, []);
  if (!user || identity === null) return null;
  const mayCreate = collection !== null && permissions !== null && permissions.create;
  const mayEdit = collection !== null && permissions !== null && permissions.update;
  const atRiskView = filters.health === 'at_risk';
  const title = atRiskView ? t('atRiskTitle') : t('title');

  const openDialog = (target: FormTarget, opener: HTMLElement) => {
    openerRef.current = opener;
    setAnnouncement(null);
    setDialog(target);
  };
  const restoreFocus = () => {
    // Back to the control that opened the dialog; if virtualisation recycled it, to the list's heading.
    const opener = openerRef.current;
    requestAnimationFrame(() => {
      if (opener?.isConnected) opener.focus();
      else document.querySelector<HTMLElement>('[data-page-heading]')?.focus();
    });
  };
  const closeDialog = () => {
    setDialog(null);
    restoreFocus();
  };
  const onSaved = () => {
    const online = sync.connectivity === 'online';
    setAnnouncement({ text: online ? t('form.savedOnline') : t('form.savedOffline'), untilSynced: !online });
    closeDialog();
  };
  const onAssigned = (plan: AssignmentPlan, name: string | null) => {
    const online = sync.connectivity === 'online';
    const count = plan.changes.length;
    const done =
      plan.csmId === null
        ? t('assign.doneRemoved', { count })
        : t('assign.doneAssigned', { count, name: name ?? '' });
    setAnnouncement({ text: online ? done : `${done} ${t('form.savedOffline')}`, untilSynced: false });
    setSelected(new Set());
    setAssigning(false);
    restoreFocus();
  };

  if (!collection) {
    // No device database (yet): nothing to list, nothing to create.
    return (
      <Page title={title}>
        <EmptyState icon={<UsersIcon />} title={t('empty.title')}>
          {t('empty.body')}
        </EmptyState>
      </Page>
    );
  }

  // The permission rules (a small chunk fetched at mount) decide the row checkboxes and edit buttons: the list
  // stays busy until they are here, so it never draws without them and then changes.
  const loading = !loaded || permissions === null;
  const status = listStatus({
    loaded: !loading,
    shown: visible.length,
    total: rows.length,
    deviceCount,
    narrowed: filters.query.trim() !== '' || activeFilterCount(filters) > 0,
  });
  const pending = sync.pending.customers ?? 0;
  const synced = pending === 0 && sync.connectivity === 'online';

  return (
    <Page title={title}>
      <ListToolbar
        filters={filters}
        onQuery={onQuery}
        onPatch={patchFilters}
        onClearFilters={clearFilters}
        csmOptions={csmOptions}
        onExport={onExport}
        exportDisabled={loading || visible.length === 0}
        onCreate={mayCreate ? onCreate : undefined}
        t={t}
      />
      <KpiCards kpis={loaded ? kpis : null} t={t} language={language} />

      <div className={styles.statusLine}>
        <p role="status" aria-live="polite" aria-atomic="true" className={styles.count}>
          {status.kind === 'loading'
            ? t('loading')
            : status.kind === 'first'
              ? t('list.showingFirst', { shown: status.shown, count: status.count })
              : status.kind === 'searching'
                ? t('list.searching', { count: status.count })
                : t('list.showing', { shown: status.shown, count: status.count })}
        </p>
        {pending > 0 ? (
          <p className={styles.pendingNote}>{t('list.pendingCount', { count: pending })}</p>
        ) : null}
        <p role="status" className={styles.announcement}>
          {announcement && !(announcement.untilSynced && synced) ? announcement.text : null}
        </p>
      </div>

      {criticalElsewhere > 0 ? (
        <p className={styles.criticalHint}>
          <AlertIcon size={16} />
          {t('list.alsoCritical', { count: criticalElsewhere })}{' '}
          <button
            type="button"
            className={styles.linkButton}
            onClick={() => setFilters({ ...filters, health: 'critical' })}
          >
            {t('list.showCritical')}
          </button>
        </p>
      ) : null}

      {mayAssign && selectedDocs.length > 0 ? (
        <div role="group" aria-label={t('assign.barLabel')} className={styles.selectionBar}>
          <p className={styles.selectionCount}>{t('assign.selected', { count: selectedDocs.length })}</p>
          <Button
            onClick={(e) => {
              openerRef.current = e.currentTarget;
              setAnnouncement(null);
              setAssigning(true);
            }}
          >
            {t('assign.open')}
          </Button>
          <Button variant="secondary" onClick={() => setSelected(new Set())}>
            {t('assign.clear')}
          </Button>
        </div>
      ) : null}

      {loading ? (
        // The table's frame from the start (no jump when rows arrive), the preview's rows as they come.
        <CustomerTable
          rows={visible}
          busy
          sort={listState.sort}
          onSort={onSort}
          onEdit={onEdit}
          canEdit={mayEdit}
          t={t}
          language={language}
        />
      ) : rows.length === 0 ? (
        <EmptyState
          icon={<UsersIcon />}
          title={t('empty.title')}
          actions={
            mayCreate ? (
              <Button onClick={(e) => openDialog({ mode: 'create' }, e.currentTarget)}>
                <span aria-hidden="true">+</span> {t('toolbar.newCustomerLabel')}
              </Button>
            ) : undefined
          }
        >
          {t('empty.body')}
        </EmptyState>
      ) : visible.length === 0 ? (
        atRiskView && activeFilterCount(filters) === 1 && !filters.query.trim() ? (
          <EmptyState
            icon={<AlertIcon />}
            title={t('empty.atRiskTitle')}
            actions={
              <Button variant="secondary" onClick={() => setFilters(NO_FILTERS)}>
                {t('empty.showAll')}
              </Button>
            }
          >
            {t('empty.atRiskBody')}
          </EmptyState>
        ) : (
          <EmptyState
            icon={<UsersIcon />}
            title={t('empty.noResultsTitle')}
            actions={
              <Button variant="secondary" onClick={() => setFilters(NO_FILTERS)}>
                {t('filters.clear')}
              </Button>
            }
          >
            {t('empty.noResultsBody')}
          </EmptyState>
        )
      ) : (
        <CustomerTable
          rows={visible}
          sort={listState.sort}
          onSort={onSort}
          onEdit={onEdit}
          canEdit={mayEdit}
          t={t}
          language={language}
          selection={mayAssign ? selection : undefined}
        />
      )}

      <Suspense fallback={null}>
        {dialog ? (
          <CustomerFormDialog
            key={dialog.mode === 'edit' ? dialog.customer.id : 'new'}
            target={dialog}
            user={identity}
            userName={user.name}
            collection={collection}
            csmOptions={csmOptions}
            now={now}
            today={today}
            onSaved={onSaved}
            onClose={closeDialog}
            t={t}
          />
        ) : null}
        {assigning && mayAssign && selectedDocs.length > 0 ? (
          <AssignCsmDialog
            user={identity}
            customers={selectedDocs}
            options={assignees}
            collection={collection}
            onDone={onAssigned}
            onClose={() => {
              setAssigning(false);
              restoreFocus();
            }}
            t={t}
          />
        ) : null}
      </Suspense>
    </Page>
  );
}

/** CSMs to filter by and assign: the directory, the signed-in user and every CSM that has customers. */
function csmOptionsOf(
  rows: readonly CustomerRow[],
  directory: readonly { id: string; name: string; role?: string | undefined }[],
  me: { id: string; name: string },
  csmName: (id: string) => string,
): CsmOption[] {
  const ids = new Set<string>([me.id]);
  for (const entry of directory) if (entry.role === undefined || entry.role !== 'client') ids.add(entry.id);
  for (const row of rows) if (row.customer.csmId) ids.add(row.customer.csmId);
  ids.delete('');
  return [...ids]
    .map((id) => ({ id, name: csmName(id) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'pt-BR', { sensitivity: 'base' }));
}

/** Saves text as a file through a temporary object URL (works offline: nothing leaves the device). */
function downloadText(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

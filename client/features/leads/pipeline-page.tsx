import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  leadsOfStage,
  moveTarget,
  pipelineSummary,
  BOARD_STAGES,
  type LeadStage,
} from '../../../shared/domain/portal/pipeline.ts';
import { LEAD_STAGES } from '../../../shared/entities/portal.ts';
import { useCollection, useDeviceData, useDeviceUser } from '../../db/device-data.tsx';
import { useFormat } from '../../platform/use-format.ts';
import { useNow } from '../../platform/use-now.ts';
import { Button, ButtonLink } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { InboxIcon } from '../../ui/icons.tsx';
import { Notice } from '../../ui/notice.tsx';
import { Page } from '../../ui/page.tsx';
import { buildMove, canWriteLeads } from './lead-writes.ts';
import {
  applyFilters,
  hasFilters,
  NO_FILTERS,
  scoreAll,
  sourcesOf,
  type LeadFilters,
  type ScoredLead,
} from './lead-view.ts';
import { useLeadScoring } from './use-lead-scoring.ts';
import { useLeadsScope } from './leads-scope.tsx';
import { PipelineBoard } from './pipeline-board.tsx';
import styles from './leads.module.css';

/**
 * `/inicio/leads` (and staff's `/clientes/:id/leads`, read-only, through `LeadsScope`) — the pipeline (dashboard §3A): each stage's count and value (the shared `pipelineSummary`
 * over every lead on the device), filters, and the board whose cards move between stages by drag and drop or
 * keyboard. A move is a local write (stage + position by the shared rule), so it works offline and syncs later.
 */
export function PipelinePage() {
  const { t } = useTranslation('leads');
  const { error } = useDeviceData();
  const user = useDeviceUser();
  const now = useNow(60_000);
  const scope = useLeadsScope();
  const leads = scope.leads;
  const collection = useCollection('leads');
  const [filters, setFilters] = useState<LeadFilters>(NO_FILTERS);
  const [showLost, setShowLost] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [moveError, setMoveError] = useState(false);

  const scoring = useLeadScoring();
  const scored = useMemo(() => scoreAll(leads.value, now, scoring), [leads.value, now, scoring]);
  const summary = useMemo(() => pipelineSummary(leads.value), [leads.value]);
  const shown = useMemo(() => applyFilters(scored, filters), [scored, filters]);
  const sources = useMemo(() => sourcesOf(leads.value), [leads.value]);
  const stages: readonly LeadStage[] =
    filters.stage !== '' ? [filters.stage] : showLost ? LEAD_STAGES : BOARD_STAGES;

  async function move(item: ScoredLead, stage: LeadStage) {
    if (!user || !collection) return setMoveError(true);
    const others = leadsOfStage(leads.value, stage).filter((l) => l.id !== item.lead.id);
    const result = buildMove(item.lead, moveTarget(others, stage), user);
    if (!result.ok) return setMoveError(true);
    try {
      const doc = await collection.findOne(item.lead.id).exec();
      if (!doc) throw new Error('lead vanished');
      await doc.incrementalPatch(result.value);
      setMoveError(false);
      setAnnouncement(t('pipeline.moved', { name: item.lead.name, stage: t(`stage.${stage}`) }));
    } catch {
      setMoveError(true);
    }
  }

  const newLead =
    user && !scope.readOnly && canWriteLeads(user) ? (
      <ButtonLink to={scope.paths.new} variant="primary">
        {t('pipeline.newLead')}
      </ButtonLink>
    ) : null;

  return (
    <Page
      title={scope.title ?? t('pipeline.title')}
      description={scope.description ?? t('pipeline.description')}
    >
      {scope.banner}
      {error && !scope.readOnly ? <Notice tone="error">{t('pipeline.deviceError')}</Notice> : null}
      {!leads.ready ? (
        error ? null : (
          <p role="status" className={styles.muted}>
            {t('pipeline.loading')}
          </p>
        )
      ) : leads.value.length === 0 ? (
        <EmptyState icon={<InboxIcon />} title={t('pipeline.emptyTitle')} actions={newLead}>
          {t('pipeline.emptyBody')}
        </EmptyState>
      ) : (
        <>
          <PipelineSummary summary={summary} />
          <div className={styles.toolbar}>
            <Filters filters={filters} sources={sources} onChange={setFilters} />
            {newLead}
          </div>
          {moveError ? (
            <Notice tone="error" role="alert">
              {t('pipeline.moveFailed')}
            </Notice>
          ) : null}
          {shown.length === 0 ? <p className={styles.muted}>{t('pipeline.noMatches')}</p> : null}
          <PipelineBoard
            stages={stages}
            leads={shown}
            hrefOf={scope.paths.lead}
            onMove={scope.readOnly ? null : (l, s) => void move(l, s)}
          />
          {filters.stage === '' && summary.lost.count > 0 ? (
            <p>
              <Button variant="secondary" onClick={() => setShowLost((v) => !v)} aria-expanded={showLost}>
                {showLost ? t('pipeline.hideLost') : t('pipeline.showLost', { count: summary.lost.count })}
              </Button>
            </p>
          ) : null}
        </>
      )}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </Page>
  );
}

/** "NOVO 23 · R$ 276 mil" per board stage — the seed's funnel figures. */
function PipelineSummary({ summary }: { summary: ReturnType<typeof pipelineSummary> }) {
  const { t } = useTranslation('leads');
  const format = useFormat();
  return (
    <ol className={styles.summary} aria-label={t('pipeline.summaryLabel')}>
      {BOARD_STAGES.map((stage) => (
        <li key={stage} className={styles.summaryItem} data-stage={stage}>
          <span className={styles.summaryStage}>{t(`stage.${stage}`)}</span>
          <span className={styles.summaryCount}>{format.number(summary[stage].count)}</span>
          <span className={styles.summaryValue}>{format.moneyCompact(summary[stage].valueCents)}</span>
        </li>
      ))}
    </ol>
  );
}

function Filters(props: {
  filters: LeadFilters;
  sources: readonly string[];
  onChange: (f: LeadFilters) => void;
}) {
  const { filters, sources, onChange } = props;
  const { t } = useTranslation('leads');
  const set = (patch: Partial<LeadFilters>) => onChange({ ...filters, ...patch });
  return (
    <form
      className={styles.filters}
      role="search"
      aria-label={t('filters.label')}
      onSubmit={(e) => e.preventDefault()}
    >
      <label className={styles.filter}>
        <span>{t('filters.search')}</span>
        <input type="search" value={filters.text} onChange={(e) => set({ text: e.target.value })} />
      </label>
      <label className={styles.filter}>
        <span>{t('filters.stage')}</span>
        <select
          value={filters.stage}
          onChange={(e) => set({ stage: LEAD_STAGES.find((s) => s === e.target.value) ?? '' })}
        >
          <option value="">{t('filters.all')}</option>
          {LEAD_STAGES.map((s) => (
            <option key={s} value={s}>
              {t(`stage.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className={styles.filter}>
        <span>{t('filters.source')}</span>
        <select value={filters.source} onChange={(e) => set({ source: e.target.value })}>
          <option value="">{t('filters.all')}</option>
          {sources.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label className={styles.filter}>
        <span>{t('filters.band')}</span>
        <select
          value={filters.band}
          onChange={(e) =>
            set({ band: (['high', 'medium', 'low'] as const).find((b) => b === e.target.value) ?? '' })
          }
        >
          <option value="">{t('filters.allBands')}</option>
          {(['high', 'medium', 'low'] as const).map((b) => (
            <option key={b} value={b}>
              {t(`band.short.${b}`)}
            </option>
          ))}
        </select>
      </label>
      {hasFilters(filters) ? (
        <Button variant="secondary" onClick={() => onChange(NO_FILTERS)}>
          {t('filters.clear')}
        </Button>
      ) : null}
    </form>
  );
}

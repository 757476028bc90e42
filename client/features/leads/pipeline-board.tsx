import {
  DndContext,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  pointerWithin,
  rectIntersection,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { leadsOfStage, type LeadStage } from '../../../shared/domain/portal/pipeline.ts';
import { useFormat } from '../../platform/use-format.ts';
import type { ScoredLead } from './lead-view.ts';
import { isStage, stageKeyboardCoordinates } from './board-keyboard.ts';
import styles from './leads.module.css';

/**
 * The pipeline board: one droppable column per stage (side by side from tablet width, stacked as a list on a
 * phone), one draggable card per lead. Drag and drop is @dnd-kit/core: the mouse, touch (after a short press,
 * so a swipe still scrolls) and the keyboard (the card's "Mover" handle: space or Enter picks it up, the
 * arrow keys jump to the next or previous stage, space or Enter drops, Escape cancels), with screen-reader
 * instructions and announcements in the UI language. A drop on another stage calls `onMove` with the lead and
 * the stage; the page writes it (offline too). Without `onMove` (staff reading a client's pipeline) the board is
 * read-only: no handles, nothing to drag.
 */

/** Mouse drops use the pointer; keyboard moves (no pointer) fall back to the dragged card's rectangle. */
const collisionDetection: CollisionDetection = (args) => {
  const byPointer = pointerWithin(args);
  return byPointer.length > 0 ? byPointer : rectIntersection(args);
};

export function PipelineBoard(props: {
  stages: readonly LeadStage[];
  leads: readonly ScoredLead[];
  /** The URL of a lead's screen (the client's or the staff view's). */
  hrefOf: (leadId: string) => string;
  onMove: ((lead: ScoredLead, stage: LeadStage) => void) | null;
}) {
  const { stages, leads, hrefOf, onMove } = props;
  const { t } = useTranslation('leads');
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 5 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: stageKeyboardCoordinates }),
  );
  const byId = useMemo(() => new Map(leads.map((l) => [l.lead.id, l])), [leads]);
  const nameOf = (id: UniqueIdentifier) => byId.get(String(id))?.lead.name ?? '';
  const stageName = (id: UniqueIdentifier | undefined) => (isStage(id) ? t(`stage.${id}`) : '');
  const fromStage = (id: UniqueIdentifier) => {
    const stage = byId.get(String(id))?.lead.stage;
    return stage ? t(`stage.${stage}`) : '';
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('dnd.start', { name: nameOf(active.id), stage: fromStage(active.id) }),
    onDragOver: ({ active, over }) =>
      over
        ? t('dnd.over', { name: nameOf(active.id), stage: stageName(over.id) })
        : t('dnd.outside', { name: nameOf(active.id) }),
    onDragEnd: ({ active, over }) =>
      over
        ? t('dnd.end', { name: nameOf(active.id), stage: stageName(over.id) })
        : t('dnd.endOutside', { name: nameOf(active.id) }),
    onDragCancel: ({ active }) => t('dnd.cancel', { name: nameOf(active.id), stage: fromStage(active.id) }),
  };

  function onDragEnd({ active, over }: DragEndEvent) {
    const lead = byId.get(String(active.id));
    if (!onMove || !lead || !over || !isStage(over.id) || over.id === lead.lead.stage) return;
    onMove(lead, over.id);
  }

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisionDetection}
      onDragEnd={onDragEnd}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('dnd.instructions') } }}
    >
      <div className={styles.board} role="group" aria-label={t('pipeline.boardLabel')}>
        {stages.map((stage) => (
          <StageColumn
            key={stage}
            stage={stage}
            hrefOf={hrefOf}
            movable={onMove !== null}
            leads={leadsOfStage(
              leads.map((l) => l.lead),
              stage,
            ).map((l) => byId.get(l.id) as ScoredLead)}
          />
        ))}
      </div>
    </DndContext>
  );
}

function StageColumn(props: {
  stage: LeadStage;
  leads: readonly ScoredLead[];
  hrefOf: (leadId: string) => string;
  movable: boolean;
}) {
  const { stage, leads, hrefOf, movable } = props;
  const { t } = useTranslation('leads');
  const { setNodeRef, isOver } = useDroppable({ id: stage });
  const headingId = `stage-${stage}`;
  return (
    <section
      ref={setNodeRef}
      aria-labelledby={headingId}
      className={`${styles.column} ${isOver ? styles.columnOver : ''}`}
      data-stage={stage}
    >
      <h2 id={headingId} className={styles.columnTitle}>
        {t('pipeline.columnLabel', { stage: t(`stage.${stage}`), count: leads.length })}
      </h2>
      {leads.length === 0 ? (
        <p className={styles.muted}>{t('pipeline.emptyColumn')}</p>
      ) : (
        <ul className={styles.cards}>
          {leads.map((l) => (
            <LeadCard key={l.lead.id} scored={l} href={hrefOf(l.lead.id)} movable={movable} />
          ))}
        </ul>
      )}
    </section>
  );
}

function LeadCard({ scored, href, movable }: { scored: ScoredLead; href: string; movable: boolean }) {
  const { lead, score } = scored;
  const { t } = useTranslation('leads');
  const format = useFormat();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, isDragging } = useDraggable({
    id: lead.id,
    disabled: !movable,
  });
  const style = transform ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)` } : undefined;
  return (
    <li
      ref={setNodeRef}
      style={style}
      className={`${styles.card} ${isDragging ? styles.dragging : ''}`}
      data-lead-id={lead.id}
    >
      <div className={styles.cardMain}>
        <Link to={href} className={styles.cardName}>
          {lead.name}
        </Link>
        {lead.company ? <span className={styles.muted}>{lead.company}</span> : null}
        <span className={styles.cardFacts}>
          <span>{format.money(lead.valueCents)}</span>
          <span className={`${styles.scoreBadge} ${styles[score.band]}`}>
            {t('pipeline.score', { score: score.total })}
          </span>
        </span>
      </div>
      {movable ? (
        <button
          ref={setActivatorNodeRef}
          type="button"
          className={styles.handle}
          aria-label={t('pipeline.dragHandle', { name: lead.name })}
          {...attributes}
          {...listeners}
        >
          <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <g fill="currentColor">
              <circle cx="9" cy="6" r="1.6" />
              <circle cx="15" cy="6" r="1.6" />
              <circle cx="9" cy="12" r="1.6" />
              <circle cx="15" cy="12" r="1.6" />
              <circle cx="9" cy="18" r="1.6" />
              <circle cx="15" cy="18" r="1.6" />
            </g>
          </svg>
        </button>
      ) : null}
    </li>
  );
}

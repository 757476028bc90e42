import type { ClientRect, KeyboardCoordinateGetter, UniqueIdentifier } from '@dnd-kit/core';
import type { LeadStage } from '../../../shared/domain/portal/pipeline.ts';
import { LEAD_STAGES } from '../../../shared/entities/portal.ts';

/**
 * Keyboard moves on the pipeline board: the arrow keys take a picked-up card to the next or previous visible
 * stage column in reading order (left to right on the board, top to bottom when the columns are stacked on a
 * phone) — @dnd-kit's default moves by a few pixels, which would take dozens of presses to cross a column.
 * Right/Down = next, Left/Up = previous; no column beyond the ends. Pure geometry, tested without a browser.
 */
/** A point in the page, as @dnd-kit's sensors pass it. */
export interface Coordinates {
  readonly x: number;
  readonly y: number;
}

export const isStage = (id: UniqueIdentifier | undefined): id is LeadStage =>
  typeof id === 'string' && (LEAD_STAGES as readonly string[]).includes(id);

export interface Column {
  readonly id: UniqueIdentifier;
  readonly rect: Pick<ClientRect, 'top' | 'left' | 'width' | 'height'>;
}

export function nextColumnPosition(input: {
  key: string;
  columns: readonly Column[];
  overId: UniqueIdentifier | null;
  card: Pick<ClientRect, 'top' | 'left' | 'width' | 'height'>;
  current: Coordinates;
}): Coordinates | null {
  const forward = input.key === 'ArrowRight' || input.key === 'ArrowDown';
  const backward = input.key === 'ArrowLeft' || input.key === 'ArrowUp';
  if (!forward && !backward) return null;
  const { card, current } = input;
  const columns = input.columns
    .filter((c) => isStage(c.id) && c.rect.width > 0 && c.rect.height > 0)
    .sort((a, b) => a.rect.top - b.rect.top || a.rect.left - b.rect.left);
  if (columns.length === 0) return current;
  const centre = { x: card.left + card.width / 2, y: card.top + card.height / 2 };
  // Where the card is now (its rectangle is current; the library's `over` may lag a key press behind),
  // else the column it was last over.
  let index = columns.findIndex(
    ({ rect }) =>
      centre.x >= rect.left &&
      centre.x <= rect.left + rect.width &&
      centre.y >= rect.top &&
      centre.y <= rect.top + rect.height,
  );
  if (index === -1) index = columns.findIndex((c) => c.id === input.overId);
  const target = columns[index === -1 ? 0 : index + (forward ? 1 : -1)];
  if (!target) return current;
  const { rect } = target;
  const x = rect.left + Math.max(0, (rect.width - card.width) / 2);
  return {
    // Stacked columns share their x. A move with no horizontal part makes the library only scroll the page
    // when the target is off-screen (and never reach it); half a pixel keeps it a move that also scrolls.
    x: Math.abs(x - current.x) < 0.5 ? x + 0.5 : x,
    y: rect.top + Math.min(48, Math.max(0, rect.height - card.height) / 2),
  };
}

export const stageKeyboardCoordinates: KeyboardCoordinateGetter = (
  event,
  { currentCoordinates, context },
) => {
  const card = context.collisionRect;
  if (!card) return undefined;
  const next = nextColumnPosition({
    key: event.code,
    columns: [...context.droppableRects.entries()].map(([id, rect]) => ({ id, rect })),
    overId: context.over?.id ?? null,
    card,
    current: currentCoordinates,
  });
  if (next === null) return undefined;
  event.preventDefault();
  return next;
};

import { describe, expect, it } from 'vitest';
import { nextColumnPosition, type Column } from './board-keyboard.ts';

const rect = (left: number, top: number, width = 200, height = 600) => ({ left, top, width, height });
/** Four columns side by side (desktop), a hidden lost column, and something that is not a stage. */
const board: Column[] = [
  { id: 'won', rect: rect(660, 100) },
  { id: 'new', rect: rect(0, 100) },
  { id: 'qualified', rect: rect(220, 100) },
  { id: 'negotiation', rect: rect(440, 100) },
  { id: 'lost', rect: rect(0, 0, 0, 0) },
  { id: 'lead-1', rect: rect(10, 110) },
];

/** The card (176 × 80) inside `stage`'s column, 50 px below its top; `overId` as the library last saw it. */
function press(key: string, stage: string, columns = board, overId: string | null = stage) {
  const column = columns.find((c) => c.id === stage)!.rect;
  const card = { left: column.left + 12, top: column.top + 50, width: 176, height: 80 };
  return nextColumnPosition({ key, columns, overId, card, current: { x: card.left, y: card.top } });
}

describe('nextColumnPosition', () => {
  it('right and left jump to the next and previous column, centred, near its top', () => {
    expect(press('ArrowRight', 'new')).toEqual({ x: 232, y: 148 });
    expect(press('ArrowRight', 'qualified')).toEqual({ x: 452, y: 148 });
    expect(press('ArrowLeft', 'negotiation')).toEqual({ x: 232, y: 148 });
  });

  it('stays put beyond the ends and ignores hidden columns', () => {
    expect(press('ArrowRight', 'won')).toEqual({ x: 672, y: 150 });
    expect(press('ArrowLeft', 'new')).toEqual({ x: 12, y: 150 });
  });

  it("the card's own position decides, even when the library's `over` lags behind", () => {
    expect(press('ArrowRight', 'qualified', board, 'new')).toEqual({ x: 452, y: 148 });
  });

  it('a card outside every column moves from the column it was last over', () => {
    const card = { left: 900, top: 150, width: 176, height: 80 };
    const next = nextColumnPosition({
      key: 'ArrowLeft',
      columns: board,
      overId: 'won',
      card,
      current: { x: 900, y: 150 },
    });
    expect(next).toEqual({ x: 452, y: 148 });
  });

  it('stacked columns (a phone): down is next, up is previous, nudged to stay a move', () => {
    const stacked: Column[] = [
      { id: 'new', rect: rect(0, 100, 200, 2000) },
      { id: 'qualified', rect: rect(0, 2120, 200, 1400) },
      { id: 'negotiation', rect: rect(0, 3540, 200, 900) },
    ];
    expect(press('ArrowDown', 'new', stacked)).toEqual({ x: 12.5, y: 2168 });
    expect(press('ArrowUp', 'negotiation', stacked)).toEqual({ x: 12.5, y: 2168 });
  });

  it('other keys are not board moves', () => {
    expect(press('KeyA', 'new')).toBeNull();
  });
});

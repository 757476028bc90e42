import { describe, expect, it } from 'vitest';
import { csmRef, parseStaffDirectory } from './staff-directory.ts';

describe('staff directory local document', () => {
  it.each<[unknown, unknown]>([
    [undefined, []],
    [null, []],
    ['Maria', []],
    [[{ id: 'a', name: 'Maria Santos' }], [{ id: 'a', name: 'Maria Santos' }]],
    // One bad entry does not hide the others.
    [
      [{ id: 'a', name: 'Maria Santos', role: 'csm' }, { id: 'b' }, 42],
      [{ id: 'a', name: 'Maria Santos', role: 'csm' }],
    ],
  ])('%j → %j', (value, expected) => {
    expect(parseStaffDirectory(value)).toEqual(expected);
  });

  it('refers to an unknown CSM by the end of the id', () => {
    expect(csmRef('0190a8e4-0000-7000-8000-00000000a1b2')).toBe('…a1b2');
  });
});

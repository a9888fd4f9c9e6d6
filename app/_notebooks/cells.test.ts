// Cell edits of the notebook page and what a run request sends.
import { describe, expect, it } from 'vitest';
import { CELL_ID, type Cell } from '../../notebooks/types';
import { blankCell, duplicateCell, freeName, insertAt, moveCell, namedResultsBefore, newCellId, removeCell, runCells } from './cells';

const cells: Cell[] = [
  { id: 'a', kind: 'sql', sql: 'select 1 as n', name: 'base' },
  { id: 'b', kind: 'markdown', text: '# Notes' },
  { id: 'c', kind: 'sql', sql: 'select n + 1 from base', chart: { mark: 'bar', x: 'n' } },
];
const ids = (cs: Cell[]) => cs.map((c) => c.id);

describe('cell edits', () => {
  it('makes ids the server accepts, different each time', () => {
    const made = new Set(Array.from({ length: 500 }, newCellId));
    expect(made.size).toBe(500);
    for (const id of made) expect(id).toMatch(CELL_ID);
    expect(blankCell('markdown')).toMatchObject({ kind: 'markdown', text: '' });
  });
  it('inserts, moves and removes without touching the input', () => {
    const x = blankCell('sql');
    expect(ids(insertAt(cells, 0, x))).toEqual([x.id, 'a', 'b', 'c']);
    expect(ids(insertAt(cells, 3, x))).toEqual(['a', 'b', 'c', x.id]);
    expect(ids(moveCell(cells, 2, -1))).toEqual(['a', 'c', 'b']);
    expect(ids(moveCell(cells, 0, -1))).toEqual(['a', 'b', 'c']);
    expect(ids(moveCell(cells, 2, 1))).toEqual(['a', 'b', 'c']);
    expect(ids(removeCell(cells, 1))).toEqual(['a', 'c']);
    expect(ids(cells)).toEqual(['a', 'b', 'c']);
  });
  it('duplicates below with a new id and a free result name', () => {
    const { cells: next, copy } = duplicateCell(cells, 0);
    expect(ids(next)).toEqual(['a', copy.id, 'b', 'c']);
    expect(copy).toMatchObject({ kind: 'sql', sql: 'select 1 as n', name: 'base_2' });
    expect(freeName('base', [...cells, { id: 'd', kind: 'sql', sql: '', name: 'BASE_2' }])).toBe('base_3');
    expect(freeName('x'.repeat(63), cells)).toHaveLength(63);
    expect(duplicateCell(cells, 2).copy).toMatchObject({ chart: { mark: 'bar', x: 'n' } });
  });
  it('sends every cell in order, markdown for numbering only', () => {
    expect(runCells(cells)).toEqual([
      { id: 'a', kind: 'sql', sql: 'select 1 as n', name: 'base' },
      { id: 'b', kind: 'markdown', sql: '' },
      { id: 'c', kind: 'sql', sql: 'select n + 1 from base' },
    ]);
  });
  it('lists the named results above a cell with the columns they returned', () => {
    expect(namedResultsBefore(cells, 2, (id) => (id === 'a' ? [{ name: 'n', type: 'INTEGER' }] : undefined))).toEqual([
      { name: 'base', cell: 1, columns: [{ name: 'n', type: 'INTEGER' }] },
    ]);
    expect(namedResultsBefore(cells, 0, () => undefined)).toEqual([]);
  });
});

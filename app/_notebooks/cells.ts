// Edits of a notebook's cells as pure functions (the page keeps the list in state and autosaves
// it), and what a run request sends.
import type { Cell, RunCell } from '../../notebooks/types';
import type { NamedResult } from '../../components/notebook/sql-language';

/** A new cell id: random, URL-safe, unique enough within a notebook (CELL_ID in notebooks/types.ts). */
export function newCellId(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return `c${Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('').slice(0, 12)}`;
}

export const blankCell = (kind: 'sql' | 'markdown'): Cell => (kind === 'sql' ? { id: newCellId(), kind: 'sql', sql: '' } : { id: newCellId(), kind: 'markdown', text: '' });

export function insertAt(cells: readonly Cell[], index: number, cell: Cell): Cell[] {
  const i = Math.max(0, Math.min(cells.length, index));
  return [...cells.slice(0, i), cell, ...cells.slice(i)];
}

/** Moves the cell at `index` by one place up (-1) or down (+1); out of range changes nothing. */
export function moveCell(cells: readonly Cell[], index: number, delta: -1 | 1): Cell[] {
  const j = index + delta;
  if (index < 0 || index >= cells.length || j < 0 || j >= cells.length) return [...cells];
  const next = [...cells];
  [next[index], next[j]] = [next[j], next[index]];
  return next;
}

export const removeCell = (cells: readonly Cell[], index: number): Cell[] => cells.filter((_, i) => i !== index);

/** The first free `<name>_2`, `<name>_3`, … (names must stay unique and at most 63 characters). */
export function freeName(name: string, cells: readonly Cell[]): string {
  const taken = new Set(cells.flatMap((c) => (c.kind === 'sql' && c.name ? [c.name.toLowerCase()] : [])));
  for (let n = 2; ; n++) {
    const suffix = `_${n}`;
    const candidate = name.slice(0, 63 - suffix.length) + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** A copy of the cell at `index` right below it, with a new id and (if named) a free name. */
export function duplicateCell(cells: readonly Cell[], index: number): { cells: Cell[]; copy: Cell } {
  const src = cells[index];
  const copy: Cell = src.kind === 'sql' ? { ...src, id: newCellId(), ...(src.name ? { name: freeName(src.name, cells) } : {}) } : { ...src, id: newCellId() };
  return { cells: insertAt(cells, index + 1, copy), copy };
}

/** The cells a run request sends: SQL cells with their text and name, markdown cells for numbering. */
export function runCells(cells: readonly Cell[]): (RunCell & { kind: 'sql' | 'markdown' })[] {
  return cells.map((c) => (c.kind === 'sql' ? { id: c.id, kind: 'sql', sql: c.sql, ...(c.name ? { name: c.name } : {}) } : { id: c.id, kind: 'markdown', sql: '' }));
}

/** Named results of the cells above `index`, with their columns when they have run in this page. */
export function namedResultsBefore(cells: readonly Cell[], index: number, columnsOf: (cellId: string) => readonly { name: string; type: string }[] | undefined): NamedResult[] {
  const out: NamedResult[] = [];
  cells.slice(0, index).forEach((c, i) => {
    if (c.kind === 'sql' && c.name) out.push({ name: c.name, cell: i + 1, columns: columnsOf(c.id) });
  });
  return out;
}

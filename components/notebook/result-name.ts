// Whether a result name can be used: a plain SQL identifier (notebooks/types.ts RESULT_NAME),
// not the name of another cell's result. Pure, for the name field's message.
import { RESULT_NAME, type Cell } from '../../notebooks/types';

/** Null when `draft` is usable as the name of cell `cellId` (empty means no name), else why not. */
export function resultNameProblem(draft: string, cells: readonly Cell[], cellId: string): string | null {
  const name = draft.trim();
  if (name === '') return null;
  if (!RESULT_NAME.test(name)) {
    if (/^[0-9]/.test(name)) return 'A name starts with a letter or _.';
    if (name.length > 63) return 'At most 63 characters.';
    return 'Letters, digits and _ only (a SQL identifier).';
  }
  const lower = name.toLowerCase();
  const other = cells.findIndex((c) => c.id !== cellId && c.kind === 'sql' && c.name?.toLowerCase() === lower);
  if (other >= 0) return `Cell ${other + 1} already names its result “${cells[other].kind === 'sql' ? (cells[other] as { name?: string }).name : ''}”.`;
  return null;
}

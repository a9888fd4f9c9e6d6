// The case table's own URL keys: `sort` (a column id), `dir` (asc | desc) and `cols` (the shown
// column ids, comma-separated, each URI-encoded). Defaults are left out of the URL. Pure, so the
// server render and the browser read the same settings; the server checks the ids again.
import type { CaseSort } from '../../mining/types';
import type { Search } from '../_shared/url-state';

export const DEFAULT_SORT: CaseSort = { column: 'start_ts', dir: 'desc' };
/** Rows fetched per request while scrolling. */
export const PAGE_SIZE = 200;

export interface CaseTableSettings {
  sort: CaseSort;
  /** Null: the default columns. */
  columns: string[] | null;
}

export function readCaseSettings(search: Search): CaseTableSettings {
  const column = search.get('sort');
  const dir = search.get('dir');
  const sort: CaseSort = column ? { column, dir: dir === 'asc' ? 'asc' : 'desc' } : DEFAULT_SORT;
  const raw = search.get('cols');
  const columns = raw
    ? raw
        .split(',')
        .filter(Boolean)
        .map((c) => {
          try {
            return decodeURIComponent(c);
          } catch {
            return c;
          }
        })
    : null;
  return { sort, columns: columns && columns.length ? columns : null };
}

export function caseSettingsPatch(s: CaseTableSettings): Record<string, string | null> {
  const isDefault = s.sort.column === DEFAULT_SORT.column && s.sort.dir === DEFAULT_SORT.dir;
  return {
    sort: isDefault ? null : s.sort.column,
    dir: isDefault ? null : s.sort.dir,
    cols: s.columns ? s.columns.map(encodeURIComponent).join(',') : null,
  };
}

/** The export route's URL for the table as shown (same input as cases.list, without paging). */
export function exportHref(input: { logId: string; perspective?: string; filters: unknown[] }, s: CaseTableSettings): string {
  const body = { ...input, sort: s.sort, ...(s.columns ? { columns: s.columns } : {}) };
  return `/api/export/cases?input=${encodeURIComponent(JSON.stringify(body))}`;
}

/** The pages (by number) that cover rows first..last. */
export function pagesFor(first: number, last: number, size = PAGE_SIZE): number[] {
  const out: number[] = [];
  for (let p = Math.floor(first / size); p <= Math.floor(Math.max(first, last) / size); p++) out.push(p);
  return out;
}

/** The case page's path (the id URI-encoded as one segment). */
export const casePath = (caseId: string): string => `/cases/${encodeURIComponent(caseId)}`;

// The notebook document: what the server stores, the pages edit and the export file holds.
// Pure types and constants, importable by app/, components/ and server/.

export type ChartMark = 'line' | 'bar' | 'dot' | 'area' | 'cell';
export const CHART_MARKS: readonly ChartMark[] = ['line', 'bar', 'dot', 'area', 'cell'];

/** A chart of a SQL cell's result; x, y, color and facet are column names of that result. */
export interface ChartSpec {
  mark: ChartMark;
  x: string;
  y?: string;
  color?: string;
  facet?: string;
}

export interface SqlCell {
  id: string;
  kind: 'sql';
  /** The result's name: later cells may query it by this name (a SQL identifier, unique in the notebook). */
  name?: string;
  sql: string;
  chart?: ChartSpec | null;
}

export interface MarkdownCell {
  id: string;
  kind: 'markdown';
  text: string;
}

export type Cell = SqlCell | MarkdownCell;

/** The export/import file (`<slug>.tlnb.json`). */
export interface NotebookDoc {
  format: 'throughline-notebook';
  version: 1;
  title: string;
  cells: Cell[];
}

export interface NotebookSummary {
  id: string;
  title: string;
  /** Who created it (`anonymous` until sign-in exists). */
  owner: string;
  /** ISO UTC. */
  createdAt: string;
  updatedAt: string;
  /** Number of cells. */
  cells: number;
  /** Increases by one with every save; a save must send the version it last saw. */
  version: number;
}

export interface Notebook extends Omit<NotebookSummary, 'cells'> {
  cells: Cell[];
}

/** A starter notebook offered by `notebooks.create({ starter })`. */
export interface StarterInfo {
  id: string;
  title: string;
  description: string;
}

/** Limits checked on every save and import. */
export const LIMITS = {
  titleChars: 120,
  cells: 200,
  /** Bytes of one SQL cell's text (UTF-8). */
  sqlBytes: 100_000,
  /** Characters of one markdown cell. */
  markdownChars: 100_000,
  cellIdChars: 64,
} as const;

/** A result name: a plain SQL identifier, so it can be used unquoted. */
export const RESULT_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
/** Cell ids are chosen by the editor; they only have to be unique and URL-safe. */
export const CELL_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The SQL cells a run request sends (`POST /api/notebooks/run`). */
export interface RunCell {
  id: string;
  name?: string;
  sql: string;
}

/** Error body of the notebook routes. */
export type RunErrorCode = 'REFUSED' | 'TIMEOUT' | 'SQL_ERROR' | 'BAD_REQUEST' | 'FORBIDDEN' | 'UNAUTHORIZED' | 'NOT_FOUND' | 'CANCELLED' | 'INTERNAL';
export interface RunErrorBody {
  error: { code: RunErrorCode; message: string };
}

/** A file name part from a title: lower case letters, digits and dashes. */
export function slugOf(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'notebook';
}

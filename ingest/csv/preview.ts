// Preview: what an import of the file with this mapping would read, on a fresh read connection
// (temp tables only, nothing written). The whole file is checked, so the problems listed are the
// ones the import would meet.
import type { Store } from '../../sql';
import { IngestError } from '../types';
import { checkFormat, checkTimezone, detectTimestampFormat, displayName, guessMapping, loadRaw, mapAndValidate, missingColumns, type Loaded } from './read';
import type { ColumnMapping, PartialMapping, Preview, PreviewRow, Problem } from './types';

export const PREVIEW_ROWS = 20;
const PROBLEM_ROWS = 20;

function problemOf(err: unknown, file: string): Problem {
  if (err instanceof IngestError) return { severity: 'error', message: err.message, file: err.file, row: err.row, field: err.field };
  return { severity: 'error', message: err instanceof Error ? err.message : String(err), file, row: null, field: null };
}

export async function previewTable(store: Store, path: string, given: PartialMapping = {}, opts: { fileName?: string; rows?: number } = {}): Promise<Preview> {
  const file = displayName(path, opts.fileName);
  const limit = opts.rows ?? PREVIEW_ROWS;
  const tz = given.timezone || 'UTC';
  const base: Preview = {
    file,
    format: 'csv',
    delimiter: null,
    delimiterDetected: false,
    timestampFormat: null,
    timestampFormatDetected: false,
    timezone: tz,
    columns: [],
    mapping: given,
    rows: [],
    totalRows: 0,
    rejectedRows: 0,
    problems: [],
  };
  return store.session(async (s) => {
    let loaded: Loaded;
    try {
      loaded = await loadRaw(s, path, file, given);
    } catch (err) {
      return { ...base, problems: [problemOf(err, file)] };
    }
    const mapping = guessMapping(loaded.columns, given);
    const preview: Preview = {
      ...base,
      format: loaded.format,
      delimiter: loaded.delimiter,
      delimiterDetected: loaded.delimiterDetected,
      columns: loaded.columns,
      mapping,
      totalRows: loaded.rows + loaded.readRejects,
    };
    const problems: Problem[] = [];
    if (loaded.columns.length < 2 && loaded.format === 'csv') {
      problems.push({ severity: 'warning', message: `only one column was found: is the delimiter right?`, file, row: 1, field: null });
    }
    if (loaded.rows + loaded.readRejects === 0) problems.push({ severity: 'error', message: `${file} has a header but no rows`, file, row: null, field: null });
    problems.push(...missingColumns(mapping, loaded.columns, file));
    try {
      await checkTimezone(s, tz, file);
      if (given.timestampFormat) checkFormat(given.timestampFormat, file);
    } catch (err) {
      problems.push(problemOf(err, file));
    }
    const rawRows = await s.query<Record<string, string | null>>('csv/preview_raw', { limit });
    const blocking = problems.some((p) => p.severity === 'error');
    let format = given.timestampFormat ?? null;
    if (!blocking && !format && mapping.timestamp) {
      const d = await detectTimestampFormat(s, mapping.timestamp, file);
      format = d.format;
      preview.timestampFormatDetected = format !== null;
      problems.push(...d.problems);
    }
    preview.timestampFormat = format;
    const readRejects = await s.query<{ line: number; field: string | null; reason: string }>('csv/preview_read_rejects', { limit: PROBLEM_ROWS });
    for (const r of readRejects) problems.push({ severity: 'error', message: `row ${r.line} will be rejected: ${r.reason}`, file, row: r.line, field: r.field });
    let rejected = loaded.readRejects;
    let mapped = new Map<number, Omit<PreviewRow, 'values'>>();
    let rowNos = rawRows.map((r, i) => i + (loaded.format === 'parquet' ? 1 : 2));
    if (!problems.some((p) => p.severity === 'error' && p.row === null) && !missingColumns(mapping, loaded.columns, file).length && format) {
      await mapAndValidate(s, loaded, mapping as ColumnMapping, format, tz);
      const rows = await s.query<{ k: number; row_no: number; case_id: string | null; activity: string | null; ts: string | null; start_ts: string | null; resource: string | null }>(
        'csv/preview_rows',
        { limit },
      );
      mapped = new Map(rows.map((r) => [r.k, { row: r.row_no, case: r.case_id, activity: r.activity, timestamp: r.ts, startTimestamp: r.start_ts, resource: r.resource }]));
      rowNos = rawRows.map((r, i) => mapped.get(Number(r.__tl_k))?.row ?? rowNos[i]);
      const bad = await s.query<{ row_no: number; reject_field: string; reject_reason: string; total: number }>('csv/preview_rejects', { limit: PROBLEM_ROWS });
      rejected += bad[0]?.total ?? 0;
      for (const b of bad) problems.push({ severity: 'error', message: `row ${b.row_no} will be rejected: ${b.reject_reason}`, file, row: b.row_no, field: b.reject_field });
      if (rejected > PROBLEM_ROWS) problems.push({ severity: 'warning', message: `${rejected} rows in all will be rejected (the first ${PROBLEM_ROWS} are listed)`, file, row: null, field: null });
    }
    preview.rows = rawRows.map((r, i) => {
      const { __tl_k, ...values } = r;
      const m = mapped.get(Number(__tl_k));
      return { row: rowNos[i], values, case: m?.case ?? null, activity: m?.activity ?? null, timestamp: m?.timestamp ?? null, startTimestamp: m?.startTimestamp ?? null, resource: m?.resource ?? null };
    });
    preview.rejectedRows = rejected;
    preview.problems = problems;
    return preview;
  });
}

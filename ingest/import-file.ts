// Import one event-log file (XES, OCEL 2.0, CSV or Parquet) into a named log: the one dispatch the
// command line and the server share, so `throughline import` behaves the same with or without a
// running server.
import type { Store } from '../sql';
import { formatOfFile, type FileFormat } from './formats';
import { IngestError, type IngestResult } from './types';
import type { ColumnMapping } from './csv/types';

export interface ImportFileOptions {
  logId: string;
  name?: string;
  /** Detected from the file name when absent. */
  format?: FileFormat;
  /** CSV and Parquet only: which columns are case, activity, timestamp, … */
  mapping?: ColumnMapping;
}

export const FILE_FORMATS: readonly FileFormat[] = ['xes', 'ocel', 'csv', 'parquet'];

export async function importFile(store: Store, file: string, opts: ImportFileOptions): Promise<IngestResult> {
  const format = opts.format ?? formatOfFile(file);
  if (!format) throw new IngestError(`cannot tell the format of ${file} from its name; give the format (xes, ocel, csv, parquet)`, file);
  const base = { logId: opts.logId, name: opts.name };
  switch (format) {
    case 'xes':
      return (await import('./xes')).importXes(store, file, base);
    case 'ocel':
      return (await import('./ocel')).importOcel(store, file, base);
    case 'csv':
    case 'parquet':
      if (!opts.mapping) throw new IngestError(`${file}: CSV and Parquet need a column mapping (case, activity, timestamp)`, file);
      return (await import('./csv')).importTable(store, file, opts.mapping, base);
  }
}

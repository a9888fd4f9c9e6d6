// The column mapping and what detection and preview report (ingest/csv/README.md).

/** Named timestamp formats the detector tries, in this order; an explicit strptime string (with `%`) is also accepted. */
export const TIMESTAMP_FORMATS = ['iso', 'epoch_s', 'epoch_ms', 'ymd', 'dmy', 'mdy', 'dmy_dot'] as const;
export type NamedTimestampFormat = (typeof TIMESTAMP_FORMATS)[number];

export const TIMESTAMP_FORMAT_LABELS: Record<NamedTimestampFormat, string> = {
  iso: 'ISO 8601 (with or without offset)',
  epoch_s: 'Unix epoch seconds',
  epoch_ms: 'Unix epoch milliseconds',
  ymd: 'YYYY/MM/DD HH:MM[:SS]',
  dmy: 'DD/MM/YYYY HH:MM[:SS] (day first)',
  mdy: 'MM/DD/YYYY HH:MM[:SS] (month first)',
  dmy_dot: 'DD.MM.YYYY HH:MM[:SS]',
};

export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** Which columns hold what. Column names are as read (DuckDB names an empty header `column0`, …). */
export interface ColumnMapping {
  case: string;
  activity: string;
  /** The event's (completion) time. */
  timestamp: string;
  /** Start time of the activity instance; kept on the event as `attrs.start_ts` (docs/model.md). */
  startTimestamp?: string;
  /** → events.user_id */
  resource?: string;
  /** Further columns kept as event attributes (strings). */
  attributes?: string[];
  /** A name from TIMESTAMP_FORMATS or a strptime format; detected when absent. */
  timestampFormat?: string;
  /** CSV only; detected when absent. */
  delimiter?: string;
  /** IANA zone for timestamps without an offset (default UTC). */
  timezone?: string;
}

/** A mapping under construction (preview accepts a partial one). */
export type PartialMapping = Partial<ColumnMapping>;

export type TableFormat = 'csv' | 'parquet';

export interface Problem {
  severity: 'error' | 'warning';
  message: string;
  file: string;
  row: number | null;
  field: string | null;
}

export interface PreviewRow {
  row: number;
  /** The raw values by column, as read. */
  values: Record<string, string | null>;
  case: string | null;
  activity: string | null;
  /** Parsed, ISO UTC; null when it does not parse. */
  timestamp: string | null;
  startTimestamp: string | null;
  resource: string | null;
}

export interface Preview {
  file: string;
  format: TableFormat;
  /** Detected (or given) settings. */
  delimiter: string | null;
  delimiterDetected: boolean;
  timestampFormat: string | null;
  timestampFormatDetected: boolean;
  timezone: string;
  columns: string[];
  /** The mapping filled in with guesses for what was not given. */
  mapping: PartialMapping;
  rows: PreviewRow[];
  /** Rows in the file (all of them, as read). */
  totalRows: number;
  /** Rows that an import would reject (the whole file is checked). */
  rejectedRows: number;
  /** Errors stop the import (or are rejects with the row named); warnings are advice. */
  problems: Problem[];
}

export interface ImportOptions {
  logId: string;
  /** The log's display name (default: the file name). */
  name?: string;
  /** The name to record in lineage and rejects (an upload's original file name); default the path's base name. */
  fileName?: string;
}

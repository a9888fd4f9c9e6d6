// The contract every ingestor fulfils (see docs/model.md for what they write).
export type SourceKind = 'sap' | 'wms-legacy' | 'wms-events' | 'billing';

export const SOURCE_KINDS: readonly SourceKind[] = ['sap', 'wms-legacy', 'wms-events', 'billing'];

/** Standard event-log formats imported into a log of their own (`throughline import`). */
export type ImportFormat = 'xes' | 'ocel' | 'csv' | 'parquet';

/** What an ingest run read: an O2C source, a live ERP database, or an event-log file. */
export type RunKind = SourceKind | 'odoo' | ImportFormat;

export interface RejectSample {
  file: string;
  row: number | null;
  field: string | null;
  reason: string;
}

export interface IngestResult {
  runId: string;
  logId: string;
  sourceKind: RunKind;
  sourcePath: string;
  status: 'succeeded' | 'failed';
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  rowsDuplicate: number;
  eventsAdded: number;
  objectsAdded: number;
  /** At most 20, for a human to read; all rejects are in the rejects table. */
  rejectSamples: RejectSample[];
  error?: string;
  durationMs: number;
}

/** A source that cannot be read at all: names file, row and field; nothing was written. */
export class IngestError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly row: number | null = null,
    readonly field: string | null = null,
  ) {
    super(message);
    this.name = 'IngestError';
  }

  /** The failed run as recorded in ingest_runs (set by the pipeline before rethrowing). */
  result?: IngestResult;
}
